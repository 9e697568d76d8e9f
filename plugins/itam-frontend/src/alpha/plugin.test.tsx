import { screen } from '@testing-library/react';
import { createExtensionTester, renderTestApp } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { itamApiRef } from '../api';
import { anAsset, fakeItamApi } from '../testing/fakeItamApi';
import { permissions } from '../testing/renderWithItam';
import itamPlugin, { itamEntityCard, itamEntityContent } from './plugin';

// The whole app loads here, and the section's pages load lazily: allow for a slow first load.
const appLoad = { timeout: 15_000 };

function render(path: string) {
  const api = fakeItamApi({
    listAssets: async () => ({ items: [anAsset()] }),
    getAsset: async () => anAsset(),
    getTransitionOptions: async () => [],
    getAssetHistory: async () => [],
    getEntityLinks: async () => [],
    getAssetTickets: async () => [],
  });
  return renderTestApp({
    features: [itamPlugin],
    initialRouteEntries: [path],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    apis: [
      [itamApiRef, api],
      [permissionApiRef, permissions('ALLOW')],
    ],
  });
}

describe('itam plugin (new frontend system)', () => {
  it('serves the ITAM section at /itam with the register as its first sub-page', async () => {
    render('/itam');
    expect(
      await screen.findByRole('heading', { name: 'Asset register' }, appLoad),
    ).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: /LAP-00042/ })).toHaveAttribute(
      'href',
      '/itam/assets/a1',
    );
  });

  it('routes sub-paths of the register to the asset pages', async () => {
    render('/itam/assets/a1');
    expect(
      await screen.findByRole('heading', { name: 'LAP-00042 · ThinkPad T14 for Jane' }, appLoad),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/itam/assets/a1/edit');
  });
});

describe('itam entity extensions (new frontend system)', () => {
  const component = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api' },
  };
  const user = { ...component, kind: 'User' };

  it('offers the Assets tab only where isItamAvailable holds', () => {
    const filter = createExtensionTester(itamEntityContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(component)).toBe(true);
    expect(filter?.(user)).toBe(false);
  });

  it('offers the overview card only where isItamAvailable holds', () => {
    const filter = createExtensionTester(itamEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(component)).toBe(true);
    expect(filter?.(user)).toBe(false);
  });
});
