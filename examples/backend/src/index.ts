// The example portal's backend: it serves the built portal (examples/app), the catalog with the
// example organisation, guest sign-in, permissions (an example ITAM policy: asset managers may do
// everything, engineers read and edit their team's assets) and the ITAM plugin with example
// data, on SQLite.
import { createBackend } from '@backstage/backend-defaults';
import {
  catalogModuleItamAssets,
  itamExampleDataModule,
  itamForgeTokenHandler,
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
// Accepts the Jira app's Forge invocation tokens once `backend.auth.externalAccess` has a `forge`
// entry (see the README's Jira section); without one it does nothing.
backend.add(itamForgeTokenHandler);

backend.start();
