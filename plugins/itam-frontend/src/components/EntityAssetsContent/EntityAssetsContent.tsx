import { useMemo } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  ButtonLink,
  Card,
  CardBody,
  CardHeader,
  Cell,
  Flex,
  Text,
  type ColumnConfig,
} from '@backstage/ui';
import type { EntityAsset, NoticeWindows } from '@itam/common';
import { useEntityAssets, useItamRoutes, useItamSettings } from '../../hooks';
import { useAssetInsights, type AssetInsight } from '../../hooks/useAssetInsights';
import { insightAttention } from '../../utils/insightAttention';
import { endOfLifeStatus, todayIso, warrantyStatus } from '../../utils/assetStatus';
import { ASSET_CLASS_LABELS, ENTITY_LINK_ROLE_LABELS } from '../../utils/labels';
import {
  CriticalityChip,
  EndOfLifeChip,
  LifecycleStageChip,
  WarrantyChip,
} from '../AssetChips';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { PagedTable } from '../PagedTable/PagedTable';
import { WrappingCellText } from '../PagedTable/WrappingCellText';
import { CostCell, FindingsCell, LicenceCell, type InsightState } from './AssetInsightCells';

type Row = EntityAsset & { id: string; insight: InsightState };

function useColumns(assetLink: ((assetId: string) => string) | undefined, today: string) {
  return useMemo<ColumnConfig<Row>[]>(
    () => [
      {
        id: 'asset',
        label: 'Asset',
        isRowHeader: true,
        // Twelve columns at 1440 px: every cell wraps rather than being cut off.
        defaultWidth: '1.7fr',
        cell: row => (
          <WrappingCellText
            title={row.asset.tag}
            description={row.asset.name}
            {...(assetLink ? { href: assetLink(row.asset.id) } : {})}
          />
        ),
      },
      {
        id: 'role',
        defaultWidth: '0.9fr',
        label: 'Link',
        cell: row => <WrappingCellText title={ENTITY_LINK_ROLE_LABELS[row.role] ?? row.role} />,
      },
      {
        id: 'class',
        defaultWidth: '0.9fr',
        label: 'Class',
        cell: row => (
          <WrappingCellText title={ASSET_CLASS_LABELS[row.asset.assetClass]} description={row.asset.type} />
        ),
      },
      {
        id: 'stage',
        defaultWidth: '1fr',
        label: 'Stage',
        cell: row => (
          <Cell>
            <LifecycleStageChip stage={row.asset.lifecycleStage} />
          </Cell>
        ),
      },
      {
        id: 'owner',
        defaultWidth: '1.4fr',
        label: 'Owner',
        cell: row => (
          <Cell>
            {row.asset.owner ? <EntityRefLink entityRef={row.asset.owner} /> : <Text>No owner</Text>}
          </Cell>
        ),
      },
      {
        id: 'criticality',
        defaultWidth: '0.85fr',
        label: 'Tier',
        cell: row => (
          <Cell>
            <CriticalityChip criticality={row.asset.criticality} />
          </Cell>
        ),
      },
      {
        id: 'warranty',
        defaultWidth: '1.1fr',
        label: 'Warranty',
        cell: row => (
          <Cell>
            <WarrantyChip asset={row.asset} today={today} />
          </Cell>
        ),
      },
      {
        id: 'eol',
        defaultWidth: '1.25fr',
        label: 'End of life',
        cell: row => (
          <Cell>
            <EndOfLifeChip asset={row.asset} today={today} />
          </Cell>
        ),
      },
      { id: 'licences', defaultWidth: '1.4fr', label: 'Licences', cell: row => <LicenceCell state={row.insight} /> },
      { id: 'risks', defaultWidth: '1fr', label: 'Risks', cell: row => <FindingsCell state={row.insight} /> },
      { id: 'cost', defaultWidth: '1.3fr', label: 'Cost', cell: row => <CostCell asset={row.asset} today={today} /> },
    ],
    [assetLink, today],
  );
}

/**
 * One line that counts what needs attention, e.g. "3 assets, 1 with an expired warranty,
 * 2 open risk findings, 1 running under-licensed software"; counts of zero are left out.
 */
function summarise(
  items: EntityAsset[],
  today: string,
  insights: ReadonlyMap<string, AssetInsight> | undefined,
  windows: NoticeWindows,
): string {
  const count = (test: (i: EntityAsset) => boolean) => items.filter(test).length;
  const expired = count(i => warrantyStatus(i.asset, today, windows).level === 'error');
  const ending = count(i => warrantyStatus(i.asset, today, windows).level === 'warning');
  const endOfLife = count(i => endOfLifeStatus(i.asset, today, windows).level === 'error');
  const parts = [`${items.length} ${items.length === 1 ? 'asset' : 'assets'}`];
  if (expired > 0) parts.push(`${expired} with an expired warranty`);
  if (ending > 0) parts.push(`${ending} with a warranty ending soon`);
  if (endOfLife > 0) parts.push(`${endOfLife} past end of life or support`);
  parts.push(...insightAttention(insights, items.map(i => i.asset.id)));
  return parts.join(', ');
}

/**
 * The entity page's "Assets" tab: every asset linked to the entity with its class, lifecycle
 * stage, owner, criticality, warranty and end-of-life status, the worst licence status of the
 * managed software installed on it, its open risk findings (count and highest severity) and its
 * purchase cost; each opens the asset's page. A summary line above counts what needs attention.
 * An entity without linked assets gets an empty state saying how to link one.
 */
export function EntityAssetsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { items, loading, error, retry } = useEntityAssets(entityRef);
  const routes = useItamRoutes();
  const today = todayIso();
  const { noticeWindows } = useItamSettings();
  const columns = useColumns(routes.asset, today);
  const insights = useAssetInsights(items);
  const rows = useMemo(
    () =>
      items?.map(i => ({
        ...i,
        id: `${i.asset.id}:${i.role}`,
        insight: {
          insight: insights.insights?.get(i.asset.id),
          loading: insights.loading,
          failed: insights.error !== undefined,
        },
      })),
    [items, insights.insights, insights.loading, insights.error],
  );

  if (loading && !rows) return <Progress />;
  if (error) return <ItamErrorPanel error={error} title="Could not load the assets" onRetry={retry} />;
  if (!rows || rows.length === 0) {
    const name = entity.metadata.title ?? entity.metadata.name;
    return (
      <EmptyState
        missing="data"
        title={`No assets are linked to ${name}`}
        description="Link hardware, cloud resources, software or SaaS subscriptions to this entity from an asset's page in the ITAM register."
        action={
          routes.register ? (
            <ButtonLink href={routes.register} variant="primary">
              Open the asset register
            </ButtonLink>
          ) : undefined
        }
      />
    );
  }
  return (
    <Card>
      <CardHeader>
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-small">
            Assets
          </Text>
          <Text color="secondary">{summarise(rows, today, insights.insights, noticeWindows)}</Text>
        </Flex>
      </CardHeader>
      <CardBody>
        {insights.error && (
          <ItamErrorPanel
            error={insights.error}
            title="Could not load the licence and risk details"
            onRetry={insights.retry}
          />
        )}
        {/* A page at a time: an entity with thousands of assets took minutes to render whole. */}
        <PagedTable columnConfig={columns} data={rows} />
      </CardBody>
    </Card>
  );
}
