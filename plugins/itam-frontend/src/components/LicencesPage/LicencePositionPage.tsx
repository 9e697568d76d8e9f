import { useMemo } from 'react';
import { Progress } from '@backstage/core-components';
import { Flex, Link, Text, type ColumnConfig } from '@backstage/ui';
import { productDisplayName, type LicencePositionResponse, type MetricPosition } from '@itam/common';
import { useItamRoutes } from '../../hooks';
import { useAssetTags, useLicencePosition, useProductInstallations } from '../../hooks/useLicences';
import { LICENCE_METRIC_LABELS, linePositionText, positionText, quantity, trueUpText } from '../../utils/licences';
import { formatDateTime } from '../../utils/dateTime';
import { formatMoney } from '../../utils/money';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { PagedTable } from '../PagedTable/PagedTable';
import { LicenceStatusChip } from './LicenceStatusChip';
import { Section } from './positionSections';
import { Explanation } from './PositionExplanation';
import { Entitlements } from './PositionEntitlements';
import { Installations } from './PositionInstallations';
import { HarvestCandidates } from './HarvestCandidates';
import { WrappingCellText } from '../PagedTable/WrappingCellText';

/** The headline of a position: what is required and owned, and what follows. */
function headline(p: LicencePositionResponse): string {
  if (p.status === 'unreconciled') {
    return 'This product is not under management: its use is not reconciled against its rights.';
  }
  const where = positionText(p);
  if (p.required !== null && p.owned !== null && where) {
    return `${quantity(p.required, p.unit)} required, ${quantity(p.owned, p.unit)} owned: ${where.charAt(0).toLowerCase()}${where.slice(1)}.`;
  }
  return 'Its rights are counted in several metrics; see each metric below.';
}

type LineRow = MetricPosition & { id: string };

function lineColumns(currency: string | null): ColumnConfig<LineRow>[] {
  return [
    {
      id: 'metric',
      defaultWidth: '0.9fr',
      label: 'Metric',
      isRowHeader: true,
      cell: l => <WrappingCellText title={LICENCE_METRIC_LABELS[l.metric]} />,
    },
    { id: 'required', defaultWidth: '0.9fr', label: 'Required', cell: l => <WrappingCellText title={quantity(l.required, l.unit)} /> },
    {
      id: 'entitled',
      defaultWidth: '1.3fr',
      label: 'Entitled (own rights)',
      cell: l => <WrappingCellText title={l.unlimited ? 'Unlimited' : quantity(l.entitled, l.unit)} />,
    },
    {
      id: 'owned',
      defaultWidth: '1.3fr',
      label: 'Owned (effective)',
      cell: l => (
        <WrappingCellText
          title={quantity(l.owned, l.unit)}
          description={
            l.coveredByUnlimited > 0
              ? `${quantity(l.coveredByUnlimited, l.unit)} covered by a site or unlimited right`
              : undefined
          }
        />
      ),
    },
    { id: 'position', defaultWidth: '1.4fr', label: 'Shortfall / surplus', cell: l => <WrappingCellText title={linePositionText(l)} /> },
    {
      id: 'price',
      defaultWidth: '1.1fr',
      label: 'Unit price',
      cell: l => (
        <WrappingCellText
          title={l.unitCost === null ? 'No price recorded' : formatMoney(l.unitCost, currency)}
          description={l.priceEntitlementId ? `from ${l.priceEntitlementId}` : undefined}
        />
      ),
    },
    {
      id: 'trueUp',
      defaultWidth: '1.1fr',
      label: 'True-up cost',
      cell: l => (
        <WrappingCellText
          title={
            l.trueUpCost === null
              ? 'Not priced'
              : l.trueUpCost === 0
                ? 'None'
                : `${formatMoney(l.trueUpCost, currency)}`
          }
          description={
            l.trueUpCost && l.unitCost !== null
              ? `${l.shortfall} × ${formatMoney(l.unitCost, currency)}`
              : undefined
          }
        />
      ),
    },
  ];
}

/**
 * One product's effective licence position: its status and the numbers per metric (required,
 * entitled, owned, shortfall or surplus, unit price and true-up cost in the entitlement's
 * currency), how each consumer's requirement was counted and which entitlement covered it, the
 * product's entitlements with their use, its installations (linking to the assets) and the
 * harvest candidates with the reason.
 */
export function LicencePositionPage(props: { productId: string }) {
  const { productId } = props;
  const { position, loading, error, retry } = useLicencePosition(productId);
  const installations = useProductInstallations(productId);
  const routes = useItamRoutes();
  const assetIds = useMemo(
    () => [
      ...(installations.items ?? []).map(i => i.assetId),
      ...(position?.explanation.consumers ?? []).filter(c => c.consumerKind === 'device').map(c => c.consumerId),
      ...(position?.harvestCandidates ?? []).map(h => h.deviceId),
    ],
    [installations.items, position],
  );
  const tags = useAssetTags(assetIds);
  const columns = useMemo(() => lineColumns(position?.trueUp.currency ?? null), [position]);
  const back = routes.licences && <Link href={routes.licences}>Back to licences</Link>;

  if (loading && !position) return <Progress />;
  if (error || !position) {
    return (
      <Flex direction="column" gap="3" align="start">
        {error && (
          <ItamErrorPanel error={error} title={`Could not load the licence position of ${productId}`} onRetry={retry} />
        )}
        {back}
      </Flex>
    );
  }

  const lines = position.lines.map(l => ({ ...l, id: l.metric }));
  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="start">
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-medium">
            {position.publisher} {productDisplayName(position)}
          </Text>
          <Text color="secondary">
            Licence position as of {position.asOf}, computed {formatDateTime(position.computedAt)}
          </Text>
        </Flex>
        {back}
      </Flex>
      <Flex gap="2" align="center" aria-label="Licence status">
        <LicenceStatusChip status={position.status} />
        <Text>{headline(position)}</Text>
      </Flex>
      {position.status !== 'unreconciled' && (
        <Section title="Position" subtitle={`True-up cost: ${trueUpText(position)}`}>
          {lines.length === 0 ? (
            <Text>No rights and no use of this product were found.</Text>
          ) : (
            <PagedTable columnConfig={columns} data={lines} />
          )}
        </Section>
      )}
      {position.status !== 'unreconciled' && (
        <Explanation position={position} tags={tags} assetLink={routes.asset} />
      )}
      <Entitlements productId={productId} usage={position.explanation.entitlements} />
      <Installations {...installations} tags={tags} assetLink={routes.asset} />
      {position.status !== 'unreconciled' && (
        <HarvestCandidates position={position} tags={tags} assetLink={routes.asset} />
      )}
    </Flex>
  );
}
