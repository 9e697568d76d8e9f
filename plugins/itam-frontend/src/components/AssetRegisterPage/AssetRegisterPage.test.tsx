import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ListedAsset } from '@itam/common';
import { anAsset, apiError, fakeItamApi, pending } from '../../testing/fakeItamApi';
import { permissions, renderWithItam } from '../../testing/renderWithItam';
import { AssetRegisterPage } from './AssetRegisterPage';

const laptops: ListedAsset[] = [
  {
    ...anAsset({ id: 'a1', tag: 'LAP-1', name: 'Laptop one' }),
    entityLinks: [
      { entityRef: 'component:default/payments-api', role: 'uses' },
      { entityRef: 'component:default/ledger', role: 'uses' },
      { entityRef: 'system:default/shop', role: 'uses' },
    ],
  },
  { ...anAsset({ id: 'a2', tag: 'LAP-2', name: 'Laptop two', owner: undefined }), entityLinks: [] },
];

describe('AssetRegisterPage', () => {
  it('shows progress while the first page loads', async () => {
    await renderWithItam(<AssetRegisterPage />, {
      api: fakeItamApi({ listAssets: () => pending() }),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error with a retry that loads again', async () => {
    const api = fakeItamApi({
      listAssets: jest
        .fn()
        .mockRejectedValueOnce(apiError(500, 'register offline'))
        .mockResolvedValue({ items: laptops }),
    });
    await renderWithItam(<AssetRegisterPage />, { api });
    expect(
      await screen.findByText('Error: Could not load the register: register offline'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: /LAP-1/ })).toBeInTheDocument();
  });

  it('says the register is empty and offers to register an asset', async () => {
    await renderWithItam(<AssetRegisterPage />, {
      api: fakeItamApi({ listAssets: async () => ({ items: [] }) }),
    });
    expect(await screen.findByText('The register is empty')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Register an asset' })).toHaveAttribute(
      'href',
      '/itam/assets/new',
    );
  });

  it('lists a page of assets, each linking to its page, and pages on with the cursor', async () => {
    const api = fakeItamApi({
      listAssets: async query =>
        query?.cursor === 'c2'
          ? { items: [anAsset({ id: 'a3', tag: 'LAP-3' })] }
          : { items: laptops, nextCursor: 'c2' },
    });
    await renderWithItam(<AssetRegisterPage />, { api });
    const first = await screen.findByRole('row', { name: /LAP-1/ });
    expect(within(first).getByRole('link', { name: /LAP-1/ })).toHaveAttribute(
      'href',
      '/itam/assets/a1',
    );
    expect(within(first).getByText('In stock')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: /payments-api/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api',
    );
    expect(within(first).getByText('+1 more')).toBeInTheDocument();
    const second = screen.getByRole('row', { name: /LAP-2/ });
    expect(within(second).getByText('No owner')).toBeInTheDocument();
    expect(within(second).getByText('Not linked')).toBeInTheDocument();
    expect(api.listAssets).toHaveBeenLastCalledWith({ include: 'entityLinks', limit: 25, cursor: undefined });

    await userEvent.click(screen.getByRole('button', { name: 'Next table page' }));
    expect(await screen.findByRole('row', { name: /LAP-3/ })).toBeInTheDocument();
    expect(api.listAssets).toHaveBeenLastCalledWith({ include: 'entityLinks', limit: 25, cursor: 'c2' });
    expect(screen.queryByRole('row', { name: /LAP-1/ })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Previous table page' }));
    expect(await screen.findByRole('row', { name: /LAP-1/ })).toBeInTheDocument();
  });

  it('sends the filters and the search to the server', async () => {
    const api = fakeItamApi({ listAssets: async () => ({ items: laptops }) });
    await renderWithItam(<AssetRegisterPage />, { api });
    await screen.findByRole('row', { name: /LAP-1/ });

    await userEvent.click(screen.getByRole('button', { name: /Class/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Cloud' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'vm');
    await userEvent.type(screen.getByRole('textbox', { name: 'Owner' }), 'group:sre');

    await waitFor(() =>
      expect(api.listAssets).toHaveBeenLastCalledWith({
        assetClass: 'cloud',
        owner: 'group:default/sre',
        q: 'vm',
        include: 'entityLinks',
        limit: 25,
        cursor: undefined,
      }),
    );
  });

  it('explains an owner that is not an entity ref instead of sending it', async () => {
    const api = fakeItamApi({ listAssets: async () => ({ items: laptops }) });
    await renderWithItam(<AssetRegisterPage />, { api });
    await screen.findByRole('row', { name: /LAP-1/ });
    const owner = screen.getByRole('textbox', { name: 'Owner' });
    await userEvent.type(owner, 'component:api');
    expect(await screen.findByText(/must reference a user or group entity/)).toBeInTheDocument();
    expect(owner).toHaveAttribute('aria-invalid', 'true');
    expect(api.listAssets.mock.calls.every(([q]) => q?.owner === undefined)).toBe(true);
  });

  it('says when nothing matches the filters and clears them', async () => {
    const api = fakeItamApi({
      listAssets: async query => ({ items: query?.q ? [] : laptops }),
    });
    await renderWithItam(<AssetRegisterPage />, { api });
    await screen.findByRole('row', { name: /LAP-1/ });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'nothing');
    expect(await screen.findByText('No assets match these filters')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('row', { name: /LAP-1/ })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });

  it('links the CSV export with the current filters and downloads it with the user token', async () => {
    const fetch = jest.fn(async () => new Response('tag\nLAP-1\n', { status: 200 }));
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderWithItam(<AssetRegisterPage />, {
      api: fakeItamApi({ listAssets: async () => ({ items: laptops }) }),
      fetch: fetch as unknown as typeof globalThis.fetch,
    });
    await screen.findByRole('row', { name: /LAP-1/ });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'lap');
    const link = screen.getByRole('link', { name: 'Export CSV' });
    await waitFor(() =>
      expect(link).toHaveAttribute(
        'href',
        'http://backstage.test/api/itam/assets/export.csv?q=lap',
      ),
    );
    await userEvent.click(link);
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(fetch).toHaveBeenCalledWith('http://backstage.test/api/itam/assets/export.csv?q=lap', {
      headers: { accept: 'text/csv' },
    });
    click.mockRestore();
  });

  it('shows why an export failed', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(JSON.stringify({ error: { name: 'NotAllowedError', message: 'no' } }), {
          status: 403,
          statusText: 'Forbidden',
          headers: { 'content-type': 'application/json' },
        }),
    );
    await renderWithItam(<AssetRegisterPage />, {
      api: fakeItamApi({ listAssets: async () => ({ items: laptops }) }),
      fetch: fetch as unknown as typeof globalThis.fetch,
    });
    await userEvent.click(await screen.findByRole('link', { name: 'Export CSV' }));
    expect(await screen.findByText(/The export failed:/)).toBeInTheDocument();
  });

  it('hides "New asset" from users who may not create assets', async () => {
    await renderWithItam(<AssetRegisterPage />, {
      api: fakeItamApi({ listAssets: async () => ({ items: laptops }) }),
      permissionApi: permissions('DENY'),
    });
    await screen.findByRole('row', { name: /LAP-1/ });
    expect(screen.queryByRole('link', { name: 'New asset' })).not.toBeInTheDocument();
  });

  it('offers "New asset" to users who may create assets', async () => {
    await renderWithItam(<AssetRegisterPage />, {
      api: fakeItamApi({ listAssets: async () => ({ items: laptops }) }),
    });
    expect(await screen.findByRole('link', { name: 'New asset' })).toHaveAttribute(
      'href',
      '/itam/assets/new',
    );
  });
});
