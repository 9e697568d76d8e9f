import { Box, Button, Heading, Inline, Link, Lozenge, Spinner, Stack, Text } from '@forge/react';
import { INCIDENT_WINDOW_DAYS } from '../../common/constants';
import type { IncidentPanelData, PanelAsset, ResolverResult } from '../../common/types';
import { AssetSearch } from '../shared/asset-search';
import { call } from '../shared/api';
import { ErrorMessage } from '../shared/error-message';
import { productLicenceText } from '../../domain/licence-status';
import { HEALTH, LICENCE, endOfLifeLabel, endOfSupportLabel, stageLabel, tierLabel, warrantyLabel } from '../shared/labels';
import { useResolver, useResolverAction } from '../shared/use-resolver';

const loadPanel = () => call('getIncidentPanel');

/**
 * The incident panel: the assets linked to the issue with their lifecycle stage, owner,
 * criticality, warranty and end-of-life status, incident history and the licence status of the
 * software installed on them; unlink; search and link.
 */
export function IncidentPanel() {
  const { state, apply } = useResolver(loadPanel);
  const { busy, error: actionError, run } = useResolverAction();

  const change = (work: () => Promise<ResolverResult<IncidentPanelData>>) =>
    run(work, data => apply({ ok: true, data }));

  if (state.status === 'loading') return <Spinner label="Loading linked assets" />;
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  const { assets } = state.data;
  return (
    <Stack space="space.200">
      {actionError && <ErrorMessage error={actionError} />}
      {assets.length === 0 ? (
        <Text>No assets are linked to this issue yet.</Text>
      ) : (
        assets.map(asset => (
          <AssetItem
            key={asset.id}
            asset={asset}
            busy={busy}
            onUnlink={() => change(() => call('unlinkAsset', { assetId: asset.id }))}
          />
        ))
      )}
      <AssetSearch busy={busy} onLink={assetId => change(() => call('linkAsset', { assetId }))} />
    </Stack>
  );
}

function AssetItem(props: { asset: PanelAsset; busy: boolean; onUnlink: () => void }) {
  const { asset } = props;
  const health = HEALTH[asset.health];
  const stage = stageLabel(asset.lifecycleStage);
  const tier = tierLabel(asset.criticality, asset.critical);
  const warranty = warrantyLabel(asset.warranty);
  const endOfLife = endOfLifeLabel(asset.endOfLife);
  const endOfSupport = endOfSupportLabel(asset.endOfSupport);
  const { recentCount, recentKeys, hiddenCount } = asset.incidents;
  const licence = LICENCE[asset.licences.status];
  return (
    <Box>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Heading size="xsmall">{asset.tag}</Heading>
          {asset.url && (
            <Link href={asset.url} openNewTab>
              Open in Backstage
            </Link>
          )}
          <Text>{asset.name}</Text>
          <Lozenge appearance={health.appearance}>{health.text}</Lozenge>
        </Inline>
        <Inline space="space.100" shouldWrap>
          <Lozenge appearance={stage.appearance}>{stage.text}</Lozenge>
          <Lozenge appearance={tier.appearance}>{tier.text}</Lozenge>
          <Lozenge appearance={warranty.appearance}>{warranty.text}</Lozenge>
          <Lozenge appearance={endOfLife.appearance}>{endOfLife.text}</Lozenge>
          {asset.endOfSupport.status !== 'none' && <Lozenge appearance={endOfSupport.appearance}>{endOfSupport.text}</Lozenge>}
          <Lozenge appearance={licence.appearance}>{licence.text}</Lozenge>
        </Inline>
        <Text>Owner: {asset.owner ?? 'none recorded'}</Text>
        <Text>
          {`Other incidents in the last ${INCIDENT_WINDOW_DAYS} days: ${recentCount}`}
          {recentKeys.length > 0 ? ` (latest: ${recentKeys.join(', ')})` : ''}
          {hiddenCount > 0 ? `; ${hiddenCount} more recent you cannot view` : ''}
        </Text>
        {asset.licences.products.map(product => (
          <Text key={product.productId}>{productLicenceText(product)}</Text>
        ))}
        <Inline>
          <Button appearance="subtle" isDisabled={props.busy} onClick={props.onUnlink}>
            {`Unlink ${asset.tag}`}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
