import { LICENCE_METRIC_INFO } from './metrics';
import type { ProductNode, RightState } from './model';
import { familyKeyOf, rankVersions, versionMatch } from './rights';

function node(idx: number, version?: string): ProductNode {
  return { idx, product: { id: `p${idx}`, publisher: 'A', name: 'B', underManagement: true, ...(version ? { version } : {}) }, versionRank: -1 } as ProductNode;
}

function right(metric: 'per-device' | 'subscription', downgradeRights: boolean): RightState {
  return { ent: { id: 'e', productId: 'p', metric, quantity: 1, downgradeRights }, info: LICENCE_METRIC_INFO[metric] } as RightState;
}

describe('familyKeyOf', () => {
  it('ignores case and surrounding space', () => {
    expect(familyKeyOf({ publisher: ' Microsoft', name: 'SQL Server ' })).toBe(familyKeyOf({ publisher: 'microsoft', name: 'sql server' }));
    expect(familyKeyOf({ publisher: 'A', name: 'BC' })).not.toBe(familyKeyOf({ publisher: 'AB', name: 'C' }));
  });
});

describe('rankVersions and versionMatch', () => {
  const v9 = node(0, '9');
  const v10 = node(1, '10');
  const also10 = node(2, '10.0');
  const any = node(3);
  rankVersions(new Map([['f', [v10, any, v9, also10]]]));

  it('ranks versions numerically, versionless at -1', () => {
    expect([v9.versionRank, v10.versionRank, also10.versionRank, any.versionRank]).toEqual([0, 1, 2, -1]);
  });

  it('matches own, versionless and downgradable newer rights only', () => {
    expect(versionMatch(right('per-device', false), v9, v9)).toBe('same-version');
    expect(versionMatch(right('per-device', false), any, v9)).toBe('version-independent');
    expect(versionMatch(right('per-device', true), v10, v9)).toBe('downgrade');
    expect(versionMatch(right('per-device', false), v10, v9)).toBeNull();
    expect(versionMatch(right('per-device', true), v9, v10)).toBeNull();
    expect(versionMatch(right('subscription', true), v10, v9)).toBeNull();
    expect(versionMatch(right('per-device', true), v10, any)).toBeNull();
  });
});
