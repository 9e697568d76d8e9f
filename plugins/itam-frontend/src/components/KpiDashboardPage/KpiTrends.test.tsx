import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KPI_IDS, type KpiReport } from '@itam/common';
import { apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { aKpi, aKpiReport, aMissingKpi } from '../../testing/kpiFixtures';
import { renderWithItam } from '../../testing/renderWithItam';
import { KpiTrends } from './KpiTrends';

const TODAY = '2026-03-15';
const MONTHS = [
  { from: '2025-10-01', to: '2025-10-31' },
  { from: '2025-11-01', to: '2025-11-30' },
  { from: '2025-12-01', to: '2025-12-31' },
  { from: '2026-01-01', to: '2026-01-31' },
  { from: '2026-02-01', to: '2026-02-28' },
  { from: '2026-03-01', to: '2026-03-15' },
];

/** A report per month whose utilisation grows by one deployed asset a month (10 of 20 to 15 of 20). */
function monthlyReport(query: { from?: string; to?: string } = {}): KpiReport {
  const index = MONTHS.findIndex(m => m.from === query.from);
  return aKpiReport({
    window: { from: query.from!, to: query.to! },
    kpis: {
      'asset-utilisation-rate': aKpi('asset-utilisation-rate', { numerator: 10 + index, denominator: 20 }),
      'register-accuracy': aMissingKpi('register-accuracy', 'no audit completed within the window checked anything'),
    },
  });
}

describe('KpiTrends', () => {
  it('shows progress while the months load', async () => {
    await renderWithItam(<KpiTrends today={TODAY} />, { api: fakeItamApi({ getKpis: () => pending() }) });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('fetches the six calendar months and charts each KPI by month', async () => {
    const api = fakeItamApi({ getKpis: async query => monthlyReport(query) });
    await renderWithItam(<KpiTrends today={TODAY} />, { api });

    const utilisation = await screen.findByRole('figure', { name: 'Asset utilisation rate by month' });
    expect(api.getKpis).toHaveBeenCalledTimes(6);
    for (const month of MONTHS) expect(api.getKpis).toHaveBeenCalledWith(month);
    expect(screen.getByText(/from Oct 2025 to Mar 2026/)).toBeInTheDocument();

    expect(screen.getAllByRole('figure')).toHaveLength(KPI_IDS.length);
    // The chart itself, titled for assistive technology.
    expect(utilisation.querySelector('svg title')).toHaveTextContent('Asset utilisation rate by month');
    expect(utilisation.querySelector('.recharts-line')).not.toBeNull();
    // Each month a point, joined by straight segments (a path of moves and lines, no curves).
    const line = utilisation.querySelector('.recharts-line-curve')?.getAttribute('d') ?? '';
    expect(line).toMatch(/^M[\d.,-]+(L[\d.,-]+)+$/);
    expect(utilisation.querySelectorAll('.recharts-line-dot')).toHaveLength(MONTHS.length);
    // And its numbers, month by month.
    const table = within(utilisation).getByRole('table', { name: 'Asset utilisation rate by month' });
    expect(within(table).getByRole('row', { name: 'Oct 2025 50%' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Mar 2026 75%' })).toBeInTheDocument();

    const cost = screen.getByRole('figure', { name: 'Cost per asset (TCO) by month' });
    expect(within(cost).getByRole('row', { name: 'Jan 2026 €1,250.00' })).toBeInTheDocument();
  });

  it('says which KPI had no data in any month instead of drawing an empty chart', async () => {
    await renderWithItam(<KpiTrends today={TODAY} />, {
      api: fakeItamApi({ getKpis: async query => monthlyReport(query) }),
    });
    const accuracy = await screen.findByRole('figure', { name: 'Register accuracy by month' });
    expect(within(accuracy).getByText('No data in these months.')).toBeInTheDocument();
    expect(accuracy.querySelector('svg')).toBeNull();
    expect(within(accuracy).getByRole('row', { name: 'Feb 2026 No data' })).toBeInTheDocument();
  });

  it('says there is no history when no KPI could be computed in any month', async () => {
    const nothing = aKpiReport({
      kpis: Object.fromEntries(KPI_IDS.map(id => [id, aMissingKpi(id, 'no assets under management')])),
    });
    await renderWithItam(<KpiTrends today={TODAY} />, { api: fakeItamApi({ getKpis: async () => nothing }) });
    expect(await screen.findByText('No KPI history yet')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('shows a failed month as an error with a retry that loads every month again', async () => {
    let fail = true;
    const api = fakeItamApi({
      getKpis: async query => {
        if (fail && query?.from === '2025-12-01') throw apiError(500, 'history unavailable');
        return monthlyReport(query);
      },
    });
    await renderWithItam(<KpiTrends today={TODAY} />, { api });
    expect(await screen.findByText('Error: Could not load the KPI trends: history unavailable')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();

    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('figure', { name: 'Asset utilisation rate by month' })).toBeInTheDocument();
    expect(api.getKpis).toHaveBeenCalledTimes(12);
  });
});
