import { ItamApiError } from '@itam/common';
import { isConflict, ruleViolationsOf, statusOf, validationIssuesOf } from './errors';

const backendError = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  new ItamApiError(status, message, 'Error', {
    error: { name: 'Error', message },
    ...extra,
    response: { statusCode: status },
  });

describe('errors', () => {
  it('reads the status of API errors only', () => {
    expect(statusOf(backendError(404, 'gone'))).toBe(404);
    expect(statusOf(new Error('network down'))).toBeUndefined();
    expect(statusOf(undefined)).toBeUndefined();
  });

  it('recognises a version conflict', () => {
    expect(isConflict(backendError(409, 'stale'))).toBe(true);
    expect(isConflict(backendError(422, 'refused'))).toBe(false);
  });

  it('takes the violations the backend sends beside the error', () => {
    const violations = [{ ruleId: 'deploy-requires-owner', message: 'needs an owner' }];
    expect(ruleViolationsOf(backendError(422, 'needs an owner [deploy-requires-owner]', { violations }))).toEqual(
      violations,
    );
  });

  it('recovers the violations from the message when the body has none', () => {
    expect(
      ruleViolationsOf(backendError(422, 'needs an owner [deploy-requires-owner]; past end of life [deploy-before-end-of-life]')),
    ).toEqual([
      { ruleId: 'deploy-requires-owner', message: 'needs an owner' },
      { ruleId: 'deploy-before-end-of-life', message: 'past end of life' },
    ]);
    expect(ruleViolationsOf(backendError(422, 'owner: no catalogue entity "user:default/x" exists'))).toEqual([
      { ruleId: '', message: 'owner: no catalogue entity "user:default/x" exists' },
    ]);
  });

  it('is not a refusal unless the status is 422', () => {
    expect(ruleViolationsOf(backendError(400, 'bad [x]'))).toBeUndefined();
  });

  it('takes field issues from a 400 body, beside or inside the error', () => {
    const issues = [{ path: 'purchase.currency', message: 'is required when a cost is given' }];
    expect(validationIssuesOf(backendError(400, 'Invalid', { issues }))).toEqual(issues);
    expect(
      validationIssuesOf(new ItamApiError(400, 'Invalid', 'InputError', { error: { name: 'InputError', message: 'Invalid', issues } })),
    ).toEqual(issues);
    expect(validationIssuesOf(backendError(400, 'Invalid'))).toBeUndefined();
    expect(validationIssuesOf(backendError(409, 'Invalid', { issues }))).toBeUndefined();
  });
});
