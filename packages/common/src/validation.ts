import type { z } from 'zod';
import { ItamValidationError, type ValidationIssue } from './errors';

/**
 * Outcome of validating untrusted input: the parsed value, or every issue with its field path.
 *
 * @public
 */
export type ValidationResult<T> =
  | { ok: true; value: T }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Converts zod's issues to path + message pairs, expanding unions to their clearest branch.
 *
 * @public
 */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map(issue => ({
    path: issue.path.join('.'),
    message: describeIssue(issue),
  }));
}

function describeIssue(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? 'is required'
        : `must be ${issue.expected}, got ${issue.received}`;
    case 'invalid_enum_value':
      return `must be one of ${issue.options.map(o => JSON.stringify(o)).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown field(s) ${issue.keys.map(k => JSON.stringify(k)).join(', ')}`;
    default:
      return issue.message;
  }
}

/**
 * Validates `input` against `schema`, returning every problem rather than the first.
 *
 * @public
 */
export function validate<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
): ValidationResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: toValidationIssues(result.error) };
}

/**
 * Validates `input` against `schema` and returns the parsed value.
 *
 * @throws {@link ItamValidationError} listing every problem with its field path.
 * @public
 */
export function parseOrThrow<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
  subject?: string,
): z.output<S> {
  const result = validate(schema, input);
  if (!result.ok) throw new ItamValidationError(result.issues, subject);
  return result.value;
}
