import type { ReactNode } from 'react';
import { Progress, StructuredMetadataTable } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ButtonLink, Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import { itamAssetUpdatePermission, type Asset } from '@itam/common';
import { useAsset, useItamPermission, useItamRoutes } from '../../hooks';
import { todayIso } from '../../utils/assetStatus';
import { formatDateTime } from '../../utils/dateTime';
import { formatValue } from '../../utils/formatValue';
import { formatMoney } from '../../utils/money';
import {
  ASSET_CLASS_LABELS,
  CRITICALITY_LABELS,
  DATA_CLASSIFICATION_LABELS,
  fieldLabel,
} from '../../utils/labels';
import { AssetDateChips, CriticalityChip, LifecycleStageChip } from '../AssetChips';
import { AssetDepreciation } from '../AssetDepreciation';
import { AssetHistory } from '../AssetHistory';
import { AssetLifecycle } from '../AssetLifecycle';
import { AssetLinks } from '../AssetLinks';
import { ItamErrorPanel } from '../ItamErrorPanel';

function entityOrText(ref: string | undefined, none: string): ReactNode {
  return ref ? <EntityRefLink entityRef={ref} /> : none;
}

/** The asset's recorded facts, in words; optional facts that are not recorded are left out. */
function details(asset: Asset): Record<string, ReactNode> {
  const rows: [string, ReactNode | undefined][] = [
    [fieldLabel('tag'), asset.tag],
    [fieldLabel('name'), asset.name],
    [fieldLabel('assetClass'), ASSET_CLASS_LABELS[asset.assetClass]],
    [fieldLabel('type'), asset.type],
    [fieldLabel('description'), asset.description],
    [fieldLabel('criticality'), CRITICALITY_LABELS[asset.criticality]],
    [fieldLabel('dataClassification'), DATA_CLASSIFICATION_LABELS[asset.dataClassification]],
    [fieldLabel('owner'), entityOrText(asset.owner, 'No owner')],
    [fieldLabel('custodian'), asset.custodian && entityOrText(asset.custodian, '')],
    [fieldLabel('serialNumber'), asset.serialNumber],
    [fieldLabel('location'), asset.location],
    [fieldLabel('costCentre'), asset.costCentre],
    [fieldLabel('purchase'), asset.purchase && purchaseText(asset.purchase)],
    [fieldLabel('warrantyEnd'), asset.warrantyEnd],
    [fieldLabel('endOfLife'), asset.endOfLife],
    [fieldLabel('endOfSupport'), asset.endOfSupport],
    [fieldLabel('sanitisation'), asset.sanitisation && formatValue(asset.sanitisation)],
    [
      fieldLabel('externalIds'),
      asset.externalIds.length > 0 ? formatValue(asset.externalIds) : undefined,
    ],
    [
      fieldLabel('attributes'),
      Object.keys(asset.attributes).length > 0 ? formatValue(asset.attributes) : undefined,
    ],
    ['Version', String(asset.version)],
    ['Last changed', formatDateTime(asset.updatedAt)],
  ];
  return Object.fromEntries(rows.filter(([, v]) => v !== undefined && v !== ''));
}

/**
 * One asset: what it is and its status at a glance, its lifecycle (stepper and the moves it can
 * make, with the rules that block them), its recorded details, its links to catalogue entities
 * and tickets, and its history.
 */
export function AssetPage(props: { assetId: string }) {
  const { asset, loading, error, retry } = useAsset(props.assetId);
  const routes = useItamRoutes();
  const canUpdate = useItamPermission(itamAssetUpdatePermission, asset?.id).allowed;
  const today = todayIso();

  if (loading && !asset) return <Progress />;
  if (error && !asset) {
    return (
      <Flex direction="column" gap="3" align="start">
        <ItamErrorPanel error={error} title={`Could not load asset ${props.assetId}`} onRetry={retry} />
        {routes.register && <Link href={routes.register}>Back to the register</Link>}
      </Flex>
    );
  }
  if (!asset) return null;

  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="start">
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-medium">
            {asset.tag} · {asset.name}
          </Text>
          <Text color="secondary">
            {ASSET_CLASS_LABELS[asset.assetClass]} · {asset.type}
          </Text>
        </Flex>
        <Flex gap="3" align="center">
          {routes.register && <Link href={routes.register}>Back to the register</Link>}
          {canUpdate && routes.editAsset && (
            <ButtonLink href={routes.editAsset(asset.id)} variant="secondary">
              Edit
            </ButtonLink>
          )}
        </Flex>
      </Flex>
      <Flex gap="2" align="center" aria-label="Status">
        <LifecycleStageChip stage={asset.lifecycleStage} />
        <CriticalityChip criticality={asset.criticality} />
        <AssetDateChips asset={asset} today={today} />
      </Flex>
      {error && <ItamErrorPanel error={error} title="Could not reload the asset" onRetry={retry} />}
      <AssetLifecycle key={asset.version} asset={asset} canUpdate={canUpdate} onChanged={retry} />
      <Card>
        <CardHeader>
          <Text as="h3" variant="title-small">
            Details
          </Text>
        </CardHeader>
        <CardBody>
          <StructuredMetadataTable metadata={details(asset)} options={{ titleFormat: k => k }} />
        </CardBody>
      </Card>
      <AssetDepreciation asset={asset} />
      <AssetLinks assetId={asset.id} version={asset.version} canUpdate={canUpdate} />
      <AssetHistory assetId={asset.id} version={asset.version} />
    </Flex>
  );
}

/** A purchase in words: `€1,299.99 on 2025-03-31 from Lenovo UK (order PO-1002)`. */
function purchaseText(purchase: NonNullable<Asset['purchase']>): string {
  const parts = [
    purchase.cost !== undefined ? formatMoney(purchase.cost, purchase.currency) : 'Cost not recorded',
    purchase.date && `on ${purchase.date}`,
    purchase.supplier && `from ${purchase.supplier}`,
    purchase.orderNumber && `(order ${purchase.orderNumber})`,
  ];
  return parts.filter(Boolean).join(' ');
}
