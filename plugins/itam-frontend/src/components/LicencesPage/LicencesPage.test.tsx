import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import {
  aMetricLine,
  aPosition,
  positionsResponse,
  sqlServerShortfall,
} from '../../testing/licenceFixtures';
import { renderWithItam } from '../../testing/renderWithItam';
import { LicencesPage } from './LicencesPage';

function render(api: ReturnType<typeof fakeItamApi>) {
  return renderWithItam(<LicencesPage />, { api });
}

const rowHeaders = () =>
  screen.getAllByRole('rowheader').map(h => within(h).getByRole('link').textContent);

describe('LicencesPage', () => {
  it('shows progress while the positions load', async () => {
    const api = fakeItamApi({ getLicencePositions: () => pending() });
    await render(api);
    expect(screen.getByRole('heading', { name: 'Licences' })).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getLicencePositions).toHaveBeenCalledWith();
  });

  it('says when no software product is managed', async () => {
    await render(fakeItamApi({ getLicencePositions: async () => positionsResponse([]) }));
    expect(screen.getByText('No software products are managed yet')).toBeInTheDocument();
  });

  it('shows the backend error with a retry that asks again', async () => {
    const api = fakeItamApi({
      getLicencePositions: jest
        .fn()
        .mockRejectedValueOnce(apiError(500, 'reconciliation failed'))
        .mockResolvedValueOnce(positionsResponse([aPosition()])),
    });
    await render(api);
    expect(
      screen.getByText('Error: Could not load the licence positions: reconciliation failed'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: /Enterprise Linux 9/ })).toBeInTheDocument();
    expect(api.getLicencePositions).toHaveBeenCalledTimes(2);
  });

  it('lists shortfalls first, then products at risk, then the rest, each linking to its position', async () => {
    await render(
      fakeItamApi({
        getLicencePositions: async () =>
          positionsResponse([
            aPosition({ productId: 'a-compliant', publisher: 'Adobe', name: 'Acrobat', version: undefined }),
            aPosition({
              productId: 'z-unmanaged',
              publisher: 'Zoom',
              name: 'Workplace',
              version: undefined,
              underManagement: false,
              status: 'unreconciled',
              unit: null,
              required: null,
              owned: null,
              position: null,
              lines: [],
            }),
            aPosition({ productId: 'b-incomplete', publisher: 'Broadcom', name: 'VMware vSphere', version: '8', status: 'incomplete' }),
            sqlServerShortfall(),
            aPosition({
              productId: 'c-over',
              publisher: 'Canonical',
              name: 'Ubuntu Pro',
              version: undefined,
              status: 'over-licensed',
              owned: 5,
              position: 3,
              lines: [aMetricLine({ owned: 5, entitled: 5, position: 3, surplus: 3 })],
            }),
          ]),
      }),
    );
    expect(rowHeaders()).toEqual([
      'SQL Server Enterprise 2022',
      'VMware vSphere 8',
      'Ubuntu Pro',
      'Acrobat',
      'Workplace',
    ]);
    expect(screen.getByText(/^5 products: 1 under-licensed, 1 at risk \(evidence incomplete\), 1 over-licensed, 1 compliant, 1 not under management/)).toBeInTheDocument();
  });

  it('shows the shortfall with its true-up cost in its own currency', async () => {
    await render(
      fakeItamApi({
        getLicencePositions: async () => positionsResponse([aPosition(), sqlServerShortfall()]),
      }),
    );
    const sql = screen.getByRole('row', { name: /SQL Server Enterprise 2022/ });
    expect(within(sql).getByRole('link', { name: /SQL Server Enterprise 2022/ })).toHaveAttribute(
      'href',
      '/itam/licences/microsoft-sql-server-2022-enterprise',
    );
    expect(within(sql).getByText('Under-licensed')).toBeInTheDocument();
    expect(within(sql).getByText('32 cores')).toBeInTheDocument();
    expect(within(sql).getByText('16 cores')).toBeInTheDocument();
    expect(within(sql).getByText('Short 16 cores')).toBeInTheDocument();
    expect(within(sql).getByText('€115,200.00')).toBeInTheDocument();
    const rhel = screen.getByRole('row', { name: /Enterprise Linux 9/ });
    expect(within(rhel).getByText('Compliant')).toBeInTheDocument();
    expect(within(rhel).getByText('Exactly covered')).toBeInTheDocument();
    expect(within(rhel).getAllByText('None')).toHaveLength(2); // no true-up, no harvest candidates
    expect(screen.getByText(/compliance rate 50% · true-up €115,200.00/)).toBeInTheDocument();
  });

  it('never converts: a true-up in dollars shows in dollars, an unpriced part says so', async () => {
    await render(
      fakeItamApi({
        getLicencePositions: async () =>
          positionsResponse([
            sqlServerShortfall({ trueUp: { cost: 3000, currency: 'USD', complete: false } }),
          ]),
      }),
    );
    expect(
      screen.getByText('At least US$3,000.00 (part of the shortfall has no price)'),
    ).toBeInTheDocument();
  });

  it('shows figures per metric when a product is counted in several units', async () => {
    await render(
      fakeItamApi({
        getLicencePositions: async () =>
          positionsResponse([
            sqlServerShortfall({
              unit: null,
              required: null,
              owned: null,
              position: null,
              lines: [
                aMetricLine({ metric: 'per-core', unit: 'core', required: 32, owned: 16, shortfall: 16, surplus: 0 }),
                aMetricLine({ metric: 'per-user', unit: 'user', required: 3, owned: 5, shortfall: 0, surplus: 2 }),
              ],
            }),
          ]),
      }),
    );
    const row = screen.getByRole('row', { name: /SQL Server/ });
    expect(within(row).getByText('32 cores (Per core)')).toBeInTheDocument();
    expect(within(row).getByText('5 users (Per user)')).toBeInTheDocument();
    expect(within(row).getByText('Short 16 cores')).toBeInTheDocument();
    expect(within(row).getByText('2 users spare')).toBeInTheDocument();
  });
});
