import { Route, Routes } from 'react-router-dom';
import { screen } from '@testing-library/react';
import { anAsset, fakeItamApi } from '../../testing/fakeItamApi';
import { renderWithItam } from '../../testing/renderWithItam';
import { AssetsRouter } from './AssetsRouter';

function render(path: string) {
  const api = fakeItamApi({
    listAssets: async () => ({ items: [anAsset()] }),
    getAsset: async () => anAsset(),
    getTransitionOptions: async () => [],
    getAssetHistory: async () => [],
    getEntityLinks: async () => [],
    getAssetTickets: async () => [],
  });
  return renderWithItam(
    <Routes>
      <Route path="/itam/assets/*" element={<AssetsRouter />} />
    </Routes>,
    { api, routeEntries: [path] },
  );
}

describe('AssetsRouter', () => {
  it('shows the register at its root', async () => {
    await render('/itam/assets');
    expect(await screen.findByRole('heading', { name: 'Asset register' })).toBeInTheDocument();
  });

  it('routes to an asset page by id or tag', async () => {
    await render('/itam/assets/LAP-00042');
    expect(
      await screen.findByRole('heading', { name: 'LAP-00042 · ThinkPad T14 for Jane' }),
    ).toBeInTheDocument();
  });

  it('routes to the new-asset form', async () => {
    await render('/itam/assets/new');
    expect(screen.getByRole('heading', { name: 'Register an asset' })).toBeInTheDocument();
  });

  it('routes to the edit form of an asset', async () => {
    await render('/itam/assets/a1/edit');
    expect(await screen.findByRole('heading', { name: 'Edit LAP-00042' })).toBeInTheDocument();
  });

  it('says when a page does not exist, with a way back', async () => {
    await render('/itam/assets/a1/nothing-here');
    expect(screen.getByText('There is no such page in the asset register')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the asset register' })).toHaveAttribute(
      'href',
      '/itam/assets',
    );
  });
});
