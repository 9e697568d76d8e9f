// The entitlements of a product with their use and their terms. A section of the licence position page.
import { useMemo } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { type ColumnConfig } from '@backstage/ui';
import { LICENCE_METRIC_INFO, type EntitlementUsage, type StoredEntitlement, type TermStatus } from '@itam/common';
import { useProductEntitlements } from '../../hooks/useLicences';
import { LICENCE_METRIC_LABELS, quantity } from '../../utils/licences';
import { formatMoney } from '../../utils/money';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { PagedTable } from '../PagedTable/PagedTable';
import { Section } from './positionSections';
import { WrappingCellText } from '../PagedTable/WrappingCellText';


const TERM_STATUS_LABELS: Record<TermStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  'not-started': 'Not started',
};

type EntitlementRow = StoredEntitlement & { usage?: EntitlementUsage };

function entitlementColumns(): ColumnConfig<EntitlementRow>[] {
  return [
    {
      id: 'id',
      label: 'Entitlement',
      isRowHeader: true,
      cell: e => <WrappingCellText title={e.id} description={e.downgradeRights ? 'With downgrade rights' : undefined} />,
    },
    { id: 'metric', label: 'Metric', cell: e => <WrappingCellText title={LICENCE_METRIC_LABELS[e.metric]} /> },
    {
      id: 'quantity',
      label: 'Quantity',
      cell: e => {
        const unit = LICENCE_METRIC_INFO[e.metric].unit;
        const allocated = (e.allocations?.deviceIds?.length ?? 0) + (e.allocations?.userRefs?.length ?? 0);
        return (
          <WrappingCellText
            title={e.quantity === undefined ? 'Unlimited' : quantity(e.quantity, unit)}
            description={allocated > 0 ? `${allocated} allocated` : undefined}
          />
        );
      },
    },
    {
      id: 'term',
      label: 'Term',
      cell: e => (
        <WrappingCellText
          title={`${e.termStart ?? 'Since purchase'} to ${e.termEnd ?? 'perpetual'}`}
          description={e.usage ? TERM_STATUS_LABELS[e.usage.termStatus] : undefined}
        />
      ),
    },
    {
      id: 'price',
      label: 'Unit price',
      cell: e => (
        <WrappingCellText title={e.unitCost === undefined ? 'No price recorded' : formatMoney(e.unitCost, e.currency)} />
      ),
    },
    {
      id: 'used',
      label: 'Used',
      cell: e => {
        if (!e.usage) return <WrappingCellText title="Not counted" color="secondary" />;
        const unit = LICENCE_METRIC_INFO[e.metric].unit;
        return (
          <WrappingCellText
            title={`${quantity(e.usage.consumed, unit)} by ${e.usage.consumers} ${e.usage.consumers === 1 ? 'consumer' : 'consumers'}`}
            description={
              e.usage.lentToOtherVersions > 0
                ? `${quantity(e.usage.lentToOtherVersions, unit)} lent to older versions`
                : undefined
            }
          />
        );
      },
    },
    {
      id: 'remaining',
      label: 'Remaining',
      cell: e => {
        if (!e.usage) return <WrappingCellText title="Not counted" color="secondary" />;
        return (
          <WrappingCellText
            title={e.usage.remaining === null ? 'Unlimited' : quantity(e.usage.remaining, LICENCE_METRIC_INFO[e.metric].unit)}
          />
        );
      },
    },
  ];
}

export function Entitlements(props: { productId: string; usage?: readonly EntitlementUsage[] }) {
  const { items, loading, error, retry } = useProductEntitlements(props.productId);
  const columns = useMemo(entitlementColumns, []);
  let body;
  if (error) body = <ItamErrorPanel error={error} title="Could not load the entitlements" onRetry={retry} />;
  else if (loading && !items) body = <Progress />;
  else if (!items || items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No entitlements are recorded for this product"
        description="Every use of it counts as a shortfall until the rights bought for it are recorded."
      />
    );
  } else {
    const usage = new Map(props.usage?.map(u => [u.entitlementId, u]));
    body = (
      <PagedTable columnConfig={columns} data={items.map(e => ({ ...e, usage: usage.get(e.id) }))} />
    );
  }
  return <Section title="Entitlements">{body}</Section>;
}
