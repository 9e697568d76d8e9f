import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import { Container } from '@backstage/ui';
import DevicesOtherIcon from '@material-ui/icons/DevicesOther';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { ITAM_PLUGIN_ID } from '@itam/common';
import { itamApiRef, ItamBackendClient } from '../api';
import { isItamAvailable } from '../isItamAvailable';
import {
  entityContentRouteRef,
  itamRouteRefs,
  rootRouteRef,
} from '../routes';

/** The ITAM API, built on the shared typed client. @alpha */
export const itamApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: itamApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new ItamBackendClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * A sub-page's content with the page padding and width the catalogue's pages have (BUI's
 * `Container`, as the catalogue index wraps its own).
 */
const inPage = (content: JSX.Element) => compatWrapper(<Container>{content}</Container>);

/** The ITAM section at `/itam`; its areas are sub-pages, shown as tabs. @alpha */
export const itamPage = PageBlueprint.make({
  params: {
    path: '/itam',
    title: 'IT asset management',
    icon: <DevicesOtherIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
  },
});

/** The asset register (list, asset pages, forms) at `/itam/assets`. @alpha */
export const itamRegisterSubPage = SubPageBlueprint.make({
  name: 'assets',
  params: {
    path: 'assets',
    title: 'Asset register',
    loader: () =>
      import('../components/AssetsRouter').then(m => inPage(<m.AssetsRouter />)),
  },
});

/** Licence positions per product, and each product's explanation, at `/itam/licences`. @alpha */
export const itamLicencesSubPage = SubPageBlueprint.make({
  name: 'licences',
  params: {
    path: 'licences',
    title: 'Licences',
    loader: () =>
      import('../components/LicencesPage').then(m => inPage(<m.LicencesRouter />)),
  },
});

/** The KPI dashboard and maturity level at `/itam/kpis`. @alpha */
export const itamKpisSubPage = SubPageBlueprint.make({
  name: 'kpis',
  params: {
    path: 'kpis',
    title: 'KPIs',
    loader: () =>
      import('../components/KpiDashboardPage').then(m => inPage(<m.KpiDashboardPage />)),
  },
});

/** Risk findings at `/itam/risks`. @alpha */
export const itamRisksSubPage = SubPageBlueprint.make({
  name: 'risks',
  params: {
    path: 'risks',
    title: 'Risk findings',
    loader: () =>
      import('../components/RiskFindingsPage').then(m => inPage(<m.RiskFindingsPage />)),
  },
});

/** Imports (upload, dry run, progress, row errors) at `/itam/imports`. @alpha */
export const itamImportsSubPage = SubPageBlueprint.make({
  name: 'imports',
  params: {
    path: 'imports',
    title: 'Imports',
    loader: () =>
      import('../components/ImportsPage').then(m => inPage(<m.ImportsPage />)),
  },
});

/** Audit campaigns at `/itam/audits`. @alpha */
export const itamAuditsSubPage = SubPageBlueprint.make({
  name: 'audits',
  params: {
    path: 'audits',
    title: 'Audits',
    loader: () =>
      import('../components/AuditsPage').then(m => inPage(<m.AuditsRouter />)),
  },
});

/** The entity page's "Assets" tab, for entities where `isItamAvailable` holds. @alpha */
export const itamEntityContent = EntityContentBlueprint.make({
  name: 'assets',
  params: {
    path: '/assets',
    title: 'Assets',
    filter: isItamAvailable,
    routeRef: convertLegacyRouteRef(entityContentRouteRef),
    loader: () =>
      import('../components/EntityAssetsContent').then(m =>
        compatWrapper(<m.EntityAssetsContent />),
      ),
  },
});

/** The entity overview card of linked assets (renders nothing without any). @alpha */
export const itamEntityCard = EntityCardBlueprint.make({
  name: 'assets',
  params: {
    filter: isItamAvailable,
    loader: () =>
      import('../components/EntityAssetsCard').then(m => compatWrapper(<m.EntityAssetsCard />)),
  },
});

/**
 * The ITAM frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: ITAM_PLUGIN_ID,
  title: 'IT asset management',
  routes: convertLegacyRouteRefs(itamRouteRefs),
  extensions: [
    itamApi,
    itamPage,
    itamRegisterSubPage,
    itamLicencesSubPage,
    itamKpisSubPage,
    itamRisksSubPage,
    itamImportsSubPage,
    itamAuditsSubPage,
    itamEntityContent,
    itamEntityCard,
  ],
});
