import { ItamValidationError } from '../errors';
import { parseRiskConfig, type RiskConfig, type RiskConfigInput } from './config';
import { toDayNumber, toEvaluationDate } from './dates';
import { compareRiskFindings } from './order';
import { RISK_RULES } from './rules/catalogue';
import type { RiskAsset, RiskContext, RiskEvaluationInput, RiskFinding } from './types';

/**
 * Validates the configuration and the evaluation day and indexes the assets by id, once for all
 * rules.
 *
 * @throws {@link ItamValidationError} for a bad configuration, a bad `asOf`, or two assets with
 * the same id (which would make "the asset" of a finding ambiguous).
 * @public
 */
export function buildRiskContext(
  input: RiskEvaluationInput,
  config: RiskConfigInput | RiskConfig = {},
): RiskContext {
  const parsed = parseRiskConfig(config);
  const asOf = toEvaluationDate(input.asOf);
  const assetsById = new Map<string, RiskAsset>();
  input.assets.forEach((asset, i) => {
    if (assetsById.has(asset.id)) {
      throw new ItamValidationError(
        [{ path: `assets.${i}.id`, message: `duplicates asset id ${JSON.stringify(asset.id)}` }],
        'risk input',
      );
    }
    assetsById.set(asset.id, asset);
  });
  return { input, config: parsed, asOf, asOfDay: toDayNumber(asOf, 'asOf'), assetsById };
}

/**
 * Runs every enabled risk rule (docs/domain/risks.md) over the register as of `input.asOf` and returns
 * the findings, most severe first, then by asset tag (see {@link compareRiskFindings}).
 *
 * Pure and deterministic: the evaluation day is an input, never the clock, and the result does
 * not depend on the order of the inputs. Each rule makes one pass over its input, so the cost is
 * linear in the number of assets and other records, plus sorting the findings.
 *
 * @param config - thresholds; omitted fields take the defaults of {@link riskConfigSchema}.
 * @throws {@link ItamValidationError} naming the field of a bad date, shortfall, configuration or
 * duplicate asset id.
 * @public
 */
export function evaluateRiskFindings(
  input: RiskEvaluationInput,
  config: RiskConfigInput | RiskConfig = {},
): RiskFinding[] {
  const ctx = buildRiskContext(input, config);
  const disabled = new Set(ctx.config.disabledRules);
  const findings: RiskFinding[] = [];
  for (const rule of RISK_RULES) {
    if (disabled.has(rule.id)) continue;
    for (const finding of rule.evaluate(ctx)) findings.push(finding);
  }
  return findings.sort(compareRiskFindings);
}
