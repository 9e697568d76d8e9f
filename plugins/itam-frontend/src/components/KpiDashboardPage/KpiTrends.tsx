import { useMemo } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { Flex, Grid, Text, VisuallyHidden } from '@backstage/ui';
import { useTheme } from '@material-ui/core/styles';
import type { KpiReport, KpiResult } from '@itam/common';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useKpiTrend } from '../../hooks/useKpis';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { chartValue, formatAxisTick, formatKpiValue } from './kpiPresentation';
import { monthlyWindows, type MonthWindow } from './kpiWindows';

/** How many calendar months the trend charts cover. */
export const TREND_MONTHS = 6;

// A fixed size: charts stay legible in a grid cell, and render in tests (jsdom measures nothing).
const CHART_WIDTH = 320;
const CHART_HEIGHT = 180;

interface TrendPoint {
  month: string;
  /** The plotted number (percentages as 0–100), null where the KPI could not be computed. */
  value: number | null;
  /** The value in words, for the tooltip and the table. */
  shown: string;
}

interface KpiSeries {
  kpi: KpiResult;
  points: TrendPoint[];
}

/** One series per KPI of the latest month, each with a point per month. */
function seriesOf(months: readonly MonthWindow[], reports: readonly KpiReport[]): KpiSeries[] {
  const latest = reports[reports.length - 1];
  return (latest?.kpis ?? []).map(kpi => ({
    kpi,
    points: reports.map((report, i) => {
      const k = report.kpis.find(r => r.id === kpi.id);
      const value = k?.value ?? null;
      return {
        month: months[i].label,
        value: k && value !== null ? chartValue(k, value) : null,
        shown: k && value !== null ? formatKpiValue(k, value) : 'No data',
      };
    }),
  }));
}

function KpiTrendChart(props: { series: KpiSeries }) {
  const { kpi, points } = props.series;
  const theme = useTheme();
  const title = `${kpi.name} by month`;
  const hasData = points.some(p => p.value !== null);
  return (
    <figure aria-label={title} style={{ margin: 0 }}>
      <figcaption>
        <Text as="h4" variant="title-x-small">
          {kpi.name}
        </Text>
      </figcaption>
      {hasData ? (
        <LineChart
          width={CHART_WIDTH}
          height={CHART_HEIGHT}
          data={points}
          title={title}
          desc={kpi.definition}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} />
          <YAxis width={64} tick={{ fontSize: 11 }} tickFormatter={(t: number) => formatAxisTick(kpi, t)} />
          <Tooltip
            formatter={(_value, _name, item) => [(item.payload as TrendPoint).shown, kpi.name]}
          />
          {/* Straight segments between the months' points: a curve would invent values between them. */}
          <Line
            type="linear"
            dot={{ r: 3 }}
            dataKey="value"
            name={kpi.name}
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </LineChart>
      ) : (
        <Text variant="body-small" color="secondary">
          No data in these months.
        </Text>
      )}
      {/* The same numbers for screen readers, which cannot read the lines. */}
      <VisuallyHidden>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">{kpi.name}</th>
            </tr>
          </thead>
          <tbody>
            {points.map(p => (
              <tr key={p.month}>
                <th scope="row">{p.month}</th>
                <td>{p.shown}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}

/**
 * Each KPI over the last {@link TREND_MONTHS} calendar months (the current one up to `today`),
 * one line chart per KPI, fetched as one report per month in parallel.
 */
export function KpiTrends(props: { today: string }) {
  const months = useMemo(() => monthlyWindows(props.today, TREND_MONTHS), [props.today]);
  const { reports, loading, error, retry } = useKpiTrend(months);
  const series = useMemo(() => (reports ? seriesOf(months, reports) : []), [months, reports]);

  let body;
  if (loading && !reports) body = <Progress />;
  else if (error) body = <ItamErrorPanel error={error} title="Could not load the KPI trends" onRetry={retry} />;
  else if (series.every(s => s.points.every(p => p.value === null))) {
    body = (
      <EmptyState
        missing="data"
        title="No KPI history yet"
        description="None of the KPIs could be computed in the last six months. They appear as the register gains assets, audits, tickets and licence positions."
      />
    );
  } else {
    body = (
      <Grid.Root columns={{ initial: '1', md: '2', lg: '3' }} gap="4">
        {series.map(s => (
          <KpiTrendChart key={s.kpi.id} series={s} />
        ))}
      </Grid.Root>
    );
  }

  return (
    <Flex direction="column" gap="2" role="region" aria-label="KPI trends">
      <Text as="h3" variant="title-small">
        Trends over the last {TREND_MONTHS} months
      </Text>
      <Text variant="body-small" color="secondary">
        One point per calendar month, from {months[0].label} to {months[months.length - 1].label} (the
        current month up to today).
      </Text>
      {body}
    </Flex>
  );
}
