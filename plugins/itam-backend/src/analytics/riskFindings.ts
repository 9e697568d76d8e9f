import {
  evaluateRiskFindings,
  type LicenceShortfallInput,
  type EntitlementExpiryInput,
  type RiskConfigInput,
  type RiskFinding,
} from '@itam/common';
import type { Estate } from './estate';

/** What the licence side contributes to the risk rules (absent until positions exist). */
export interface LicenceRiskInputs {
  licenceShortfalls?: LicenceShortfallInput[];
  entitlements?: EntitlementExpiryInput[];
}

/** Runs the risk rules over the estate as of a day. */
export function computeRiskFindings(
  estate: Estate,
  asOf: string,
  licence: LicenceRiskInputs = {},
  config: RiskConfigInput = {},
): RiskFinding[] {
  return evaluateRiskFindings(
    {
      asOf,
      assets: estate.assets,
      verifications: [...estate.lastVerified].map(([assetId, at]) => ({
        assetId,
        verifiedOn: at.slice(0, 10),
      })),
      ...licence,
    },
    config,
  );
}
