import { useRouteRef, type RouteFunc } from '@backstage/core-plugin-api';
import {
  assetRouteRef,
  auditRouteRef,
  auditsRouteRef,
  editAssetRouteRef,
  importsRouteRef,
  kpisRouteRef,
  licenceRouteRef,
  licencesRouteRef,
  newAssetRouteRef,
  registerRouteRef,
  risksRouteRef,
} from '../routes';

type AnyRouteRef = Parameters<typeof useRouteRef>[0];

/**
 * `useRouteRef` that yields undefined instead of throwing when the app has not mounted the
 * route, so the entity tab and card still work in an app without the ITAM page (without links).
 * Every hook inside `useRouteRef` has run before it throws, so the hook order stays stable.
 */
function useOptionalRouteRef<P extends { [name: string]: string } | undefined>(
  routeRef: AnyRouteRef,
): RouteFunc<P> | undefined {
  try {
    return useRouteRef(routeRef as never) as RouteFunc<P> | undefined;
  } catch {
    return undefined;
  }
}

/** Links into the ITAM section; each is undefined when the app does not mount the section. */
export interface ItamLinks {
  register?: string;
  newAsset?: string;
  asset?: (assetId: string) => string;
  editAsset?: (assetId: string) => string;
  licences?: string;
  licence?: (productId: string) => string;
  kpis?: string;
  risks?: string;
  imports?: string;
  audits?: string;
  audit?: (auditId: string) => string;
}

/** Links to every page of the ITAM section. */
export function useItamRoutes(): ItamLinks {
  const register = useOptionalRouteRef<undefined>(registerRouteRef);
  const newAsset = useOptionalRouteRef<undefined>(newAssetRouteRef);
  const asset = useOptionalRouteRef<{ assetId: string }>(assetRouteRef);
  const editAsset = useOptionalRouteRef<{ assetId: string }>(editAssetRouteRef);
  const licences = useOptionalRouteRef<undefined>(licencesRouteRef);
  const licence = useOptionalRouteRef<{ productId: string }>(licenceRouteRef);
  const kpis = useOptionalRouteRef<undefined>(kpisRouteRef);
  const risks = useOptionalRouteRef<undefined>(risksRouteRef);
  const imports = useOptionalRouteRef<undefined>(importsRouteRef);
  const audits = useOptionalRouteRef<undefined>(auditsRouteRef);
  const audit = useOptionalRouteRef<{ auditId: string }>(auditRouteRef);
  return {
    register: register?.(),
    newAsset: newAsset?.(),
    asset: asset && (assetId => asset({ assetId })),
    editAsset: editAsset && (assetId => editAsset({ assetId })),
    licences: licences?.(),
    licence: licence && (productId => licence({ productId })),
    kpis: kpis?.(),
    risks: risks?.(),
    imports: imports?.(),
    audits: audits?.(),
    audit: audit && (auditId => audit({ auditId })),
  };
}
