import { useMemo } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { Cell, CellText, Flex, Text, type ColumnConfig } from '@backstage/ui';
import {
  productDisplayName,
  LicencePositionSummary,
  LicenceStatus,
  MetricPosition,
  ListedProductPosition,
} from '@itam/common';
import { useItamRoutes } from '../../hooks';
import { useLicencePositions } from '../../hooks/useLicences';
import {
  compareLicencePositions,
  LICENCE_METRIC_LABELS,
  positionText,
  quantity,
  trueUpText,
} from '../../utils/licences';
import { formatDateTime } from '../../utils/dateTime';
import { formatMoney } from '../../utils/money';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { PagedTable } from '../PagedTable/PagedTable';
import { LicenceStatusChip } from './LicenceStatusChip';

type Row = ListedProductPosition & { id: string };

/**
 * A figure of a product in its metric: the product's total when its lines share a unit, else
 * one figure per metric line (positions in different units are never added).
 */
function figure(p: ListedProductPosition, total: number | null, ofLine: (l: MetricPosition) => number) {
  if (p.status === 'unreconciled') return <CellText title="Not reconciled" color="secondary" />;
  if (total !== null) {
    const metrics = p.lines.map(l => LICENCE_METRIC_LABELS[l.metric]).join(', ');
    return <CellText title={quantity(total, p.unit)} description={metrics || undefined} />;
  }
  return (
    <Cell>
      <Flex direction="column" gap="1">
        {p.lines.map(l => (
          <Text key={l.metric}>
            {quantity(ofLine(l), l.unit)} ({LICENCE_METRIC_LABELS[l.metric]})
          </Text>
        ))}
      </Flex>
    </Cell>
  );
}

function useColumns(licenceLink: ((productId: string) => string) | undefined) {
  return useMemo<ColumnConfig<Row>[]>(
    () => [
      {
        id: 'product',
        defaultWidth: '2.1fr',
        label: 'Product',
        isRowHeader: true,
        cell: p => (
          <CellText title={productDisplayName(p)} description={p.publisher} href={licenceLink?.(p.productId)} />
        ),
      },
      {
        id: 'status',
        defaultWidth: '1.1fr',
        label: 'Status',
        cell: p => (
          <Cell>
            <LicenceStatusChip status={p.status} />
          </Cell>
        ),
      },
      { id: 'required', defaultWidth: '1fr', label: 'Required', cell: p => figure(p, p.required, l => l.required) },
      { id: 'owned', defaultWidth: '1fr', label: 'Owned', cell: p => figure(p, p.owned, l => l.owned) },
      {
        id: 'position',
        defaultWidth: '1.5fr',
        label: 'Shortfall / surplus',
        cell: p => {
          const text = positionText(p);
          if (text) return <CellText title={text} />;
          if (p.status === 'unreconciled') return <CellText title="Not reconciled" color="secondary" />;
          return (
            <Cell>
              <Flex direction="column" gap="1">
                {p.lines.map(l => (
                  <Text key={l.metric}>
                    {l.shortfall > 0
                      ? `Short ${quantity(l.shortfall, l.unit)}`
                      : `${quantity(l.surplus, l.unit)} spare`}
                  </Text>
                ))}
              </Flex>
            </Cell>
          );
        },
      },
      { id: 'trueUp', defaultWidth: '1fr', label: 'True-up cost', cell: p => <CellText title={trueUpText(p)} /> },
      {
        id: 'harvest',
        defaultWidth: '1.4fr',
        label: 'Harvest candidates',
        cell: p => (
          <CellText
            title={
              p.harvestCandidateCount === 0
                ? 'None'
                : `${p.harvestCandidateCount} ${p.harvestCandidateCount === 1 ? 'installation' : 'installations'}`
            }
          />
        ),
      },
    ],
    [licenceLink],
  );
}

/** Worst first, as the table lists them. */
const SUMMARY_ORDER: LicenceStatus[] = [
  'under-licensed',
  'incomplete',
  'over-licensed',
  'compliant',
  'unreconciled',
];

const SUMMARY_WORDS: Record<LicenceStatus, string> = {
  'under-licensed': 'under-licensed',
  incomplete: 'at risk (evidence incomplete)',
  'over-licensed': 'over-licensed',
  compliant: 'compliant',
  unreconciled: 'not under management',
};

/** One line over all products, e.g. "2 products: 1 under-licensed, 1 compliant · ...". */
function summarise(summary: LicencePositionSummary): string {
  const counts = SUMMARY_ORDER.filter(s => summary.byStatus[s] > 0).map(
    s => `${summary.byStatus[s]} ${SUMMARY_WORDS[s]}`,
  );
  const parts = [
    `${summary.products} ${summary.products === 1 ? 'product' : 'products'}: ${counts.join(', ')}`,
  ];
  if (summary.complianceRate !== null) {
    parts.push(`compliance rate ${Math.round(summary.complianceRate * 100)}%`);
  }
  if (summary.trueUp.cost > 0) {
    parts.push(
      `true-up ${summary.trueUp.complete ? '' : 'at least '}${formatMoney(summary.trueUp.cost, summary.trueUp.currency)}`,
    );
  }
  if (summary.harvestCandidates > 0) {
    parts.push(`${summary.harvestCandidates} harvest ${summary.harvestCandidates === 1 ? 'candidate' : 'candidates'}`);
  }
  return parts.join(' · ');
}

/**
 * The licence positions of every software product: shortfalls first (under-licensed, then at
 * risk because evidence is incomplete, then the rest), each with its status, rights required and
 * owned in the product's metric, shortfall or surplus, true-up cost in its own currency and the
 * number of harvest candidates; each row opens the product's position page.
 */
export function LicencesPage() {
  const { report, loading, error, retry } = useLicencePositions();
  const routes = useItamRoutes();
  const columns = useColumns(routes.licence);
  const rows = useMemo(
    () => report?.products.slice().sort(compareLicencePositions).map(p => ({ ...p, id: p.productId })),
    [report],
  );

  let body;
  if (error) {
    body = <ItamErrorPanel error={error} title="Could not load the licence positions" onRetry={retry} />;
  } else if (loading && !rows) {
    body = <Progress />;
  } else if (!report || !rows || rows.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No software products are managed yet"
        description="Record software products, their entitlements and installations (or import a discovery inventory) to see each product's licence position here."
      />
    );
  } else {
    body = (
      <Flex direction="column" gap="3">
        <Text color="secondary">{summarise(report.summary)}</Text>
        <PagedTable columnConfig={columns} data={rows} />
      </Flex>
    );
  }

  return (
    <Flex direction="column" gap="4">
      <Flex direction="column" gap="1">
        <Text as="h2" variant="title-medium">
          Licences
        </Text>
        {report && (
          <Text color="secondary">
            Effective licence position as of {report.asOf}, computed {formatDateTime(report.computedAt)}
          </Text>
        )}
      </Flex>
      {body}
    </Flex>
  );
}
