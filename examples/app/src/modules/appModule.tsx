import { Navigate } from 'react-router-dom';
import { SignInPage } from '@backstage/core-components';
import { createFrontendModule, PageBlueprint } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Guest sign-in (the example backend enables the guest provider). Made without a name, so it
 * replaces the app plugin's own sign-in page instead of competing with it.
 */
const guestSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => props => <SignInPage {...props} auto providers={['guest']} />,
  },
});

/** The portal opens on the catalogue. */
const homeRedirect = PageBlueprint.make({
  name: 'home',
  params: {
    path: '/',
    loader: async () => <Navigate to="/catalog" replace />,
  },
});

/** The example app's own extensions. */
export const appModule = createFrontendModule({
  pluginId: 'app',
  extensions: [guestSignInPage, homeRedirect],
});
