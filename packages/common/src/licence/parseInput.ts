import { ItamValidationError } from '../errors';
import { parseOrThrow } from '../validation';
import { checkLicenceInputIntegrity } from './integrity';
import { licenceInputSchema, reconciliationOptionsSchema } from './schema';
import type { LicenceInput, ReconciliationOptions } from './types';

/**
 * Validates untrusted reconciliation input (an API body, an import): every field against its
 * schema, then the cross-record rules of {@link checkLicenceInputIntegrity}.
 *
 * @throws {@link ItamValidationError} listing every problem with its field path.
 * @public
 */
export function parseLicenceInput(input: unknown): LicenceInput {
  const parsed = parseOrThrow(licenceInputSchema, input, 'licence input');
  const issues = checkLicenceInputIntegrity(parsed);
  if (issues.length > 0) throw new ItamValidationError(issues, 'licence input');
  return parsed;
}

/**
 * Validates reconciliation options and applies their defaults.
 *
 * @throws {@link ItamValidationError} naming the bad option.
 * @public
 */
export function parseReconciliationOptions(options: unknown): ReconciliationOptions {
  return parseOrThrow(reconciliationOptionsSchema, options, 'reconciliation options');
}
