// A platform team's Backstage app (new frontend system) with the ITAM plugin added to its
// features as the repository's README tells them to.
import { SignInPage } from '@backstage/core-components';
import { createApp } from '@backstage/frontend-defaults';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import itamPlugin from '@itam/backstage-plugin-itam/alpha';

const signIn = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: { loader: async () => props => <SignInPage {...props} providers={['guest']} /> },
    }),
  ],
});

export default createApp({
  features: [catalogPlugin, itamPlugin, signIn],
});
