import fc from 'fast-check';
import { anAsset } from '../testing/fixtures';
import { validate } from '../validation';
import { evaluateAudit, isInAuditScope } from './findings';
import { auditObservationSchema, type AuditObservation } from './schema';

const at = (n: number) => `2026-03-0${n}T10:00:00.000Z`;
const obs = (o: Partial<AuditObservation>, n = 1): AuditObservation => ({
  result: 'seen',
  observedBy: 'user:default/alex',
  observedAt: at(n),
  ...o,
});

const assets = [
  anAsset({ id: 'a', tag: 'LAP-1', serialNumber: 'S-1', location: 'Berlin' }),
  anAsset({ id: 'b', tag: 'LAP-2', location: 'Berlin' }),
  anAsset({ id: 'c', tag: 'LAP-3', location: 'Berlin' }),
  anAsset({ id: 'd', tag: 'LAP-4' }),
];

describe('evaluateAudit', () => {
  it('classifies every in-scope asset and unexpected finds, with accuracy and coverage', () => {
    const result = evaluateAudit(assets, [
      obs({ serialNumber: 's-1', location: 'berlin' }),
      obs({ assetTag: 'LAP-2', location: 'Munich' }),
      obs({ assetTag: 'LAP-3', result: 'not-found' }),
      obs({ assetTag: 'LAP-99', location: 'Berlin' }),
      obs({ assetTag: 'LAP-98', result: 'not-found' }),
    ]);
    expect(result.findings.map(f => [f.kind, f.assetTag])).toEqual([
      ['verified', 'LAP-1'],
      ['location-mismatch', 'LAP-2'],
      ['not-found', 'LAP-3'],
      ['not-observed', 'LAP-4'],
      ['unexpected', 'LAP-99'],
    ]);
    expect(result.counts).toEqual({ verified: 1, 'location-mismatch': 1, 'not-found': 1, 'not-observed': 1, unexpected: 1 });
    expect(result.accuracy).toBe(0.25);
    expect(result.coverage).toBe(0.75);
    expect(result.findings[1].explanation).toBe('LAP-2 was seen at Munich, but the register says Berlin');
  });

  it('lets the latest observation of an asset win', () => {
    const result = evaluateAudit([assets[0]], [
      obs({ assetTag: 'LAP-1', result: 'seen' }, 2),
      obs({ assetTag: 'LAP-1', result: 'not-found' }, 1),
    ]);
    expect(result.findings[0].kind).toBe('verified');
  });

  it('has no accuracy for an empty scope', () => {
    expect(evaluateAudit([], [])).toMatchObject({ inScope: 0, accuracy: null, coverage: null });
  });

  it('accuracy stays within [0, 1] and counts add up to assets plus unexpected finds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            tag: fc.constantFrom('LAP-1', 'LAP-2', 'LAP-3', 'LAP-4', 'X-1'),
            result: fc.constantFrom('seen' as const, 'not-found' as const),
            location: fc.constantFrom('Berlin', 'Munich', undefined),
            n: fc.integer({ min: 1, max: 9 }),
          }),
        ),
        rows => {
          const result = evaluateAudit(
            assets,
            rows.map(r => obs({ assetTag: r.tag, result: r.result, location: r.location }, r.n)),
          );
          const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
          expect(total - result.counts.unexpected).toBe(assets.length);
          expect(result.accuracy).toBeGreaterThanOrEqual(0);
          expect(result.accuracy).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('audit scope and observations', () => {
  it('filters by class, stage, location and owner and never includes disposed assets', () => {
    const laptop = anAsset({ location: 'Berlin' });
    expect(isInAuditScope(laptop, {})).toBe(true);
    expect(isInAuditScope(laptop, { assetClasses: ['cloud'] })).toBe(false);
    expect(isInAuditScope(laptop, { locations: ['Berlin'], owners: ['user:default/jane'] })).toBe(true);
    expect(isInAuditScope(anAsset({ lifecycleStage: 'disposed' }), {})).toBe(false);
  });

  it('an observation names its asset', () => {
    const result = validate(auditObservationSchema, { result: 'seen' });
    expect(result).toEqual({ ok: false, issues: [{ path: 'assetTag', message: expect.stringContaining('assetTag or serialNumber') }] });
  });
});
