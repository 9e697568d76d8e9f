import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { addDays, todayIso } from '../../testing/dates';
import { anAsset, apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import {
  aFinding,
  anInstallation,
  aPosition,
  assetInsightsApi,
  sqlServerShortfall,
} from '../../testing/licenceFixtures';
import { renderWithItam } from '../../testing/renderWithItam';
import { EntityAssetsContent } from './EntityAssetsContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments', lifecycle: 'production' },
};

function render(api: ReturnType<typeof fakeItamApi>, mountItam = true) {
  return renderWithItam(
    <EntityProvider entity={entity}>
      <EntityAssetsContent />
    </EntityProvider>,
    { api, mountItam },
  );
}

describe('EntityAssetsContent', () => {
  it('asks for the assets of the entity by its full ref and shows progress meanwhile', async () => {
    const api = fakeItamApi({ getEntityAssets: () => pending() });
    await render(api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getEntityAssets).toHaveBeenCalledWith('component:default/payments-api', { withLicences: true });
  });

  it('shows an empty state with a way to the register when no asset is linked', async () => {
    await render(fakeItamApi({ getEntityAssets: async () => [] }));
    expect(screen.getByText('No assets are linked to payments-api')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the asset register' })).toHaveAttribute(
      'href',
      '/itam/assets',
    );
  });

  it('shows the backend error with a retry that asks again', async () => {
    const api = fakeItamApi({
      getEntityAssets: jest
        .fn()
        .mockRejectedValueOnce(apiError(500, 'database is locked'))
        .mockResolvedValueOnce([]),
    });
    await render(api);
    expect(
      screen.getByText('Error: Could not load the assets: database is locked'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No assets are linked to payments-api')).toBeInTheDocument();
    expect(api.getEntityAssets).toHaveBeenCalledTimes(2);
  });

  it('lists each asset with its status, linking to the asset page', async () => {
    const today = todayIso();
    await render(
      fakeItamApi({
        ...assetInsightsApi(),
        getEntityAssets: async () => [
          {
            role: 'runs-on',
            asset: anAsset({
              id: 'srv-1',
              tag: 'SRV-001',
              name: 'Payments DB host',
              criticality: 1,
              lifecycleStage: 'deployed',
              owner: 'group:default/dba',
              warrantyEnd: addDays(today, -3),
              endOfLife: addDays(today, 30),
            }),
          },
          {
            role: 'uses',
            asset: anAsset({
              id: 'saas-1',
              tag: 'SAAS-7',
              name: 'Stripe',
              assetClass: 'service',
              type: 'saas',
              owner: undefined,
              warrantyEnd: undefined,
              endOfLife: undefined,
            }),
          },
        ],
      }),
    );
    expect(screen.getByText('2 assets, 1 with an expired warranty')).toBeInTheDocument();
    const server = screen.getByRole('row', { name: /SRV-001/ });
    expect(within(server).getByRole('link', { name: /SRV-001/ })).toHaveAttribute(
      'href',
      '/itam/assets/srv-1',
    );
    expect(within(server).getByText('Runs on')).toBeInTheDocument();
    expect(within(server).getByText('Deployed')).toBeInTheDocument();
    expect(within(server).getByText('Tier 1 (critical)')).toBeInTheDocument();
    expect(within(server).getByText(`Warranty expired on ${addDays(today, -3)}`)).toBeInTheDocument();
    expect(within(server).getByText(`End of life in 30 days (${addDays(today, 30)})`)).toBeInTheDocument();
    expect(within(server).getByRole('link', { name: /dba/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/dba',
    );
    const saas = screen.getByRole('row', { name: /SAAS-7/ });
    expect(within(saas).getByText('No owner')).toBeInTheDocument();
    expect(within(saas).getByText('No warranty recorded')).toBeInTheDocument();
    expect(within(saas).getByText('No end-of-life date')).toBeInTheDocument();
  });

  it('shows an entity with thousands of assets a page at a time', async () => {
    const many = Array.from({ length: 1_200 }, (_, i) => ({
      role: 'uses' as const,
      asset: anAsset({ id: `a-${i}`, tag: `SRV-${String(i).padStart(5, '0')}` }),
    }));
    // Findings on assets in the first, a middle and the last batch of the findings requests.
    const findings = [0, 650, 1_199].map(i => aFinding({ assetId: `a-${i}`, assetTag: `SRV-${String(i).padStart(5, '0')}` }));
    const api = fakeItamApi({ ...assetInsightsApi({ entityAssets: many, findings }) });
    await render(api);
    expect(await screen.findByText('SRV-00000')).toBeInTheDocument();
    expect(screen.getByText('SRV-00049')).toBeInTheDocument();
    expect(screen.queryByText('SRV-00050')).not.toBeInTheDocument();
    expect(screen.getAllByRole('row').length).toBeLessThanOrEqual(51);
    expect(await screen.findByText(/^1200 assets, 3 open risk findings/)).toBeInTheDocument();
    // Every asset asked about once, at most 200 a request.
    const asked = jest.mocked(api.getRiskFindings).mock.calls.map(([query]) => [query?.assetId ?? []].flat());
    expect(asked.every(ids => ids.length <= 200)).toBe(true);
    expect(asked.flat().sort()).toEqual(many.map(m => m.asset.id).sort());
  });

  it('still lists the assets, without links, when the app does not mount the ITAM section', async () => {
    await render(
      fakeItamApi({ ...assetInsightsApi(), getEntityAssets: async () => [{ role: 'uses', asset: anAsset() }] }),
      false,
    );
    expect(screen.getByText('LAP-00042')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /LAP-00042/ })).not.toBeInTheDocument();
  });

  describe('licence, risk and cost of each asset', () => {
    const linked = [
      {
        role: 'runs-on' as const,
        asset: anAsset({
          id: 'srv-1',
          tag: 'SRV-00001',
          name: 'Payments DB host',
          purchase: { date: '2022-04-01', cost: 18450, currency: 'EUR' },
          // Four years straight line: fully depreciated since 2026-04-01, whatever today is.
          attributes: { usefulLifeYears: 4 },
        }),
      },
      {
        role: 'uses' as const,
        asset: anAsset({ id: 'saas-1', tag: 'SAAS-00030', name: 'Stripe', purchase: undefined }),
      },
    ];

    it('shows the worst licence status of the software, the findings and the cost, with a summary', async () => {
      const api = fakeItamApi({
        ...assetInsightsApi({
          positions: [aPosition(), sqlServerShortfall()],
          installations: [
            anInstallation({ id: 'i1', assetId: 'srv-1', matchedProductId: 'redhat-enterprise-linux-9' }),
            anInstallation({ id: 'i2', assetId: 'srv-1' }),
            anInstallation({ id: 'i3', assetId: 'srv-1', matchedProductId: null, productName: 'Notepad++' }),
          ],
          findings: [
            aFinding({ assetId: 'srv-1', assetTag: 'SRV-00001', severity: 'medium', ruleId: 'audit-overdue' }),
            aFinding({ assetId: 'srv-1', assetTag: 'SRV-00001', severity: 'critical', ruleId: 'end-of-support' }),
            aFinding({ assetId: 'other', assetTag: 'OTHER-1', severity: 'critical' }),
          ],
          entityAssets: linked,
        }),
      });
      await render(api);
      const server = await screen.findByRole('row', { name: /SRV-00001/ });
      expect(await within(server).findByText('Under-licensed')).toBeInTheDocument();
      expect(
        within(server).getByText('SQL Server Enterprise 2022 (Short 16 cores), Enterprise Linux 9'),
      ).toBeInTheDocument();
      expect(within(server).getByText('Critical')).toBeInTheDocument();
      expect(within(server).getByText('2 open findings')).toBeInTheDocument();
      expect(within(server).getByText('€18,450.00')).toBeInTheDocument();
      expect(within(server).getByText('bought 2022-04-01, book value €0.00')).toBeInTheDocument();

      const saas = screen.getByRole('row', { name: /SAAS-00030/ });
      expect(within(saas).getByText('No managed software')).toBeInTheDocument();
      expect(within(saas).getByText('No open findings')).toBeInTheDocument();
      expect(within(saas).getByText('No cost recorded')).toBeInTheDocument();

      expect(
        screen.getByText('2 assets, 2 open risk findings, 1 running under-licensed software'),
      ).toBeInTheDocument();
      // The licence statuses come with the list; one request for the findings.
      expect(api.getEntityAssets).toHaveBeenCalledWith('component:default/payments-api', { withLicences: true });
      expect(api.getAssetLicences).not.toHaveBeenCalled();
      expect(api.getRiskFindings).toHaveBeenCalledTimes(1);
    });

    it('says the details are loading in their cells while the assets already show', async () => {
      await render(
        fakeItamApi({
          getRiskFindings: () => pending(),
          getEntityAssets: async () => linked,
        }),
      );
      const server = screen.getByRole('row', { name: /SRV-00001/ });
      expect(within(server).getAllByText('Loading…')).toHaveLength(2);
      expect(within(server).getByText('€18,450.00')).toBeInTheDocument();
    });

    it('keeps the assets and shows the error, with a retry, when the details cannot be loaded', async () => {
      const api = fakeItamApi({
        ...assetInsightsApi(),
        getRiskFindings: jest
          .fn()
          .mockRejectedValueOnce(apiError(503, 'risk scan unavailable'))
          .mockResolvedValue({ computedAt: '2026-12-01T09:00:00Z', items: [] }),
        getEntityAssets: async () => linked,
      });
      await render(api);
      expect(
        await screen.findByText('Error: Could not load the licence and risk details: risk scan unavailable'),
      ).toBeInTheDocument();
      const server = screen.getByRole('row', { name: /SRV-00001/ });
      expect(within(server).getAllByText('Unavailable')).toHaveLength(2);
      await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await within(server).findByText('No open findings')).toBeInTheDocument();
    });
  });
});
