import { Route, Routes } from 'react-router-dom';
import { screen } from '@testing-library/react';
import { fakeItamApi } from '../../testing/fakeItamApi';
import { aPosition, positionResponse, positionsResponse } from '../../testing/licenceFixtures';
import { renderWithItam } from '../../testing/renderWithItam';
import { LicencesRouter } from './LicencesRouter';

function render(path: string) {
  const api = fakeItamApi({
    getLicencePositions: async () => positionsResponse([aPosition()]),
    getLicencePosition: async () => positionResponse(aPosition()),
    listEntitlements: async () => [],
    listInstallations: async () => [],
  });
  return renderWithItam(
    <Routes>
      <Route path="/itam/licences/*" element={<LicencesRouter />} />
    </Routes>,
    { api, routeEntries: [path] },
  );
}

describe('LicencesRouter', () => {
  it('shows every product at its root', async () => {
    await render('/itam/licences');
    expect(await screen.findByRole('heading', { name: 'Licences' })).toBeInTheDocument();
  });

  it("routes to a product's position", async () => {
    await render('/itam/licences/redhat-enterprise-linux-9');
    expect(await screen.findByRole('heading', { name: 'Red Hat Enterprise Linux 9' })).toBeInTheDocument();
  });

  it('says when a page does not exist, with a way back', async () => {
    await render('/itam/licences/x/nothing-here');
    expect(screen.getByText('There is no such licence page')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the licence positions' })).toHaveAttribute('href', '/itam/licences');
  });
});
