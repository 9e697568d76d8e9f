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
  CellText,
  Flex,
  Table,
  Text,
  type ColumnConfig,
} from '@backstage/ui';
import type { EntityAsset } from '@itam/common';
import { useEntityAssets, useItamRoutes } from '../../hooks';
import { endOfLifeStatus, todayIso, warrantyStatus } from '../../utils/assetStatus';
import { ASSET_CLASS_LABELS, ENTITY_LINK_ROLE_LABELS } from '../../utils/labels';
import {
  CriticalityChip,
  EndOfLifeChip,
  LifecycleStageChip,
  WarrantyChip,
} from '../AssetChips';
import { ItamErrorPanel } from '../ItamErrorPanel';

type Row = EntityAsset & { id: string };

function useColumns(assetLink: ((assetId: string) => string) | undefined, today: string) {
  return useMemo<ColumnConfig<Row>[]>(
    () => [
      {
        id: 'asset',
        label: 'Asset',
        isRowHeader: true,
        cell: row => (
          <CellText
            title={row.asset.tag}
            description={row.asset.name}
            href={assetLink?.(row.asset.id)}
          />
        ),
      },
      {
        id: 'role',
        label: 'Link',
        cell: row => <CellText title={ENTITY_LINK_ROLE_LABELS[row.role] ?? row.role} />,
      },
      {
        id: 'class',
        label: 'Class',
        cell: row => (
          <CellText title={ASSET_CLASS_LABELS[row.asset.assetClass]} description={row.asset.type} />
        ),
      },
      {
        id: 'stage',
        label: 'Lifecycle stage',
        cell: row => (
          <Cell>
            <LifecycleStageChip stage={row.asset.lifecycleStage} />
          </Cell>
        ),
      },
      {
        id: 'owner',
        label: 'Owner',
        cell: row => (
          <Cell>
            {row.asset.owner ? <EntityRefLink entityRef={row.asset.owner} /> : <Text>No owner</Text>}
          </Cell>
        ),
      },
      {
        id: 'criticality',
        label: 'Criticality',
        cell: row => (
          <Cell>
            <CriticalityChip criticality={row.asset.criticality} />
          </Cell>
        ),
      },
      {
        id: 'warranty',
        label: 'Warranty',
        cell: row => (
          <Cell>
            <WarrantyChip asset={row.asset} today={today} />
          </Cell>
        ),
      },
      {
        id: 'eol',
        label: 'End of life',
        cell: row => (
          <Cell>
            <EndOfLifeChip asset={row.asset} today={today} />
          </Cell>
        ),
      },
    ],
    [assetLink, today],
  );
}

/** One line that counts what needs attention, e.g. "3 assets, 1 with an expired warranty". */
function summarise(items: EntityAsset[], today: string): string {
  const expired = items.filter(i => warrantyStatus(i.asset, today).level === 'error').length;
  const endOfLife = items.filter(i => endOfLifeStatus(i.asset, today).level === 'error').length;
  const parts = [`${items.length} ${items.length === 1 ? 'asset' : 'assets'}`];
  if (expired > 0) parts.push(`${expired} with an expired warranty`);
  if (endOfLife > 0) parts.push(`${endOfLife} past end of life or support`);
  return parts.join(', ');
}

/**
 * The entity page's "Assets" tab: every asset linked to the entity with its class, lifecycle
 * stage, owner, criticality, warranty and end-of-life status; each opens the asset's page.
 * An entity without linked assets gets an empty state saying how to link one.
 */
export function EntityAssetsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { items, loading, error, retry } = useEntityAssets(entityRef);
  const routes = useItamRoutes();
  const today = todayIso();
  const columns = useColumns(routes.asset, today);
  const rows = useMemo(() => items?.map(i => ({ ...i, id: `${i.asset.id}:${i.role}` })), [items]);

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
          <Text color="secondary">{summarise(rows, today)}</Text>
        </Flex>
      </CardHeader>
      <CardBody>
        <Table
          columnConfig={columns}
          data={rows}
          pagination={{ type: 'none' }}
        />
      </CardBody>
    </Card>
  );
}
