import { ItamValidationError } from '../errors';
import { parseDepreciationInput, type DepreciationInput } from './depreciationInput';

const good: DepreciationInput = { method: 'straight-line', cost: 1000, salvage: 100, life: 5 };

function issuesOf(input: unknown) {
  try {
    parseDepreciationInput(input as DepreciationInput);
  } catch (e) {
    expect(e).toBeInstanceOf(ItamValidationError);
    return (e as ItamValidationError).issues;
  }
  throw new Error('expected a validation error');
}

describe('parseDepreciationInput', () => {
  it('applies defaults', () => {
    expect(parseDepreciationInput({ method: 'declining-balance', cost: 10, life: 2 })).toEqual({
      method: 'declining-balance',
      cost: 10,
      salvage: 0,
      life: 2,
      periodUnit: 'year',
    });
  });

  it('accepts salvage equal to cost and a zero cost', () => {
    expect(parseDepreciationInput({ ...good, salvage: 1000 }).salvage).toBe(1000);
    expect(parseDepreciationInput({ ...good, cost: 0, salvage: 0 }).cost).toBe(0);
  });

  it.each([
    [{ cost: -1 }, 'cost', 'must not be negative'],
    [{ salvage: -1 }, 'salvage', 'must not be negative'],
    [{ salvage: 1000.01 }, 'salvage', 'must not exceed cost (1000)'],
    [{ life: 0 }, 'life', 'must be greater than 0'],
    [{ life: -3 }, 'life', 'must be greater than 0'],
    [{ life: 4001 }, 'life', 'must be at most 4000 periods'],
    [{ method: 'sum-of-digits' }, 'method', 'must be one of'],
    [{ periodUnit: 'week' }, 'periodUnit', 'must be one of'],
    [{ cost: 10.005 }, 'cost', 'whole number of minor units (at most 2 decimals)'],
    [{ cost: 10.5, salvage: 0, currency: 'JPY' }, 'cost', 'at most 0 decimals'],
    [{ cost: 1e15 }, 'cost', 'to stay exact in minor units'],
    [{ currency: 'eur' }, 'currency', 'ISO 4217'],
    [{ factor: 2 }, 'factor', 'applies only to declining-balance'],
    [{ switchToStraightLine: true }, 'switchToStraightLine', 'applies only to declining-balance'],
    [{ method: 'declining-balance', factor: -1 }, 'factor', 'must be greater than 0'],
    [{ method: 'declining-balance', factor: Infinity }, 'factor', 'finite'],
    [{ extra: 1 }, '', 'unknown field'],
  ])('%p is refused at %s', (patch, path, message) => {
    const issues = issuesOf({ ...good, ...patch });
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('reports every problem at once', () => {
    const issues = issuesOf({ method: 'straight-line', cost: -5, salvage: -1, life: 0 });
    expect(issues.map(i => i.path).sort()).toEqual(['cost', 'life', 'salvage']);
  });
});
