import { useMemo, useState } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { Flex, Grid, Select, Text } from '@backstage/ui';
import type { DateWindow, KpiReport } from '@itam/common';
import { useKpiReport } from '../../hooks/useKpis';
import { todayIso } from '../../utils/assetStatus';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { KpiTile } from './KpiTile';
import { KpiTrends } from './KpiTrends';
import { MaturityCard } from './MaturityCard';
import { KPI_WINDOW_PRESETS, presetWindow, type KpiWindowPreset } from './kpiWindows';

const WINDOW_OPTIONS = KPI_WINDOW_PRESETS.map(p => ({ id: p.id, label: p.label }));

const assets = (n: number) => `${n} asset${n === 1 ? '' : 's'}`;
const are = (n: number) => (n === 1 ? 'is' : 'are');

/** Which costs the cost KPI left out, and why. */
function leftOutCostsNote(report: KpiReport): string | undefined {
  const notes: string[] = [];
  const other = report.assetsWithOtherCurrency;
  if (other > 0) notes.push(`${assets(other)} with costs in another currency ${are(other)} left out (amounts are never converted).`);
  const undated = report.assetsWithUndatedCost ?? 0;
  if (undated > 0) notes.push(`${assets(undated)} with a cost but no purchase date ${are(undated)} left out (no window holds them).`);
  return notes.length > 0 ? notes.join(' ') : undefined;
}

function KpiTiles(props: { window: DateWindow }) {
  const { report, loading, error, retry } = useKpiReport(props.window);

  let body;
  if (loading && !report) body = <Progress />;
  else if (error) body = <ItamErrorPanel error={error} title="Could not load the KPIs" onRetry={retry} />;
  else if (!report || report.kpis.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No KPIs computed"
        description="The backend returned no KPIs for this window."
      />
    );
  } else {
    body = (
      <Flex direction="column" gap="2" aria-busy={loading}>
        <Text variant="body-small" color="secondary">
          From {report.window.from} to {report.window.to}
          {report.currency ? `; money in ${report.currency}` : ''}.
        </Text>
        <Grid.Root columns={{ initial: '1', sm: '2', lg: '4' }} gap="3">
          {report.kpis.map(kpi => (
            <KpiTile
              key={kpi.id}
              kpi={kpi}
              note={kpi.id === 'cost-per-asset' ? leftOutCostsNote(report) : undefined}
            />
          ))}
        </Grid.Root>
      </Flex>
    );
  }

  return (
    <Flex direction="column" gap="2" role="region" aria-label="Key performance indicators">
      <Text as="h3" variant="title-small">
        Key performance indicators
      </Text>
      {body}
    </Flex>
  );
}

/**
 * The ITAM KPI dashboard: the seven KPIs (asset utilisation, cost per asset, compliance,
 * lifecycle value, incident rate due to asset failure, turnover, register accuracy) of a chosen
 * window ending today, each with its value, what it was computed from and its formula; the ITAM
 * maturity level with what the next level lacks; and each KPI's trend over the last six months.
 */
export function KpiDashboardPage() {
  const today = todayIso();
  const [preset, setPreset] = useState<KpiWindowPreset>('90d');
  const kpiWindow = useMemo(() => presetWindow(preset, today), [preset, today]);

  return (
    <Flex direction="column" gap="5">
      <Flex justify="between" align="end">
        <Text as="h2" variant="title-medium">
          KPIs and maturity
        </Text>
        <Select
          label="Window"
          options={WINDOW_OPTIONS}
          value={preset}
          onChange={key => key && setPreset(key as KpiWindowPreset)}
        />
      </Flex>
      <KpiTiles window={kpiWindow} />
      <MaturityCard />
      <KpiTrends today={today} />
    </Flex>
  );
}
