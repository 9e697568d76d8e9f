import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { addDays, todayIso } from '../../testing/dates';
import { anAsset, apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import {
  aFinding,
  anInstallation,
  assetInsightsApi,
  sqlServerShortfall,
} from '../../testing/licenceFixtures';
import { renderWithItam } from '../../testing/renderWithItam';
import { EntityAssetsCard } from './EntityAssetsCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'checkout', namespace: 'shop' },
  spec: { owner: 'group:default/payments' },
};

function render(api: ReturnType<typeof fakeItamApi>) {
  return renderWithItam(
    <EntityProvider entity={entity}>
      <EntityAssetsCard />
    </EntityProvider>,
    { api },
  );
}

describe('EntityAssetsCard', () => {
  it('shows progress inside the card while loading', async () => {
    const api = fakeItamApi({ getEntityAssets: () => pending() });
    await render(api);
    expect(screen.getByText('Assets')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getEntityAssets).toHaveBeenCalledWith('system:shop/checkout', { withLicences: true });
  });

  it('renders nothing when the entity has no linked assets', async () => {
    const { container } = await render(fakeItamApi({ getEntityAssets: async () => [] }));
    expect(container).toBeEmptyDOMElement();
  });

  it('shows the error inside the card', async () => {
    await render(
      fakeItamApi({ getEntityAssets: async () => Promise.reject(apiError(503, 'backend unavailable')) }),
    );
    expect(
      screen.getByText('Error: Could not load the assets: backend unavailable'),
    ).toBeInTheDocument();
  });

  it('lists the assets needing attention first, each linking to its page', async () => {
    const today = todayIso();
    await render(
      fakeItamApi({
        ...assetInsightsApi(),
        getEntityAssets: async () => [
          { role: 'uses', asset: anAsset({ id: 'ok', tag: 'A-OK', name: 'Healthy' }) },
          {
            role: 'runs-on',
            asset: anAsset({
              id: 'old',
              tag: 'Z-OLD',
              name: 'Old switch',
              endOfLife: addDays(today, -10),
              lifecycleStage: 'deployed',
            }),
          },
        ],
      }),
    );
    expect(screen.getByText('2 linked assets')).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: 'Linked assets' })).getAllByRole('listitem');
    expect(items.map(i => within(i).getByRole('link').textContent)).toEqual(['Z-OLD', 'A-OK']);
    expect(within(items[0]).getByRole('link')).toHaveAttribute('href', '/itam/assets/old');
    expect(within(items[0]).getByText(`Past end of life (${addDays(today, -10)})`)).toBeInTheDocument();
    expect(within(items[0]).getByText('Deployed')).toBeInTheDocument();
  });

  it('shows at most five assets and says how many there are', async () => {
    const items = Array.from({ length: 7 }, (_, i) => ({
      role: 'uses' as const,
      asset: anAsset({ id: `a${i}`, tag: `T-${i}` }),
    }));
    await render(fakeItamApi({ ...assetInsightsApi(), getEntityAssets: async () => items }));
    expect(screen.getByText('5 of 7 linked assets, those needing attention first')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
  });

  it('flags the licence status, the open findings and the cost of each asset', async () => {
    await render(
      fakeItamApi({
        ...assetInsightsApi({
          positions: [sqlServerShortfall()],
          installations: [anInstallation({ assetId: 'srv-1' })],
          findings: [aFinding({ assetId: 'srv-1', assetTag: 'SRV-00001', severity: 'high' })],
          entityAssets: [
            {
              role: 'runs-on',
              asset: anAsset({
                id: 'srv-1',
                tag: 'SRV-00001',
                name: 'Payments DB host',
                type: 'server',
                purchase: { cost: 18450, currency: 'EUR' },
              }),
            },
          ],
        }),
      }),
    );
    expect(await screen.findByText('1 open risk finding, 1 running under-licensed software')).toBeInTheDocument();
    const [item] = within(screen.getByRole('list', { name: 'Linked assets' })).getAllByRole('listitem');
    expect(within(item).getByText('Under-licensed')).toBeInTheDocument();
    expect(within(item).getByText('High')).toBeInTheDocument();
    expect(within(item).getByText('1 open risk finding')).toBeInTheDocument();
    expect(within(item).getByText('Hardware · server · €18,450.00')).toBeInTheDocument();
  });

  it('keeps listing the assets when the licence and risk details fail', async () => {
    await render(
      fakeItamApi({
        ...assetInsightsApi({ entityAssets: [{ role: 'uses', asset: anAsset() }] }),
        getRiskFindings: async () => Promise.reject(apiError(500, 'risk scan failed')),
      }),
    );
    expect(
      await screen.findByText('Error: Could not load the licence and risk details: risk scan failed'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'LAP-00042' })).toBeInTheDocument();
  });
});
