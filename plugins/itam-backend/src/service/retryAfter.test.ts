import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { withRetryAfter } from './retryAfter';

describe('withRetryAfter', () => {
  it('tells the client when to ask again when the answer is "not yet"', async () => {
    const res = { setHeader: jest.fn() };
    const notYet = new ServiceUnavailableError('being evaluated');
    await expect(withRetryAfter(res, 30, async () => Promise.reject(notYet))).rejects.toBe(notYet);
    expect(res.setHeader).toHaveBeenCalledWith('Retry-After', '30');
  });

  it('passes answers and other errors through untouched', async () => {
    const res = { setHeader: jest.fn() };
    await expect(withRetryAfter(res, 30, async () => 'page')).resolves.toBe('page');
    const bad = new InputError('limit: too big');
    await expect(withRetryAfter(res, 30, async () => Promise.reject(bad))).rejects.toBe(bad);
    expect(res.setHeader).not.toHaveBeenCalled();
  });
});
