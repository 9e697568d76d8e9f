import { useMemo } from 'react';
import { EmptyState, WarningPanel } from '@backstage/core-components';
import {
  Badge,
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
import { useTheme } from '@material-ui/core/styles';
import {
  DEPRECIATION_ATTRIBUTES,
  formatIsoDay,
  parseIsoDay,
  type Asset,
  type DepreciationMethod,
  type DepreciationScheduleRow,
} from '@itam/common';
import { CartesianGrid, Line, LineChart, ReferenceDot, Tooltip, XAxis, YAxis } from 'recharts';
import { todayIso } from '../../utils/assetStatus';
import { formatNumber } from '../../utils/formatAmounts';
import { formatMoney } from '../../utils/money';
import { planDepreciation, type DepreciationPlan } from './depreciationPlan';

const METHOD_LABELS: Record<DepreciationMethod, string> = {
  'straight-line': 'Straight-line',
  'declining-balance': 'Declining balance',
  'sum-of-years-digits': "Sum-of-years' digits",
};

// A fixed size: legible beside the table, and rendered in tests (jsdom measures nothing).
const CHART_WIDTH = 560;
const CHART_HEIGHT = 240;

type ReadyPlan = Extract<DepreciationPlan, { kind: 'ready' }>;
type ScheduleItem = DepreciationScheduleRow & { id: number };

const dayOf = (date: string) => parseIsoDay(date) ?? Number.NaN;
const monthOf = (day: number) => formatIsoDay(day).slice(0, 7);

function BookValueChart(props: { plan: ReadyPlan; today: string }) {
  const { plan, today } = props;
  const theme = useTheme();
  const { currency } = plan.input;
  // Book value at the in-service date (the cost) and at the end of each year of the schedule.
  const points = [
    { day: dayOf(plan.inServiceDate), bookValue: plan.schedule.cost },
    ...plan.schedule.rows.map(r => ({ day: dayOf(r.end!) + 1, bookValue: r.bookValue })),
  ];
  const title = 'Book value over the useful life';
  return (
    <figure aria-label={title} style={{ margin: 0 }}>
      <LineChart
        width={CHART_WIDTH}
        height={CHART_HEIGHT}
        data={points}
        title={title}
        desc={`Book value in ${currency} from ${plan.inServiceDate}, year by year.`}
        margin={{ top: 16, right: 24, bottom: 0, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="day"
          type="number"
          domain={['dataMin', 'dataMax']}
          ticks={points.map(p => p.day)}
          tickFormatter={(day: number) => monthOf(day)}
          tick={{ fontSize: 11 }}
        />
        <YAxis width={72} tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatNumber(v, 0)} />
        <Tooltip
          labelFormatter={day => monthOf(Number(day))}
          formatter={value => [formatMoney(Number(value), currency), 'Book value']}
        />
        <Line
          type="linear"
          dataKey="bookValue"
          name="Book value"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          isAnimationActive={false}
        />
        {plan.current.status === 'in-service' && (
          <ReferenceDot
            x={dayOf(today)}
            y={plan.current.bookValue}
            r={6}
            fill={theme.palette.secondary.main}
            stroke="none"
            label={{ value: 'Today', position: 'top', fontSize: 11 }}
          />
        )}
      </LineChart>
    </figure>
  );
}

function useScheduleColumns(currency: string, currentPeriod: number | undefined) {
  return useMemo<ColumnConfig<ScheduleItem>[]>(
    () => [
      {
        id: 'year',
        label: 'Year',
        isRowHeader: true,
        cell: r => (
          <Cell>
            <Flex direction="column" gap="1">
              <Flex gap="2" align="center">
                <Text weight={r.period === currentPeriod ? 'bold' : 'regular'}>Year {r.period}</Text>
                {r.period === currentPeriod && <Badge>Current year</Badge>}
              </Flex>
              <Text variant="body-small" color="secondary">
                {r.start} to {r.end}
              </Text>
            </Flex>
          </Cell>
        ),
      },
      { id: 'depreciation', label: 'Depreciation', cell: r => <CellText title={formatMoney(r.depreciation, currency)} /> },
      { id: 'accumulated', label: 'Accumulated', cell: r => <CellText title={formatMoney(r.accumulated, currency)} /> },
      { id: 'bookValue', label: 'Book value at year end', cell: r => <CellText title={formatMoney(r.bookValue, currency)} /> },
    ],
    [currency, currentPeriod],
  );
}

function currentStatus(plan: ReadyPlan, today: string): string {
  const { current, schedule } = plan;
  const { currency } = plan.input;
  if (current.status === 'before-service') return `Not in service until ${plan.inServiceDate}: nothing has depreciated yet.`;
  if (current.status === 'end-of-life') {
    return `Fully depreciated: the useful life ended on ${schedule.rows[schedule.rows.length - 1].end}.`;
  }
  return `On ${today}, after ${formatMoney(current.accumulated, currency)} of depreciation.`;
}

function Schedule(props: { plan: ReadyPlan; today: string }) {
  const { plan, today } = props;
  const { currency } = plan.input;
  const columns = useScheduleColumns(currency, plan.currentPeriod);
  const items = plan.schedule.rows.map(r => ({ ...r, id: r.period }));
  const method = METHOD_LABELS[plan.input.method];
  return (
    <Flex direction="column" gap="3">
      <Flex direction="column" gap="1">
        <Text variant="body-small" color="secondary">
          Current book value
        </Text>
        <Text variant="title-medium" data-testid="current-book-value">
          {formatMoney(plan.current.bookValue, currency)}
        </Text>
        <Text variant="body-small">{currentStatus(plan, today)}</Text>
      </Flex>
      <Text variant="body-small" color="secondary">
        {method}
        {plan.methodFromAttribute ? '' : ' (the default method)'} over {plan.lifeText}
        {plan.lifeFromAttribute ? '' : ' (purchase date to end of life)'}, from {plan.inServiceDate}: cost{' '}
        {formatMoney(plan.schedule.cost, currency)}, salvage value {formatMoney(plan.schedule.salvage, currency)}.
        {plan.methodFromAttribute && plan.lifeFromAttribute
          ? ''
          : ` Set the asset attributes ${DEPRECIATION_ATTRIBUTES.method}, ${DEPRECIATION_ATTRIBUTES.usefulLifeYears} and ${DEPRECIATION_ATTRIBUTES.salvage} to change this.`}
      </Text>
      <BookValueChart plan={plan} today={today} />
      <Table columnConfig={columns} data={items} pagination={{ type: 'none' }} />
    </Flex>
  );
}

/**
 * The asset's depreciation: its book value today, a chart of the book value over its useful life,
 * and the schedule year by year (depreciation, accumulated, book value), computed with common's
 * finance functions from the purchase cost and date and the end of life (or the depreciation
 * attributes). Says which fields are missing when it cannot be computed.
 */
export function AssetDepreciation(props: {
  asset: Asset;
  /** The day the book value is for (`YYYY-MM-DD`); today unless given. */
  today?: string;
}) {
  const today = props.today ?? todayIso();
  const plan = useMemo(() => planDepreciation(props.asset, today), [props.asset, today]);

  let body;
  if (plan.kind === 'missing') {
    body = (
      <EmptyState
        missing="data"
        title="Depreciation cannot be calculated"
        description={`Missing: ${plan.missing.join(', ')}. Record ${plan.missing.length === 1 ? 'it' : 'them'} on the asset to see its book value over time.`}
      />
    );
  } else if (plan.kind === 'invalid') {
    body = (
      <WarningPanel
        severity="warning"
        title="The depreciation data is not valid"
        defaultExpanded
      >
        <ul style={{ margin: 0 }}>
          {plan.problems.map(p => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </WarningPanel>
    );
  } else {
    body = <Schedule plan={plan} today={today} />;
  }

  return (
    <Card role="region" aria-label="Depreciation">
      <CardHeader>
        <Text as="h3" variant="title-small">
          Depreciation
        </Text>
      </CardHeader>
      <CardBody>{body}</CardBody>
    </Card>
  );
}
