import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays, todayIso } from '../../testing/dates';
import { anAsset, apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { permissions, renderWithItam } from '../../testing/renderWithItam';
import { AssetPage } from './AssetPage';

function detailsApi(overrides: Parameters<typeof fakeItamApi>[0] = {}) {
  return fakeItamApi({
    getTransitionOptions: async () => [],
    getAssetHistory: async () => [],
    getEntityLinks: async () => [],
    getAssetTickets: async () => [],
    ...overrides,
  });
}

describe('AssetPage', () => {
  it('shows progress while the asset loads', async () => {
    await renderWithItam(<AssetPage assetId="a1" />, {
      api: fakeItamApi({ getAsset: () => pending() }),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says so when the asset does not exist, with a way back', async () => {
    await renderWithItam(<AssetPage assetId="NOPE-1" />, {
      api: fakeItamApi({
        getAsset: async () => Promise.reject(apiError(404, 'No asset with id or tag "NOPE-1"')),
      }),
    });
    expect(await screen.findByText('Info: Could not load asset NOPE-1')).toBeInTheDocument();
    expect(screen.getByText('No asset with id or tag "NOPE-1"')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the register' })).toHaveAttribute('href', '/itam/assets');
  });

  it('shows other failures with a retry', async () => {
    const api = detailsApi({
      getAsset: jest.fn().mockRejectedValueOnce(apiError(500, 'db gone')).mockResolvedValue(anAsset()),
    });
    await renderWithItam(<AssetPage assetId="a1" />, { api });
    expect(await screen.findByText('Error: Could not load asset a1: db gone')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'LAP-00042 · ThinkPad T14 for Jane' })).toBeInTheDocument();
  });

  it('shows the asset with its status, details, lifecycle, links and history', async () => {
    const api = detailsApi({
      getAsset: async () =>
        anAsset({
          serialNumber: 'PF3ABC12',
          location: 'HQ',
          purchase: { date: '2025-03-31', cost: 1299.99, currency: 'EUR' },
          externalIds: [{ source: 'glpi', sourceId: '42' }],
        }),
      getTransitionOptions: async () => [{ to: 'deployed', allowed: true, violations: [] }],
    });
    await renderWithItam(<AssetPage assetId="LAP-00042" />, { api });
    expect(await screen.findByRole('heading', { name: 'LAP-00042 · ThinkPad T14 for Jane' })).toBeInTheDocument();
    expect(api.getAsset).toHaveBeenCalledWith('LAP-00042');
    const status = within(screen.getByLabelText('Status'));
    expect(status.getByText('In stock')).toBeInTheDocument();
    expect(status.getByText('Tier 3 (medium)')).toBeInTheDocument();
    expect(status.getByText(/Under warranty until/)).toBeInTheDocument();

    expect(screen.getByText('PF3ABC12')).toBeInTheDocument();
    expect(screen.getByText('€1,299.99 on 2025-03-31')).toBeInTheDocument();
    expect(screen.getByText('glpi:42')).toBeInTheDocument();
    expect(screen.getByText('2026-01-01 00:00 UTC')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /jane/ })).toHaveAttribute('href', '/catalog/default/user/jane');

    expect(await screen.findByRole('button', { name: 'Move to Deployed' })).toBeInTheDocument();
    expect(screen.getByText('Not linked to any catalogue entity.')).toBeInTheDocument();
    expect(screen.getByText('No history recorded')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/itam/assets/a1/edit');
  });

  it('shows the depreciation from the purchase data, or what it lacks', async () => {
    const api = detailsApi({
      getAsset: jest
        .fn()
        .mockResolvedValueOnce(
          anAsset({
            purchase: { date: addDays(todayIso(), -400), cost: 1200, currency: 'EUR' },
            attributes: { usefulLifeYears: 4 },
          }),
        )
        .mockResolvedValue(anAsset({ purchase: undefined, version: 2 })),
    });
    const { unmount } = await renderWithItam(<AssetPage assetId="a1" />, { api });
    const section = await screen.findByRole('region', { name: 'Depreciation' });
    expect(within(section).getByTestId('current-book-value')).toHaveTextContent(/^€\d/);
    expect(within(section).getByText('Current year')).toBeInTheDocument();
    unmount();

    await renderWithItam(<AssetPage assetId="a1" />, { api });
    const lacking = await screen.findByRole('region', { name: 'Depreciation' });
    expect(within(lacking).getByText(/^Missing: Purchase cost, Purchase date\./)).toBeInTheDocument();
  });

  it('reloads the asset, its moves and its history after a move', async () => {
    const api = detailsApi({
      getAsset: jest
        .fn()
        .mockResolvedValueOnce(anAsset())
        .mockResolvedValue(anAsset({ lifecycleStage: 'deployed', version: 2 })),
      getTransitionOptions: async () => [{ to: 'deployed', allowed: true, violations: [] }],
      transitionAsset: async () => anAsset({ lifecycleStage: 'deployed', version: 2 }),
    });
    await renderWithItam(<AssetPage assetId="a1" />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'Move to Deployed' }));
    await waitFor(() =>
      expect(within(screen.getByLabelText('Status')).getByText('Deployed')).toBeInTheDocument(),
    );
    await waitFor(() => expect(api.getAssetHistory).toHaveBeenCalledTimes(2));
    expect(api.getTransitionOptions).toHaveBeenCalledTimes(2);
  });

  it('shows a refused move with its reasons', async () => {
    const refusal = apiError(422, 'The asset needs an owner before it is deployed [deploy-requires-owner]');
    await renderWithItam(<AssetPage assetId="a1" />, {
      api: detailsApi({
        getAsset: async () => anAsset({ owner: undefined }),
        getTransitionOptions: async () => [{ to: 'deployed', allowed: true, violations: [] }],
        transitionAsset: async () => Promise.reject(refusal),
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Move to Deployed' }));
    expect(await screen.findByText('Moving the asset to Deployed was refused')).toBeInTheDocument();
    expect(screen.getByText('The asset needs an owner before it is deployed')).toBeInTheDocument();
  });

  it('hides editing from users who may not change assets', async () => {
    await renderWithItam(<AssetPage assetId="a1" />, {
      api: detailsApi({
        getAsset: async () => anAsset(),
        getTransitionOptions: async () => [{ to: 'deployed', allowed: true, violations: [] }],
      }),
      permissionApi: permissions('DENY'),
    });
    expect(await screen.findByText(/It can move to Deployed/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Move to/ })).not.toBeInTheDocument();
  });
});
