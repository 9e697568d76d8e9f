import { useEffect, useMemo, useState } from 'react';
import { EmptyState, Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Button, Cell, CellText, Flex, Select, Table, Text, useTable, type ColumnConfig } from '@backstage/ui';
import {
  RISK_RULE_DESCRIPTIONS,
  RISK_RULE_IDS,
  RISK_SEVERITIES,
  type RiskFinding,
  type RiskFindingCounts,
  type RiskFindingItem,
  type RiskRuleId,
  type RiskSeverity,
} from '@itam/common';
import { useItamRoutes, type ItamLinks } from '../../hooks';
import { itamApiRef } from '../../api';
import { formatDateTime } from '../../utils/dateTime';
import { statusOf } from '../../utils/errors';
import { RISK_RULE_LABELS, RISK_SEVERITY_DISPLAY } from '../../utils/risks';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { WrappingCellText } from '../PagedTable/WrappingCellText';
import { RiskSeverityChip } from './RiskSeverityChip';

const ALL = 'all';

const PAGE_SIZE = 50;
const PAGE_SIZES = [25, 50, 100];

type Row = RiskFindingItem & { id: string };

const SUBJECT_KIND_LABELS: Record<RiskFinding['subject']['kind'], string> = {
  asset: 'Asset',
  product: 'Software product',
  entitlement: 'Entitlement',
  discovery: 'Discovered device',
};

/** What the finding is about: the asset (or product) linking to its page when it has one. */
function subjectCell(f: RiskFinding, routes: ItamLinks) {
  // The subject is what a reader scans for: wrapped, never cut off.
  if (f.assetId) {
    const href = routes.asset?.(f.assetId);
    return <WrappingCellText title={f.assetTag ?? f.subject.label} description="Asset" {...(href ? { href } : {})} />;
  }
  const href = f.subject.kind === 'product' ? routes.licence?.(f.subject.id) : undefined;
  return (
    <WrappingCellText title={f.subject.label} description={SUBJECT_KIND_LABELS[f.subject.kind]} {...(href ? { href } : {})} />
  );
}

function useColumns(routes: ItamLinks) {
  return useMemo<ColumnConfig<Row>[]>(
    () => [
      {
        id: 'severity',
        defaultWidth: '1fr',
        label: 'Severity',
        cell: f => (
          <Cell>
            <RiskSeverityChip severity={f.severity} />
          </Cell>
        ),
      },
      { id: 'subject', defaultWidth: '2.2fr', label: 'Asset', isRowHeader: true, cell: f => subjectCell(f, routes) },
      {
        id: 'rule',
        defaultWidth: '1.4fr',
        label: 'Rule',
        cell: f => <CellText title={RISK_RULE_LABELS[f.ruleId] ?? f.ruleId} description={f.ruleId} />,
      },
      {
        id: 'finding',
        defaultWidth: '4fr',
        label: 'Finding',
        cell: f => (
          <Cell>
            <Flex direction="column" gap="1">
              <Text>{f.explanation}</Text>
              <Text color="secondary">Recommended: {f.suggestedAction}</Text>
            </Flex>
          </Cell>
        ),
      },
    ],
    [routes],
  );
}

/** e.g. "5 findings: 1 critical, 3 high, 1 medium" (severities as the rule filter leaves them). */
function summarise(counts: RiskFindingCounts): string {
  const bySeverity = RISK_SEVERITIES.filter(s => counts.bySeverity[s] > 0).map(s => `${counts.bySeverity[s]} ${s}`);
  const total = `${counts.total} ${counts.total === 1 ? 'finding' : 'findings'}`;
  return bySeverity.length > 0 && counts.total > 0 ? `${total}: ${bySeverity.join(', ')}` : total;
}

interface FindingsFilter {
  severity?: RiskSeverity;
  ruleId?: RiskRuleId;
}

/** Option labels with how many findings choosing each would list. */
/** How soon the page asks again when the findings are still being evaluated for the first time. */
const NOT_YET_RETRY_MS = 30_000;

const withCount = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${n})`);

/**
 * The risk findings over the estate (docs/domain/risks.md), most severe first, a page at a time
 * from the server, filterable there by severity and by rule (each option says how many findings
 * it would list); each with its asset (linking to the asset page) or other subject, the rule, a
 * severity chip, the explanation and the recommended action it carries, and when the findings
 * were computed.
 */
export function RiskFindingsPage() {
  const api = useApi(itamApiRef);
  const routes = useItamRoutes();
  const columns = useColumns(routes);
  // What the last page answered besides its rows: the counts of the whole filtered list.
  const [summary, setSummary] = useState<{ computedAt: string; counts: RiskFindingCounts; everything?: number }>();
  const { tableProps, filter, reload } = useTable<Row, FindingsFilter>({
    mode: 'cursor',
    initialFilter: {},
    paginationOptions: { pageSize: PAGE_SIZE, pageSizeOptions: PAGE_SIZES },
    getData: async ({ cursor, pageSize, filter: f }) => {
      const page = await api.getRiskFindings({ ...f, limit: pageSize, cursor });
      setSummary(prev => ({
        computedAt: page.computedAt,
        counts: page.counts,
        // How many findings there are unfiltered, to tell "nothing found" from "nothing matches".
        everything: !f?.severity && !f?.ruleId ? page.counts.total : prev?.everything,
      }));
      return { data: page.items.map(item => ({ ...item, id: item.key })), nextCursor: page.nextCursor };
    },
  });
  const filters = filter.value ?? {};
  const setFilter = (change: Partial<FindingsFilter>) => filter.onChange({ ...filters, ...change });
  const clearFilters = () => filter.onChange({});
  const counts = summary?.counts;
  const severityOptions = useMemo(
    () => [
      { id: ALL, label: 'All severities' },
      ...RISK_SEVERITIES.map(s => ({ id: s, label: withCount(RISK_SEVERITY_DISPLAY[s].label, counts?.bySeverity[s]) })),
    ],
    [counts],
  );
  const ruleOptions = useMemo(
    () => [
      { id: ALL, label: 'All rules' },
      ...RISK_RULE_IDS.map(r => ({ id: r, label: withCount(RISK_RULE_LABELS[r], counts?.byRule[r]) })),
    ],
    [counts],
  );

  const { data, isPending, error } = tableProps;
  // The first evaluation of a large estate takes minutes: the backend says "not yet" (503) and
  // the page asks again on its own, as the response's Retry-After suggests.
  const notYet = statusOf(error) === 503;
  useEffect(() => {
    if (!notYet) return undefined;
    const timer = setTimeout(reload, NOT_YET_RETRY_MS);
    return () => clearTimeout(timer);
  }, [notYet, reload]);
  let body;
  if (notYet) {
    body = (
      <Flex direction="column" gap="2" align="start">
        <WarningPanel severity="info" title="Not available yet" message={error!.message} defaultExpanded />
        <Text color="secondary">This page asks again every {NOT_YET_RETRY_MS / 1000} seconds.</Text>
        <Button variant="secondary" size="small" onPress={reload}>
          Try again now
        </Button>
      </Flex>
    );
  } else if (error) {
    body = <ItamErrorPanel error={error} title="Could not load the risk findings" onRetry={reload} />;
  } else if (isPending && !data) {
    body = <Progress />;
  } else if (summary?.everything === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No risk findings"
        description="The latest scan of the register found nothing that needs attention."
      />
    );
  } else {
    body = (
      <Flex direction="column" gap="3">
        {counts && <Text color="secondary">{summarise(counts)}</Text>}
        <Flex gap="3" align="start" role="search" aria-label="Filter the findings">
          <Select
            label="Severity"
            options={severityOptions}
            value={filters.severity ?? ALL}
            onChange={key => setFilter({ severity: !key || key === ALL ? undefined : (key as RiskSeverity) })}
          />
          <Select
            label="Rule"
            options={ruleOptions}
            value={filters.ruleId ?? ALL}
            onChange={key => setFilter({ ruleId: !key || key === ALL ? undefined : (key as RiskRuleId) })}
          />
        </Flex>
        {filters.ruleId && <Text color="secondary">{RISK_RULE_DESCRIPTIONS[filters.ruleId]}</Text>}
        {data && data.length === 0 && !tableProps.isStale ? (
          <EmptyState
            missing="data"
            title="No findings match these filters"
            action={
              <Button variant="secondary" onPress={clearFilters}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <Table {...tableProps} columnConfig={columns} />
        )}
      </Flex>
    );
  }

  return (
    <Flex direction="column" gap="4">
      <Flex direction="column" gap="1">
        <Text as="h2" variant="title-medium">
          Risk findings
        </Text>
        {summary && <Text color="secondary">Computed {formatDateTime(summary.computedAt)}</Text>}
      </Flex>
      {body}
    </Flex>
  );
}
