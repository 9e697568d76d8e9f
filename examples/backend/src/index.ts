// The example portal's backend: it serves the built portal (examples/app), the catalog with the
// example organisation, guest sign-in, permissions (an example ITAM policy: asset managers may do
// everything, engineers read and edit their team's assets) and the ITAM plugin with example
// data, on SQLite.
import { createBackend } from '@backstage/backend-defaults';
import {
  catalogModuleItamAssets,
  itamExampleDataModule,
} from '@itam/backstage-plugin-itam-backend';
import { itamExamplePermissionPolicy } from './itamPermissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(itamExamplePermissionPolicy);
backend.add(import('@itam/backstage-plugin-itam-backend'));
backend.add(itamExampleDataModule);
backend.add(catalogModuleItamAssets);

backend.start();
