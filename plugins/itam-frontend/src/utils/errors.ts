import type { RuleViolation, ValidationIssue } from '@itam/common';

/** The HTTP status of a failed ITAM API call (an `ItamApiError`), if the error carries one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * A list the backend attached to its Backstage-style JSON error body: beside `error` (as the
 * ITAM backend sends `violations` and `issues`) or inside it.
 */
function bodyList(error: unknown, key: 'violations' | 'issues'): unknown[] | undefined {
  const body = (error as { body?: unknown } | undefined)?.body as
    | { error?: Record<string, unknown> } & Record<string, unknown>
    | undefined;
  const list = body?.[key] ?? body?.error?.[key];
  return Array.isArray(list) && list.length > 0 ? list : undefined;
}

function isRuleViolation(value: unknown): value is RuleViolation {
  const v = value as RuleViolation | undefined;
  return typeof v?.ruleId === 'string' && typeof v?.message === 'string';
}

function isValidationIssue(value: unknown): value is ValidationIssue {
  const v = value as ValidationIssue | undefined;
  return typeof v?.path === 'string' && typeof v?.message === 'string';
}

/** Whether the backend refused a write because the asset changed since it was read (409). */
export function isConflict(error: unknown): boolean {
  return statusOf(error) === 409;
}

/**
 * The business rules that refused an operation (HTTP 422). Taken from the error body's
 * `violations` when the backend sends them, else recovered from the message (the common
 * `ItamRuleViolationError` formats it as `message [rule-id]; message [rule-id]`; other 422s,
 * such as an unknown catalogue entity, come back as one message without a rule id).
 * Undefined when the error is not a refusal.
 */
export function ruleViolationsOf(error: unknown): RuleViolation[] | undefined {
  if (statusOf(error) !== 422) return undefined;
  const violations = bodyList(error, 'violations');
  if (violations?.every(isRuleViolation)) return violations;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('; ').map(part => {
    const match = /^(.*) \[([A-Za-z0-9._-]+)\]$/.exec(part.trim());
    return match ? { ruleId: match[2], message: match[1] } : { ruleId: '', message: part.trim() };
  });
}

/**
 * The field issues of an input the backend rejected (HTTP 400), when its error body lists them
 * (`issues`, as the common `ItamValidationError` carries them). Undefined otherwise.
 */
export function validationIssuesOf(error: unknown): ValidationIssue[] | undefined {
  if (statusOf(error) !== 400) return undefined;
  const issues = bodyList(error, 'issues');
  return issues?.every(isValidationIssue) ? issues : undefined;
}
