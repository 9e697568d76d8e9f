import type { LoggerService } from '@backstage/backend-plugin-api';
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
 * Backstage's error classes whose messages are written for the caller (see @backstage/errors);
 * its error handler gives each its status.
 */
const CALLER_ERRORS = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotModifiedError',
  'NotImplementedError',
  'ServiceUnavailableError',
]);

/** Connection failures of the database driver or pool (Node's socket error codes). */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * PostgreSQL SQLSTATEs of a server that is away: class 08 (connection exception), 57P01-57P03
 * (shut down by an administrator, crashed, starting up), 53300 (too many connections); and
 * SQLite's busy or locked database.
 */
const UNAVAILABLE_CODES = /^(?:08...|57P0[123]|53300|SQLITE_BUSY.*|SQLITE_LOCKED.*)$/;
/** What node-postgres and knex say, without a code, when a connection dies or none can be had. */
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error and is not queryable|Timeout acquiring a connection|the database system is (?:starting up|shutting down)/i;

/**
 * Whether an error means the database is unreachable for now (a restart, a failover, an
 * exhausted pool) rather than that the request was wrong: such requests get a 503 and succeed
 * once the database is back, without restarting the backend.
 */
export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const e = error as { code?: unknown; name?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || UNAVAILABLE_CODES.test(e.code))) return true;
  if (e.name === 'KnexTimeoutError') return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some(x => isDatabaseUnavailableError(x, depth + 1))) return true;
  return isDatabaseUnavailableError(e.cause, depth + 1);
}

/** Errors whose message was written for the caller: Backstage's, and HTTP errors below 500. */
function isCallerError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (CALLER_ERRORS.has(error.name)) return true;
  const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** A response express-openapi-validator found the OpenAPI document does not describe. */
function isResponseMismatch(error: unknown): error is { message: string; errors: { path: string; message: string }[] } {
  const candidate = error as { status?: unknown; errors?: unknown } | null;
  return (
    candidate?.status === 500 &&
    Array.isArray(candidate.errors) &&
    candidate.errors.length > 0 &&
    candidate.errors.every(e => typeof (e as { path?: unknown }).path === 'string' && (e as { path: string }).path.startsWith('/response'))
  );
}

/**
 * Answers the domain's errors in Backstage's error shape with the status they deserve:
 * validation 400 (with every issue), rule violations and unknown entities 422 (with the rules),
 * an unreachable database 503. Errors written for the caller go on to Backstage's error handler.
 * Anything else (a failed query, a bug) is logged in full and answered with a plain 500 that
 * names no SQL, no stored value and no stack: database messages carry statements and values.
 */
export function createItamErrorHandler(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    let status: number;
    let body: Record<string, unknown> = {};
    if (error instanceof ItamValidationError || error instanceof ItamInputError) {
      status = 400;
      body = { error: serializeError(error, { includeStack: false }), issues: error.issues };
    } else if (error instanceof ItamRuleViolationError) {
      status = 422;
      body = { error: serializeError(error, { includeStack: false }), violations: error.violations satisfies RuleViolation[] };
    } else if (error instanceof UnknownEntityError) {
      status = 422;
      body = { error: serializeError(error, { includeStack: false }) };
    } else if (isCallerError(error)) {
      next(error);
      return;
    } else if (isResponseMismatch(error)) {
      // Only with itam.api.validateResponses (development, tests): the mismatch is the point.
      status = 500;
      logger.error(`ITAM response to ${req.method} ${req.path} is not what the OpenAPI document describes: ${error.message}`);
      body = { error: { name: 'ResponseValidationError', message: error.message }, issues: error.errors.map(e => ({ path: e.path, message: e.message })) };
    } else if (isDatabaseUnavailableError(error)) {
      status = 503;
      logger.warn(`ITAM request ${req.method} ${req.path} failed: the database is unavailable`, error);
      res.setHeader('retry-after', '5');
      body = {
        error: { name: 'ServiceUnavailableError', message: 'The asset register is unavailable for a moment; retry shortly' },
      };
    } else {
      status = 500;
      logger.error(`ITAM request ${req.method} ${req.path} failed`, error);
      body = { error: { name: 'Error', message: 'The request failed on the server; the server log has the details' } };
    }
    res.status(status).json({
      ...body,
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: status },
    });
  };
}
