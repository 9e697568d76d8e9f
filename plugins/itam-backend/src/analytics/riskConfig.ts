import type { Config } from '@backstage/config';
import { ItamValidationError, parseRiskConfig, type RiskConfig } from '@itam/common';

/**
 * The risk configuration under `itam.risk` (defaults for what it leaves out). A bad value stops
 * the backend at start-up with every bad key named, rather than flag assets by a wrong window.
 */
export function readRiskConfig(config: Config): RiskConfig {
  try {
    return parseRiskConfig(config.getOptional('itam.risk') ?? {});
  } catch (e) {
    if (e instanceof ItamValidationError) {
      throw new Error(`itam.risk is not a valid risk configuration: ${e.issues.map(i => `itam.risk.${i.path}: ${i.message}`).join('; ')}`);
    }
    throw e;
  }
}
