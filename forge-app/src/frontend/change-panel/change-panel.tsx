import { Box, Button, Heading, Inline, Link, Lozenge, Spinner, Stack, Text } from '@forge/react';
import { useState } from 'react';
import type { ChangeAsset, ResolverResult } from '../../common/types';
import { call } from '../shared/api';
import { AssetSearch } from '../shared/asset-search';
import { ErrorMessage } from '../shared/error-message';
import { stageLabel, tierLabel } from '../shared/labels';
import { useResolver, useResolverAction } from '../shared/use-resolver';
import { ChangeAssessmentView } from './change-assessment';

const loadPanel = () => call('getChangePanel');

/**
 * The change panel: what the change touches as the register knows it today (the linked assets
 * with criticality, lifecycle stage and owner), who to notify, and open incidents on them; the
 * register's impact assessment (risk, reasons, what the change reaches and how), which can be
 * recorded on the issue as a comment; link and unlink assets as on the incident panel.
 */
export function ChangePanel() {
  const { state, reload } = useResolver(loadPanel);
  const { busy, error: actionError, run } = useResolverAction();
  const [recorded, setRecorded] = useState<string>();

  const change = (work: () => Promise<ResolverResult<unknown>>) => {
    setRecorded(undefined);
    return run(work, reload);
  };

  const record = () => {
    setRecorded(undefined);
    return run(
      () => call('recordAssessment'),
      data =>
        setRecorded(
          `Added to the issue as ${data.visibility === 'internal' ? 'an internal comment (agents only)' : 'a comment'}: risk ${data.score} / 25 (${data.level}).`,
        ),
    );
  };

  if (state.status === 'loading') return <Spinner label="Loading the assets this change touches" />;
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  const { assets, owners, highestCriticality, highestCritical, assessment } = state.data;
  const search = <AssetSearch busy={busy} onLink={assetId => change(() => call('linkAsset', { assetId }))} />;
  if (assets.length === 0) {
    return (
      <Stack space="space.200">
        {actionError && <ErrorMessage error={actionError} />}
        <Text>No assets are linked to this change yet. Link the assets it touches.</Text>
        {search}
      </Stack>
    );
  }
  return (
    <Stack space="space.200">
      {actionError && <ErrorMessage error={actionError} />}
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text>Highest criticality:</Text>
        {highestCriticality !== undefined && (
          <Lozenge appearance={tierLabel(highestCriticality, highestCritical ?? false).appearance}>
            {tierLabel(highestCriticality, highestCritical ?? false).text}
          </Lozenge>
        )}
      </Inline>
      <Text>{owners.length > 0 ? `Owners to notify: ${owners.join(', ')}` : 'No owners recorded on these assets.'}</Text>
      {assets.map(asset => (
        <ChangeAssetItem
          key={asset.id}
          asset={asset}
          busy={busy}
          onUnlink={() => change(() => call('unlinkAsset', { assetId: asset.id }))}
        />
      ))}
      {assessment && <ChangeAssessmentView assessment={assessment} busy={busy} recorded={recorded} onRecord={record} />}
      {search}
    </Stack>
  );
}

function ChangeAssetItem(props: { asset: ChangeAsset; busy: boolean; onUnlink: () => void }) {
  const { asset } = props;
  const stage = stageLabel(asset.lifecycleStage);
  const tier = tierLabel(asset.criticality, asset.critical);
  return (
    <Box>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Heading size="xsmall">{asset.tag}</Heading>
          <Text>{asset.name}</Text>
          {asset.url && (
            <Link href={asset.url} openNewTab>
              Open in Backstage
            </Link>
          )}
          <Lozenge appearance={tier.appearance}>{tier.text}</Lozenge>
          <Lozenge appearance={stage.appearance}>{stage.text}</Lozenge>
        </Inline>
        <Text>Owner: {asset.owner ?? 'none recorded'}</Text>
        <Text>
          {asset.openIncidents.length > 0
            ? `Open incidents: ${asset.openIncidents.join(', ')}`
            : asset.hiddenOpenIncidents > 0
              ? 'Open incidents:'
              : 'No open incidents.'}
          {asset.hiddenOpenIncidents > 0 ? ` ${asset.hiddenOpenIncidents} you cannot view` : ''}
        </Text>
        <Inline>
          <Button appearance="subtle" isDisabled={props.busy} onClick={props.onUnlink}>
            {`Unlink ${asset.tag}`}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
