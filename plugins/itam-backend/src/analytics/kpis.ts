import {
  assessItamMaturity,
  computeKpis,
  costItemsFromAsset,
  type KpiReport,
  type LicenceCompliance,
  type LifecycleEvent,
  type MaturityAssessment,
} from '@itam/common';
import type { Estate } from './estate';

/** The currency most assets' purchases are in, the default for cost KPIs. */
export function dominantCurrency(estate: Estate): string | undefined {
  const counts = new Map<string, number>();
  for (const a of estate.assets) {
    const c = a.purchase?.currency;
    if (c && a.purchase?.cost !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** Computes the KPIs over the estate for a window. */
export function computeKpiReport(
  estate: Estate,
  window: { from: string; to: string },
  options: {
    currency?: string;
    licencePositions?: LicenceCompliance[];
    lifecycleEvents: LifecycleEvent[];
  },
): KpiReport {
  const currency = options.currency ?? dominantCurrency(estate);
  let otherCurrency = 0;
  const costed = [];
  for (const asset of estate.assets) {
    const items = costItemsFromAsset(asset);
    if (items.length === 0) continue;
    if (items[0].currency !== currency) {
      otherCurrency += 1;
      continue;
    }
    costed.push({ assetId: asset.id, currency: currency!, items });
  }
  const kpis = computeKpis({
    window,
    assets: estate.assets,
    ticketLinks: estate.ticketLinks.map(t => ({
      assetId: t.assetId,
      site: t.site,
      issueKey: t.issueKey,
      ticketType: t.ticketType,
      createdAt: t.createdAt,
    })),
    audits: estate.audits,
    lifecycleEvents: options.lifecycleEvents,
    ...(options.licencePositions ? { licencePositions: options.licencePositions } : {}),
    ...(currency ? { costs: { currency, assets: costed } } : {}),
  });
  return { window, ...(currency ? { currency } : {}), assetsWithOtherCurrency: otherCurrency, kpis };
}

/** The ITAM maturity level with what the next level needs. */
export function computeMaturity(
  estate: Estate,
  asOf: string,
  licensing?: { productsUnderManagement: string[]; positions: LicenceCompliance[] },
): MaturityAssessment {
  return assessItamMaturity({
    asOf,
    assets: estate.assets,
    entityLinks: estate.entityLinks,
    ticketLinks: estate.ticketLinks,
    audits: estate.audits,
    ...(licensing ? { licensing } : {}),
  });
}
