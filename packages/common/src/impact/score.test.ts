import fc from 'fast-check';
import { changeImpactOptionsSchema } from './options';
import { scoreChangeRisk, type ChangeRiskFacts } from './score';

const options = changeImpactOptionsSchema.parse({});
const window = { start: '2026-06-01T22:00:00Z', end: '2026-06-02T02:00:00Z' };

const quiet: ChangeRiskFacts = {
  namedCount: 1,
  reachedCount: 0,
  openIncidents: [],
  lifecycleConcerns: [],
  window: { ...window, inMaintenanceWindow: true },
};

describe('scoreChangeRisk', () => {
  it('gives a contained change in a maintenance window the minimum score', () => {
    const risk = scoreChangeRisk(quiet, options);
    expect(risk).toMatchObject({ score: 1, level: 'low', impact: 1, likelihood: 1 });
    expect(risk.reasons.map(r => `${r.dimension}/${r.factor}/${r.points}`)).toEqual([
      'impact/baseline/1',
      'likelihood/baseline/1',
    ]);
  });

  it('gives the maximum when every factor is at its worst, and explains each', () => {
    const risk = scoreChangeRisk(
      {
        namedCount: 2,
        reachedCount: 50,
        highestCriticality: { tier: 1, labels: ['asset SRV-1', 'component:default/pay'] },
        openIncidents: [
          { assetLabel: 'asset SRV-1', issueKeys: ['OPS-1', 'OPS-2'] },
          { assetLabel: 'asset SRV-2', issueKeys: ['OPS-3'] },
        ],
        lifecycleConcerns: ['asset SRV-1 is in maintenance'],
        window: { ...window, inMaintenanceWindow: false },
      },
      options,
    );
    expect(risk).toMatchObject({ score: 25, level: 'critical', impact: 5, likelihood: 5 });
    expect(risk.reasons).toEqual([
      { factor: 'baseline', dimension: 'impact', points: 1, explanation: 'Any change can disrupt what it touches.' },
      {
        factor: 'criticality',
        dimension: 'impact',
        points: 2,
        explanation: 'The most critical item affected is tier 1: asset SRV-1, component:default/pay.',
      },
      {
        factor: 'breadth',
        dimension: 'impact',
        points: 2,
        explanation: '50 items are affected beyond the 2 named on the change (10 or more add 1 point, 50 or more add 2).',
      },
      { factor: 'baseline', dimension: 'likelihood', points: 1, explanation: 'Any change can fail.' },
      {
        factor: 'incident-history',
        dimension: 'likelihood',
        points: 2,
        explanation:
          '3 open incidents on 2 affected assets: asset SRV-1 (OPS-1, OPS-2), asset SRV-2 (OPS-3) (3 or more add 2 points).',
      },
      {
        factor: 'lifecycle',
        dimension: 'likelihood',
        points: 1,
        explanation:
          'Affected assets are in maintenance or near or past end of life or support: asset SRV-1 is in maintenance.',
      },
      {
        factor: 'change-window',
        dimension: 'likelihood',
        points: 1,
        explanation: 'The change window 2026-06-01T22:00:00Z – 2026-06-02T02:00:00Z is outside an agreed maintenance window.',
      },
    ]);
  });

  it('scores tier 2, moderate breadth, one incident and an unstated window one point each', () => {
    const risk = scoreChangeRisk(
      {
        ...quiet,
        reachedCount: 10,
        highestCriticality: { tier: 2, labels: ['x'] },
        openIncidents: [{ assetLabel: 'asset A', issueKeys: ['OPS-9'] }],
        window,
      },
      options,
    );
    expect(risk).toMatchObject({ impact: 3, likelihood: 3, score: 9, level: 'medium' });
    expect(risk.reasons.find(r => r.factor === 'change-window')?.explanation).toMatch(/not stated/);
    expect(risk.reasons.find(r => r.factor === 'incident-history')?.explanation).toMatch(/^1 open incident on 1 affected asset:/);
  });

  it('lists no reason for tier 3 or 4, which add nothing', () => {
    const risk = scoreChangeRisk({ ...quiet, highestCriticality: { tier: 3, labels: ['x'] } }, options);
    expect(risk.reasons.map(r => r.factor)).not.toContain('criticality');
  });

  it('always equals the product of the sums of its reasons, within 1–25', () => {
    fc.assert(
      fc.property(
        fc.record({
          namedCount: fc.nat(5),
          reachedCount: fc.nat(200),
          tier: fc.option(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), { nil: undefined }),
          incidents: fc.array(fc.array(fc.constantFrom('OPS-1', 'OPS-2'), { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
          concerns: fc.array(fc.constant('asset X is in maintenance'), { maxLength: 2 }),
          inWindow: fc.option(fc.boolean(), { nil: undefined }),
        }),
        f => {
          const risk = scoreChangeRisk(
            {
              namedCount: f.namedCount,
              reachedCount: f.reachedCount,
              highestCriticality: f.tier ? { tier: f.tier, labels: ['x'] } : undefined,
              openIncidents: f.incidents.map(issueKeys => ({ assetLabel: 'asset X', issueKeys })),
              lifecycleConcerns: f.concerns,
              window: { ...window, inMaintenanceWindow: f.inWindow },
            },
            options,
          );
          const sum = (d: string) => risk.reasons.filter(r => r.dimension === d).reduce((t, r) => t + r.points, 0);
          expect(risk.impact).toBe(sum('impact'));
          expect(risk.likelihood).toBe(sum('likelihood'));
          expect(risk.score).toBe(risk.impact * risk.likelihood);
          expect(risk.impact).toBeGreaterThanOrEqual(1);
          expect(risk.impact).toBeLessThanOrEqual(5);
          expect(risk.likelihood).toBeLessThanOrEqual(5);
          expect(risk.reasons.every(r => r.points > 0)).toBe(true);
        },
      ),
    );
  });
});
