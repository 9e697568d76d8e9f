import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import type { EntityAsset, NoticeWindows } from '@itam/common';
import { useEntityAssets, useItamRoutes, useItamSettings } from '../../hooks';
import { useAssetInsights, type AssetInsight } from '../../hooks/useAssetInsights';
import { insightAttention } from '../../utils/insightAttention';
import { formatMoney } from '../../utils/money';
import { highestSeverity } from '../../utils/risks';
import { endOfLifeStatus, todayIso, warrantyStatus, type StatusLevel } from '../../utils/assetStatus';
import { ASSET_CLASS_LABELS } from '../../utils/labels';
import { CriticalityChip, LifecycleStageChip, StatusChip } from '../AssetChips';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { LicenceStatusChip } from '../LicencesPage';
import { RiskSeverityChip } from '../RiskFindingsPage';

const SEVERITY: Record<StatusLevel, number> = { error: 3, warning: 2, unknown: 1, ok: 0 };

/** Worst first: past end of life or expired warranty, then what is about to, then the rest. */
function byConcern(today: string, windows: NoticeWindows) {
  const concern = (i: EntityAsset) =>
    Math.max(
      SEVERITY[warrantyStatus(i.asset, today, windows).level],
      SEVERITY[endOfLifeStatus(i.asset, today, windows).level],
    );
  return (a: EntityAsset, b: EntityAsset) =>
    concern(b) - concern(a) || a.asset.criticality - b.asset.criticality || a.asset.tag.localeCompare(b.asset.tag);
}

/** The licence and risk chips of one asset; nothing for what it does not have. */
function InsightChips(props: { insight?: AssetInsight }) {
  if (!props.insight) return null;
  const licence = props.insight.licences.status;
  const severity = highestSeverity(props.insight.findings);
  const count = props.insight.findings.length;
  return (
    <>
      {licence !== 'none' && <LicenceStatusChip status={licence} />}
      {severity && <RiskSeverityChip severity={severity} />}
      {count > 0 && (
        <Text color="secondary">
          {count} open risk {count === 1 ? 'finding' : 'findings'}
        </Text>
      )}
    </>
  );
}

function CardFrame(props: { children: React.ReactNode; subtitle?: string; attention?: string }) {
  return (
    <Card>
      <CardHeader>
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-small">
            Assets
          </Text>
          {props.subtitle && <Text color="secondary">{props.subtitle}</Text>}
          {props.attention && <Text color="secondary">{props.attention}</Text>}
        </Flex>
      </CardHeader>
      <CardBody>{props.children}</CardBody>
    </Card>
  );
}

/** How many linked assets the card lists before pointing to the Assets tab. */
const MAX_ROWS = 5;

/**
 * The entity overview card: the linked assets that need attention first, each with its stage,
 * criticality, the worse of its warranty and end-of-life status, the licence status of its
 * managed software, its open risk findings and purchase cost, linking to the asset page.
 *
 * It renders nothing when the entity has no linked assets, so overview pages of the many
 * entities without assets stay uncluttered (the Assets tab explains how to link one).
 */
export function EntityAssetsCard() {
  const { entity } = useEntity();
  const { items, loading, error, retry } = useEntityAssets(stringifyEntityRef(entity));
  const routes = useItamRoutes();
  const today = todayIso();
  const { noticeWindows } = useItamSettings();
  const insights = useAssetInsights(items);

  if (loading && !items) {
    return (
      <CardFrame>
        <Progress />
      </CardFrame>
    );
  }
  if (error) {
    return (
      <CardFrame>
        <ItamErrorPanel error={error} title="Could not load the assets" onRetry={retry} />
      </CardFrame>
    );
  }
  if (!items || items.length === 0) return null;

  const sorted = [...items].sort(byConcern(today, noticeWindows));
  const shown = sorted.slice(0, MAX_ROWS);
  return (
    <CardFrame
      attention={insightAttention(insights.insights, items.map(i => i.asset.id)).join(', ')}
      subtitle={
        items.length > shown.length
          ? `${shown.length} of ${items.length} linked assets, those needing attention first`
          : `${items.length} linked ${items.length === 1 ? 'asset' : 'assets'}`
      }
    >
      {insights.error && (
        <ItamErrorPanel
          error={insights.error}
          title="Could not load the licence and risk details"
          onRetry={insights.retry}
        />
      )}
      <Flex direction="column" gap="3" role="list" aria-label="Linked assets">
        {shown.map(({ asset, role }) => {
          const warranty = warrantyStatus(asset, today, noticeWindows);
          const eol = endOfLifeStatus(asset, today, noticeWindows);
          const worst = SEVERITY[eol.level] >= SEVERITY[warranty.level] ? eol : warranty;
          return (
            <Flex key={`${asset.id}:${role}`} direction="column" gap="1" role="listitem">
              <Flex gap="2" align="baseline">
                {routes.asset ? (
                  <Link href={routes.asset(asset.id)} weight="bold">
                    {asset.tag}
                  </Link>
                ) : (
                  <Text weight="bold">{asset.tag}</Text>
                )}
                <Text>{asset.name}</Text>
                <Text color="secondary">
                  {ASSET_CLASS_LABELS[asset.assetClass]} · {asset.type}
                  {asset.purchase?.cost !== undefined &&
                    ` · ${formatMoney(asset.purchase.cost, asset.purchase.currency)}`}
                </Text>
              </Flex>
              <Flex gap="2" align="center">
                <LifecycleStageChip stage={asset.lifecycleStage} />
                <CriticalityChip criticality={asset.criticality} />
                <StatusChip {...worst} />
                <InsightChips insight={insights.insights?.get(asset.id)} />
              </Flex>
            </Flex>
          );
        })}
      </Flex>
    </CardFrame>
  );
}
