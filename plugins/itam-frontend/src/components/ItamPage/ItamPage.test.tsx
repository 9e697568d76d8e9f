import { Route, Routes } from 'react-router-dom';
import { screen } from '@testing-library/react';
import { anAsset, fakeItamApi } from '../../testing/fakeItamApi';
import { findingsResponse } from '../../testing/licenceFixtures';
import { renderWithItam } from '../../testing/renderWithItam';
import { ItamPage } from './ItamPage';

function render(path: string, api: ReturnType<typeof fakeItamApi>) {
  return renderWithItam(
    <Routes>
      <Route path="/itam/*" element={<ItamPage />} />
    </Routes>,
    { api, routeEntries: [path] },
  );
}

const api = () =>
  fakeItamApi({
    listAssets: async () => ({ items: [anAsset()] }),
    getAsset: async () => anAsset(),
    getTransitionOptions: async () => [],
    getAssetHistory: async () => [],
    getEntityLinks: async () => [],
    getAssetTickets: async () => [],
  });

describe('ItamPage', () => {
  it('opens on the asset register under the section header', async () => {
    await render('/itam', api());
    expect(screen.getByText('IT asset management')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Asset register' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Asset register' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: /LAP-00042/ })).toHaveAttribute('href', '/itam/assets/a1');
  });

  it('has one tab per area, and each tab opens its page', async () => {
    const fake = api();
    fake.getLicencePositions.mockResolvedValue({
      asOf: '2026-12-01',
      computedAt: '2026-12-01T09:00:00.000Z',
      products: [],
    } as never);
    fake.getRiskFindings.mockResolvedValue(findingsResponse([]));
    fake.listAudits.mockResolvedValue([]);
    await render('/itam/licences', fake);
    expect(
      screen.getAllByRole('tab').map(tab => tab.textContent),
    ).toEqual(['Asset register', 'Licences', 'KPIs', 'Risk findings', 'Imports', 'Audits']);
    expect(await screen.findByRole('heading', { name: 'Licences' })).toBeInTheDocument();
  });

  it('routes the register’s sub-paths to the asset pages', async () => {
    await render('/itam/assets/a1', api());
    expect(await screen.findByRole('heading', { name: 'LAP-00042 · ThinkPad T14 for Jane' })).toBeInTheDocument();
  });
});
