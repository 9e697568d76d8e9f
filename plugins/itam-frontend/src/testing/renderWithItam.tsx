import type { ReactNode } from 'react';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef, type PermissionApi } from '@backstage/plugin-permission-react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ItamApi } from '@itam/common';
import { itamApiRef } from '../api';
import { rootRouteRef } from '../routes';

/** A permission API that allows (default) or denies every request. */
export function permissions(result: 'ALLOW' | 'DENY' = 'ALLOW'): PermissionApi {
  return {
    authorize: async () => ({ result }),
  } as unknown as PermissionApi;
}

/**
 * Renders `element` in a Backstage test app with the fake ITAM API, the ITAM section mounted at
 * `/itam`, the catalogue entity route mounted, and allow-all permissions unless given.
 */
export function renderWithItam(
  element: ReactNode,
  options: {
    api: ItamApi;
    permissionApi?: PermissionApi;
    fetch?: typeof fetch;
    routeEntries?: string[];
    mountItam?: boolean;
  },
) {
  const mountItam = options.mountItam ?? true;
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [itamApiRef, options.api],
        [permissionApiRef, options.permissionApi ?? permissions('ALLOW')],
        [discoveryApiRef, mockApis.discovery({ baseUrl: 'http://backstage.test' })],
        [fetchApiRef, { fetch: options.fetch ?? (jest.fn() as unknown as typeof fetch) }],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        ...(mountItam ? { '/itam': rootRouteRef } : {}),
      },
    },
  );
}
