import { useMemo, useState } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { Button, Cell, CellText, Flex, Select, Table, Text, type ColumnConfig } from '@backstage/ui';
import {
  compareRiskFindings,
  RISK_RULE_DESCRIPTIONS,
  RISK_RULE_IDS,
  RISK_SEVERITIES,
  type RiskFinding,
  type RiskRuleId,
  type RiskSeverity,
} from '@itam/common';
import { useItamRoutes, type ItamLinks } from '../../hooks';
import { useRiskFindings } from '../../hooks/useRiskFindings';
import { formatDateTime } from '../../utils/dateTime';
import { RISK_RULE_LABELS, RISK_SEVERITY_DISPLAY } from '../../utils/risks';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { RiskSeverityChip } from './RiskSeverityChip';

const ALL = 'all';

const SEVERITY_OPTIONS = [
  { id: ALL, label: 'All severities' },
  ...RISK_SEVERITIES.map(s => ({ id: s, label: RISK_SEVERITY_DISPLAY[s].label })),
];
const RULE_OPTIONS = [
  { id: ALL, label: 'All rules' },
  ...RISK_RULE_IDS.map(r => ({ id: r, label: RISK_RULE_LABELS[r] })),
];

type Row = RiskFinding & { id: string };

const SUBJECT_KIND_LABELS: Record<RiskFinding['subject']['kind'], string> = {
  asset: 'Asset',
  product: 'Software product',
  entitlement: 'Entitlement',
  discovery: 'Discovered device',
};

/** What the finding is about: the asset (or product) linking to its page when it has one. */
function subjectCell(f: RiskFinding, routes: ItamLinks) {
  if (f.assetId) {
    return (
      <CellText title={f.assetTag ?? f.subject.label} description="Asset" href={routes.asset?.(f.assetId)} />
    );
  }
  const href = f.subject.kind === 'product' ? routes.licence?.(f.subject.id) : undefined;
  return <CellText title={f.subject.label} description={SUBJECT_KIND_LABELS[f.subject.kind]} href={href} />;
}

function useColumns(routes: ItamLinks) {
  return useMemo<ColumnConfig<Row>[]>(
    () => [
      {
        id: 'severity',
        label: 'Severity',
        cell: f => (
          <Cell>
            <RiskSeverityChip severity={f.severity} />
          </Cell>
        ),
      },
      { id: 'subject', label: 'Asset', isRowHeader: true, cell: f => subjectCell(f, routes) },
      {
        id: 'rule',
        label: 'Rule',
        cell: f => <CellText title={RISK_RULE_LABELS[f.ruleId] ?? f.ruleId} description={f.ruleId} />,
      },
      {
        id: 'finding',
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

/** e.g. "5 findings: 1 critical, 3 high, 1 medium". */
function summarise(findings: readonly RiskFinding[]): string {
  const counts = RISK_SEVERITIES.map(s => [s, findings.filter(f => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const total = `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}`;
  return counts.length > 0 ? `${total}: ${counts.join(', ')}` : total;
}

/**
 * The risk findings over the estate (docs/domain/risks.md), most severe first, filterable by severity
 * and by rule; each with its asset (linking to the asset page) or other subject, the rule, a
 * severity chip, the explanation and the recommended action it carries, and when the findings
 * were computed.
 */
export function RiskFindingsPage() {
  const { report, loading, error, retry } = useRiskFindings();
  const routes = useItamRoutes();
  const columns = useColumns(routes);
  const [severity, setSeverity] = useState<RiskSeverity | typeof ALL>(ALL);
  const [rule, setRule] = useState<RiskRuleId | typeof ALL>(ALL);
  const all = useMemo(() => report?.items.slice().sort(compareRiskFindings), [report]);
  const rows = useMemo(
    () =>
      all
        ?.filter(f => (severity === ALL || f.severity === severity) && (rule === ALL || f.ruleId === rule))
        .map(f => ({ ...f, id: `${f.ruleId}:${f.subject.kind}:${f.subject.id}` })),
    [all, severity, rule],
  );
  const clearFilters = () => {
    setSeverity(ALL);
    setRule(ALL);
  };

  let body;
  if (error) {
    body = <ItamErrorPanel error={error} title="Could not load the risk findings" onRetry={retry} />;
  } else if (loading && !all) {
    body = <Progress />;
  } else if (!all || all.length === 0) {
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
        <Text color="secondary">{summarise(all)}</Text>
        <Flex gap="3" align="start" role="search" aria-label="Filter the findings">
          <Select
            label="Severity"
            options={SEVERITY_OPTIONS}
            value={severity}
            onChange={key => setSeverity(!key ? ALL : (key as RiskSeverity))}
          />
          <Select
            label="Rule"
            options={RULE_OPTIONS}
            value={rule}
            onChange={key => setRule(!key ? ALL : (key as RiskRuleId))}
          />
        </Flex>
        {rule !== ALL && <Text color="secondary">{RISK_RULE_DESCRIPTIONS[rule]}</Text>}
        {rows && rows.length > 0 ? (
          <Table columnConfig={columns} data={rows} pagination={{ type: 'none' }} />
        ) : (
          <EmptyState
            missing="data"
            title="No findings match these filters"
            action={
              <Button variant="secondary" onPress={clearFilters}>
                Clear filters
              </Button>
            }
          />
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
        {report && <Text color="secondary">Computed {formatDateTime(report.computedAt)}</Text>}
      </Flex>
      {body}
    </Flex>
  );
}
