import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { ConflictError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import { createItamErrorHandler, isDatabaseUnavailableError } from './errors';

/** An app whose one route throws `error`, behind the plugin's and Backstage's error handlers. */
function appThrowing(error: unknown) {
  const app = express();
  app.get('/x', () => {
    throw error;
  });
  app.use(createItamErrorHandler(mockServices.logger.mock()));
  app.use(MiddlewareFactory.create({ config: mockServices.rootConfig(), logger: mockServices.logger.mock() }).error());
  return app;
}

describe('createItamErrorHandler', () => {
  it('answers a failed query with a plain 500 that echoes neither SQL nor values', async () => {
    const error = Object.assign(
      new Error(`insert into "itam_assets" ("name") values ($1) - invalid byte sequence for encoding "UTF8": 0x00 secret-value`),
      { code: '22021' },
    );
    const res = await request(appThrowing(error)).get('/x').expect(500);
    expect(JSON.stringify(res.body)).not.toMatch(/insert|itam_assets|secret-value|UTF8/);
    expect(res.body.error).toEqual({ name: 'Error', message: expect.stringMatching(/failed on the server/) });
    expect(res.body.error.stack).toBeUndefined();
  });

  it('answers an unreachable database with 503 and Retry-After', async () => {
    const refused = Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })]), {});
    const res = await request(appThrowing(refused)).get('/x').expect(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error.name).toBe('ServiceUnavailableError');
    expect(JSON.stringify(res.body)).not.toMatch(/5432/);
  });

  it('recognises the ways a database goes away', () => {
    expect(isDatabaseUnavailableError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailableError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailableError(Object.assign(new Error('Knex: Timeout acquiring a connection'), { name: 'KnexTimeoutError' }))).toBe(true);
    expect(isDatabaseUnavailableError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });

  it('names the mismatch of a response the OpenAPI document does not describe (itam.api.validateResponses)', async () => {
    const mismatch = Object.assign(new Error('/response/items/0/link must NOT have additional properties'), {
      status: 500,
      errors: [{ path: '/response/items/0/link', message: 'must NOT have additional properties' }],
    });
    const res = await request(appThrowing(mismatch)).get('/x').expect(500);
    expect(res.body).toMatchObject({
      error: { name: 'ResponseValidationError', message: '/response/items/0/link must NOT have additional properties' },
      issues: [{ path: '/response/items/0/link', message: 'must NOT have additional properties' }],
    });
    // Any other error with a list of errors still gets the plain 500.
    const other = Object.assign(new Error('select secret'), { status: 500, errors: [{ path: '/body/x', message: 'no' }] });
    expect((await request(appThrowing(other)).get('/x').expect(500)).body.error.name).toBe('Error');
  });

  it('leaves errors written for the caller to Backstage', async () => {
    const res = await request(appThrowing(new ConflictError('Asset LAP-1 is at version 3'))).get('/x').expect(409);
    expect(res.body.error.message).toBe('Asset LAP-1 is at version 3');
  });
});
