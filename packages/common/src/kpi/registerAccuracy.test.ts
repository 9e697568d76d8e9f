import { registerAccuracy } from './registerAccuracy';

const window = { from: '2026-01-01', to: '2026-03-31' };

describe('registerAccuracy', () => {
  it('is verified ÷ (verified + not found + unexpected) over the audits in the window', () => {
    const r = registerAccuracy({
      window,
      audits: [
        { id: 'q1-hq', completedAt: '2026-02-10T16:00:00Z', verifiedAssetIds: ['a', 'b', 'c', 'd', 'e', 'f'], notFoundAssetIds: ['g'], unexpectedCount: 1 },
        { id: 'q1-dc', completedAt: '2026-03-31T23:59:59Z', verifiedAssetIds: ['h'], notFoundAssetIds: [], unexpectedCount: 1 },
        // Completed on 1 April in UTC (still 31 March in New York): outside the window.
        { id: 'q2-dc', completedAt: '2026-03-31T22:00:00-04:00', verifiedAssetIds: [], notFoundAssetIds: ['x', 'y'], unexpectedCount: 0 },
        { id: 'q4-hq', completedAt: '2025-12-31', verifiedAssetIds: [], notFoundAssetIds: ['z'], unexpectedCount: 0 },
      ],
    });
    expect(r).toMatchObject({ id: 'register-accuracy', value: 0.7, numerator: 7, denominator: 10 });
  });

  it('is null with a reason when no audit in the window checked anything', () => {
    expect(registerAccuracy({ window, audits: [] }).reason).toBe('no audit completed within the window checked anything');
    expect(
      registerAccuracy({
        window,
        audits: [{ id: 'empty', completedAt: '2026-01-05', verifiedAssetIds: [], notFoundAssetIds: [], unexpectedCount: 0 }],
      }).value,
    ).toBeNull();
  });

  it.each([
    [{ completedAt: 'last week' }, 'audits.0.completedAt: must be an ISO 8601 date-time'],
    [{ unexpectedCount: -1 }, 'audits.0.unexpectedCount: must be a whole number'],
    [{ id: '' }, 'audits.0.id: must be a non-empty string'],
  ])('refuses %p', (patch, message) => {
    const audit = { id: 'a', completedAt: '2026-01-05', verifiedAssetIds: [], notFoundAssetIds: [], unexpectedCount: 0, ...patch };
    expect(() => registerAccuracy({ window, audits: [audit] })).toThrow(message);
  });
});
