import { assessItamMaturity, type LicenceCompliance, type MaturityAssessment } from '@itam/common';
import type { Estate } from './estate';

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
