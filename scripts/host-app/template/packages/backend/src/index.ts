// A platform team's Backstage backend (new backend system) with the ITAM plugins added as the
// repository's README tells them to.
import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleItamAssets } from '@itam/backstage-plugin-itam-backend';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@backstage/plugin-permission-backend-module-allow-all-policy'));

backend.add(import('@itam/backstage-plugin-itam-backend'));
backend.add(catalogModuleItamAssets);

backend.start();
