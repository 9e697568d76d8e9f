// `npm start` in this package: the ITAM backend alone (with the catalog it validates entity
// refs against) on SQLite, loaded with example data.
import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleItamAssets, itamExampleDataModule } from '../src';

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@backstage/plugin-permission-backend-module-allow-all-policy'));
backend.add(import('../src'));
backend.add(itamExampleDataModule);
backend.add(catalogModuleItamAssets);
backend.start();
