import { InputError, serializeError } from '@backstage/errors';
import {
  ItamRuleViolationError,
  ItamValidationError,
  type RuleViolation,
  type ValidationIssue,
} from '@itam/common';
import type { ErrorRequestHandler } from 'express';

/**
 * A catalogue entity ref that names no entity: a 422, since the request was well-formed but
 * refers to something that does not exist.
 */
export class UnknownEntityError extends Error {
  override readonly name = 'UnknownEntityError';
  constructor(readonly entityRefs: string[], field: string) {
    super(
      `${field}: no catalogue entity ${entityRefs.map(r => `"${r}"`).join(', ')} exists`,
    );
  }
}

/** Input that failed the domain schema: a Backstage InputError (400) that keeps every issue. */
export class ItamInputError extends InputError {
  constructor(readonly issues: ValidationIssue[], message: string) {
    super(message);
  }
}

/**
 * Answers the domain's errors in Backstage's error shape with the status they deserve:
 * validation 400 (with every issue), rule violations and unknown entities 422 (with the rules).
 * Everything else goes on to Backstage's error handler.
 */
export const itamErrorHandler: ErrorRequestHandler = (error, req, res, next) => {
  let status: number | undefined;
  let extra: { issues?: ValidationIssue[]; violations?: RuleViolation[] } = {};
  if (error instanceof ItamValidationError || error instanceof ItamInputError) {
    status = 400;
    extra = { issues: error.issues };
  } else if (error instanceof ItamRuleViolationError) {
    status = 422;
    extra = { violations: error.violations };
  } else if (error instanceof UnknownEntityError) {
    status = 422;
  }
  if (status === undefined || res.headersSent) {
    next(error);
    return;
  }
  res.status(status).json({
    error: serializeError(error as Error, { includeStack: false }),
    ...extra,
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: status },
  });
};
