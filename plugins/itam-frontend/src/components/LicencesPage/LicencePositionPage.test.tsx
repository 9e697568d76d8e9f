import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { anAsset, apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import {
  anEntitlement,
  anInstallation,
  aPosition,
  positionResponse,
  sqlServerShortfall,
} from '../../testing/licenceFixtures';
import { renderWithItam } from '../../testing/renderWithItam';
import { LicencePositionPage } from './LicencePositionPage';

const SQL = 'microsoft-sql-server-2022-enterprise';

function render(api: ReturnType<typeof fakeItamApi>, productId = SQL) {
  return renderWithItam(<LicencePositionPage productId={productId} />, { api });
}

/** The example estate's SQL Server shortfall, with the host's tag known to the register. */
function exampleApi() {
  return fakeItamApi({
    getLicencePosition: async () =>
      positionResponse(
        sqlServerShortfall({
          harvestCandidates: [
            { installationId: 'i-sql-2', deviceId: 'vm-9', lastUsed: '2026-07-01', daysUnused: 153, reason: 'unused' },
            { installationId: 'i-sql-3', deviceId: 'vm-8', lastUsed: null, daysUnused: null, reason: 'never-used' },
          ],
        }),
      ),
    listEntitlements: async () => [anEntitlement()],
    listInstallations: async () => [anInstallation()],
    // The register knows only srv-1 of the ids the page asks for.
    listAssets: async query => ({ items: (query?.id ?? []).filter(id => id === 'srv-1').map(id => anAsset({ id, tag: 'SRV-00001' })) }),
  });
}

describe('LicencePositionPage', () => {
  it('shows progress while the position loads, asking for each part by product', async () => {
    const api = fakeItamApi({
      getLicencePosition: () => pending(),
      listEntitlements: () => pending(),
      listInstallations: () => pending(),
    });
    await render(api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getLicencePosition).toHaveBeenCalledWith(SQL);
    expect(api.listInstallations).toHaveBeenCalledWith({ productId: SQL });
  });

  it('looks up the tags of the assets of many installations a hundred ids per request', async () => {
    const installations = Array.from({ length: 250 }, (_, i) => anInstallation({ id: `i-${i}`, assetId: `dev-${i}` }));
    const api = fakeItamApi({
      getLicencePosition: async () => positionResponse(aPosition()),
      listEntitlements: async () => [],
      listInstallations: async () => installations,
      listAssets: async query => ({ items: (query?.id ?? []).map(id => anAsset({ id, tag: `TAG-${id}` })) }),
    });
    await render(api, 'redhat-enterprise-linux-9');
    const installationsRegion = screen.getByRole('region', { name: 'Installations' });
    expect(await within(installationsRegion).findByRole('link', { name: /TAG-dev-0/ })).toHaveAttribute('href', '/itam/assets/dev-0');
    const asked = (api.listAssets as jest.Mock).mock.calls.map(([query]) => query.id as string[]);
    // The installations' 250 assets and the position's own consumers, each asked for once.
    expect(asked).toHaveLength(3);
    expect(asked.every(ids => ids.length <= 100)).toBe(true);
    expect(asked.flat()).toEqual(expect.arrayContaining(installations.map(i => i.assetId)));
    expect(new Set(asked.flat()).size).toBe(asked.flat().length);
  });

  it('says when the product is unknown, with a way back', async () => {
    await render(
      fakeItamApi({
        getLicencePosition: async () => Promise.reject(apiError(404, 'Product nope not found')),
        listInstallations: async () => [],
        listEntitlements: async () => [],
      }),
      'nope',
    );
    expect(screen.getByText('Info: Could not load the licence position of nope')).toBeInTheDocument();
    expect(screen.getByText('Product nope not found')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to licences' })).toHaveAttribute('href', '/itam/licences');
  });

  it('shows the numbers of a shortfall with the true-up in its currency', async () => {
    await render(exampleApi());
    expect(
      screen.getByRole('heading', { name: 'Microsoft SQL Server Enterprise 2022' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Licence position as of 2026-12-01, computed 2026-12-01 09:00 UTC')).toBeInTheDocument();
    const status = screen.getByLabelText('Licence status');
    expect(within(status).getByText('Under-licensed')).toBeInTheDocument();
    expect(within(status).getByText('32 cores required, 16 cores owned: short 16 cores.')).toBeInTheDocument();
    expect(screen.getByText('True-up cost: €115,200.00')).toBeInTheDocument();
    const line = screen.getByRole('row', { name: /Per core/ });
    expect(within(line).getByText('Short 16 cores')).toBeInTheDocument();
    expect(within(line).getByText('€7,200.00')).toBeInTheDocument();
    expect(within(line).getByText('16 × €7,200.00')).toBeInTheDocument();
  });

  it('explains how each consumer was counted and what covered it, in words', async () => {
    await render(exampleApi());
    const explanation = screen.getByRole('region', { name: 'How the requirement was counted' });
    const host = await within(explanation).findByRole('row', { name: /SRV-00001/ });
    expect(within(host).getByText('SQL Server: at least 4 cores per physical processor')).toBeInTheDocument();
    expect(within(host).getByRole('link', { name: /SRV-00001/ })).toHaveAttribute('href', '/itam/assets/srv-1');
    expect(within(host).getByText('2 × max(4, 16) = 32')).toBeInTheDocument();
    expect(within(host).getByText('16 cores of EA-2024-SQL-ENT (from the pool, same version)')).toBeInTheDocument();
    expect(within(host).getByText('Short 16 cores')).toBeInTheDocument();
    expect(screen.queryByText(/"consumerId"|\{"/)).not.toBeInTheDocument();
  });

  it('lists the entitlements with their use, the installations and the harvest candidates', async () => {
    await render(exampleApi());
    const entitlement = screen.getByRole('row', { name: /EA-2024-SQL-ENT/ });
    expect(within(entitlement).getByText('Since purchase to perpetual')).toBeInTheDocument();
    expect(within(entitlement).getByText('Active')).toBeInTheDocument();
    expect(within(entitlement).getByText('16 cores by 1 consumer')).toBeInTheDocument();
    expect(within(entitlement).getByText('0 cores')).toBeInTheDocument();

    const installations = screen.getByRole('region', { name: 'Installations' });
    const installation = await within(installations).findByRole('row', { name: /SRV-00001/ });
    expect(within(installation).getByText('Microsoft SQL Server 2022 Enterprise (64-bit)')).toBeInTheDocument();
    expect(within(installation).getByRole('link', { name: /SRV-00001/ })).toHaveAttribute('href', '/itam/assets/srv-1');
    expect(within(installation).getByText('Not metered')).toBeInTheDocument();

    const unused = screen.getByRole('row', { name: /vm-9/ });
    expect(within(unused).getByText('Unused for 153 days')).toBeInTheDocument();
    expect(within(unused).getByRole('link', { name: /vm-9/ })).toHaveAttribute('href', '/itam/assets/vm-9');
    expect(within(screen.getByRole('row', { name: /vm-8/ })).getByText('Never used since installed')).toBeInTheDocument();
  });

  it('says what is missing when a compliant product has no entitlements, installations or harvest candidates', async () => {
    await render(
      fakeItamApi({
        getLicencePosition: async () => positionResponse(aPosition()),
        listEntitlements: async () => [],
        listInstallations: async () => [],
        listAssets: async () => Promise.reject(apiError(503, 'store unavailable')),
      }),
      'redhat-enterprise-linux-9',
    );
    expect(within(screen.getByLabelText('Licence status')).getByText('Compliant')).toBeInTheDocument();
    expect(screen.getByText('True-up cost: None')).toBeInTheDocument();
    expect(screen.getByText('No entitlements are recorded for this product')).toBeInTheDocument();
    expect(screen.getByText('No installations of this product are recorded')).toBeInTheDocument();
    expect(screen.getByText(/^No harvest candidates: every metered installation was used in the last 90 days/)).toBeInTheDocument();
  });

  it('shows a failed part with its own retry and keeps the rest', async () => {
    const api = fakeItamApi({
      getLicencePosition: async () => positionResponse(sqlServerShortfall()),
      listEntitlements: jest
        .fn()
        .mockRejectedValueOnce(apiError(503, 'store unavailable'))
        .mockResolvedValueOnce([anEntitlement()]),
      listInstallations: async () => [],
      listAssets: async query => ({ items: (query?.id ?? []).map(id => anAsset({ id, tag: 'SRV-00001' })) }),
    });
    await render(api);
    expect(screen.getByText('Error: Could not load the entitlements: store unavailable')).toBeInTheDocument();
    expect(screen.getByText('True-up cost: €115,200.00')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('row', { name: /EA-2024-SQL-ENT/ })).toBeInTheDocument();
  });
});
