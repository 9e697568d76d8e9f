import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ItamApi, KpiReport } from '@itam/common';
import { todayIso } from '../../testing/dates';
import { apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { aKpi, aKpiReport, aMaturityAssessment, aMissingKpi } from '../../testing/kpiFixtures';
import { renderWithItam } from '../../testing/renderWithItam';
import { KpiDashboardPage } from './KpiDashboardPage';
import { presetWindow } from './kpiWindows';

const ninetyDays = presetWindow('90d', todayIso());
const twelveMonths = presetWindow('12m', todayIso());

/** The tiles' report for the default window; every other window (the monthly trend) gets `trend`. */
function dashboardApi(
  tiles: ItamApi['getKpis'],
  overrides: Partial<ItamApi> = {},
  trend: ItamApi['getKpis'] = async () => aKpiReport(),
) {
  return fakeItamApi({
    getKpis: jest.fn(async (query = {}) =>
      query.from === ninetyDays.from && query.to === ninetyDays.to ? tiles(query) : trend(query),
    ),
    getMaturity: async () => aMaturityAssessment(),
    ...overrides,
  });
}

const tile = (name: string) => screen.getByRole('group', { name });

describe('KpiDashboardPage', () => {
  it('shows progress for the tiles, the maturity and the trends while they load', async () => {
    await renderWithItam(<KpiDashboardPage />, {
      api: fakeItamApi({ getKpis: () => pending(), getMaturity: () => pending() }),
    });
    expect(screen.getByRole('heading', { name: 'KPIs and maturity' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Key performance indicators' })).getByTestId('progress')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'ITAM maturity' })).getByTestId('progress')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'KPI trends' })).getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the seven KPIs of the last 90 days with value, basis and formula', async () => {
    const api = dashboardApi(async () => aKpiReport({ window: ninetyDays }));
    await renderWithItam(<KpiDashboardPage />, { api });

    const utilisation = await screen.findByRole('group', { name: 'Asset utilisation rate' });
    expect(api.getKpis).toHaveBeenCalledWith({ from: ninetyDays.from, to: ninetyDays.to });
    expect(screen.getByText(`From ${ninetyDays.from} to ${ninetyDays.to}; money in EUR.`)).toBeInTheDocument();
    expect(within(utilisation).getByTestId('kpi-value')).toHaveTextContent('75%');
    expect(within(utilisation).getByText('12 deployed of 16 under management')).toBeInTheDocument();
    expect(within(utilisation).getByText(/How it is measured: Assets deployed ÷ assets under management/)).toBeInTheDocument();

    const cost = tile('Cost per asset (TCO)');
    expect(within(cost).getByTestId('kpi-value')).toHaveTextContent('€1,250.00');
    expect(within(cost).getByText('€20,000.00 total cost of ownership ÷ 16 assets under management')).toBeInTheDocument();
    expect(within(tile('Compliance rate')).getByTestId('kpi-value')).toHaveTextContent('90%');
    expect(within(tile('Asset lifecycle value')).getByText('1,096 days served of 1,461 days planned')).toBeInTheDocument();
    expect(within(tile('Incident rate due to asset failure')).getByTestId('kpi-value')).toHaveTextContent(
      '0.13 incidents per asset',
    );
    expect(within(tile('Asset turnover rate')).getByTestId('kpi-value')).toHaveTextContent('20%');
    expect(within(tile('Register accuracy')).getByText('45 verified of 50 checked by audits')).toBeInTheDocument();
    expect(screen.getAllByTestId('kpi-value')).toHaveLength(7);
  });

  it('says why a KPI has no value, and which costs were left out', async () => {
    const report = aKpiReport({
      window: ninetyDays,
      assetsWithOtherCurrency: 3,
      assetsWithUndatedCost: 1,
      kpis: { 'register-accuracy': aMissingKpi('register-accuracy', 'no audit completed within the window checked anything') },
    });
    await renderWithItam(<KpiDashboardPage />, { api: dashboardApi(async () => report) });
    const accuracy = await screen.findByRole('group', { name: 'Register accuracy' });
    expect(within(accuracy).getByText('No data')).toBeInTheDocument();
    expect(within(accuracy).getByText('No audit completed within the window checked anything.')).toBeInTheDocument();
    expect(within(accuracy).queryByTestId('kpi-value')).not.toBeInTheDocument();
    expect(
      within(tile('Cost per asset (TCO)')).getByText(
        '3 assets with costs in another currency are left out (amounts are never converted). ' +
          '1 asset with a cost but no purchase date is left out (no window holds them).',
      ),
    ).toBeInTheDocument();
  });

  it('loads the KPIs of another window when one is chosen', async () => {
    const api = dashboardApi(async () => aKpiReport({ window: ninetyDays }), {}, async query =>
      query?.from === twelveMonths.from
        ? aKpiReport({ window: twelveMonths, kpis: { 'asset-utilisation-rate': aKpi('asset-utilisation-rate', { numerator: 1, denominator: 4 }) } })
        : aKpiReport(),
    );
    await renderWithItam(<KpiDashboardPage />, { api });
    await screen.findByRole('group', { name: 'Asset utilisation rate' });

    await userEvent.click(screen.getByRole('button', { name: /Window/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Last 12 months' }));

    expect(api.getKpis).toHaveBeenCalledWith({ from: twelveMonths.from, to: twelveMonths.to });
    await waitFor(() =>
      expect(within(tile('Asset utilisation rate')).getByTestId('kpi-value')).toHaveTextContent('25%'),
    );
    expect(screen.getByText(`From ${twelveMonths.from} to ${twelveMonths.to}; money in EUR.`)).toBeInTheDocument();
  });

  it('shows a failure to load the KPIs with a retry, the rest of the page still working', async () => {
    const tiles = jest
      .fn<Promise<KpiReport>, []>()
      .mockRejectedValueOnce(apiError(500, 'KPI computation failed'))
      .mockResolvedValue(aKpiReport({ window: ninetyDays }));
    await renderWithItam(<KpiDashboardPage />, { api: dashboardApi(tiles) });
    expect(await screen.findByText('Error: Could not load the KPIs: KPI computation failed')).toBeInTheDocument();
    expect(await screen.findByText('Level 2 of 5: Repeatable')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('group', { name: 'Register accuracy' })).toBeInTheDocument();
  });

  it('says so when the backend computed no KPIs', async () => {
    await renderWithItam(<KpiDashboardPage />, {
      api: dashboardApi(async () => ({ ...aKpiReport({ window: ninetyDays }), kpis: [] })),
    });
    expect(await screen.findByText('No KPIs computed')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Asset utilisation rate' })).not.toBeInTheDocument();
  });
});
