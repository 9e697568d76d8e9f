/**
 * One problem found in an input, with the path of the field it concerns.
 *
 * @public
 */
export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `purchase.currency`; empty for the whole input. */
  path: string;
  /** Human-readable explanation, naming what was expected. */
  message: string;
}

/**
 * Thrown when an input does not satisfy its schema. Carries every issue found, not only the
 * first, so a form or an API client can show all of them at once.
 *
 * @public
 */
export class ItamValidationError extends Error {
  override readonly name = 'ItamValidationError';
  constructor(readonly issues: ValidationIssue[], subject = 'input') {
    super(
      `Invalid ${subject}: ${issues
        .map(i => (i.path ? `${i.path}: ${i.message}` : i.message))
        .join('; ')}`,
    );
  }
}

/**
 * A business rule that refused an operation (HTTP 422 at the API), named by a stable rule id.
 *
 * @public
 */
export interface RuleViolation {
  /** Stable identifier of the rule, e.g. `deploy-requires-owner`. */
  ruleId: string;
  /** Why the rule refused, in words an asset manager understands. */
  message: string;
  /** The field of the request the rule is about, when it is about one. */
  field?: string;
}

/**
 * Thrown when one or more business rules refuse an operation.
 *
 * @public
 */
export class ItamRuleViolationError extends Error {
  override readonly name = 'ItamRuleViolationError';
  constructor(readonly violations: RuleViolation[]) {
    super(violations.map(v => `${v.message} [${v.ruleId}]`).join('; '));
  }
}
