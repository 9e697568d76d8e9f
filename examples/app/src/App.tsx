// The example portal on the new frontend system: the catalogue, guest sign-in and the ITAM plugin
// (its entity tab and card, and the ITAM section at /itam).
import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import itamPlugin from '@itam/backstage-plugin-itam/alpha';
import { appModule } from './modules/appModule';

export default createApp({
  features: [catalogPlugin, itamPlugin, appModule],
});
