// The example portal's backend: it serves the built portal (examples/app), the catalog with the
// example organisation, guest sign-in, permissions (allow-all for the demo) and the ITAM plugin
// with example data, on SQLite.
import { createBackend } from '@backstage/backend-defaults';
import {
  catalogModuleItamAssets,
  itamExampleDataModule,
} from '@itam/backstage-plugin-itam-backend';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@backstage/plugin-permission-backend-module-allow-all-policy'));
backend.add(import('@itam/backstage-plugin-itam-backend'));
backend.add(itamExampleDataModule);
backend.add(catalogModuleItamAssets);

backend.start();
