/** The asset's page in Backstage's ITAM section (the frontend plugin's `/itam/assets/:assetId` route). */
export function assetPageUrl(portalUrl: string | undefined, assetId: string): string | undefined {
  return portalUrl ? `${portalUrl.replace(/\/+$/, '')}/itam/assets/${encodeURIComponent(assetId)}` : undefined;
}
