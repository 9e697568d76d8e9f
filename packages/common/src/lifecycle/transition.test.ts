import { LIFECYCLE_STAGES, type LifecycleStage } from '../asset/constants';
import { ItamRuleViolationError } from '../errors';
import { anAsset } from '../testing/fixtures';
import { LIFECYCLE_RULE_IDS, LIFECYCLE_RULES } from './rules';
import { STAGE_REQUIREMENTS } from './stageRequirements';
import { transitionAsset, transitionOptions } from './transition';
import { LIFECYCLE_TRANSITIONS } from './transitions';

const AT = '2026-06-01T10:00:00.000Z';
const actor = 'user:default/asset-manager';

function refusal(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ItamRuleViolationError) return e.violations.map(v => v.ruleId);
    throw e;
  }
  throw new Error('expected the transition to be refused');
}

/** An asset that satisfies every guard for `to`, so only the graph decides. */
function readyFor(from: LifecycleStage) {
  return anAsset({
    assetClass: 'software',
    lifecycleStage: from,
    dataClassification: 'internal',
    owner: 'group:default/sre',
  });
}

describe('transitionAsset over the whole graph', () => {
  const pairs = LIFECYCLE_STAGES.flatMap(from => LIFECYCLE_STAGES.map(to => [from, to] as const));

  it.each(pairs.filter(([from, to]) => LIFECYCLE_TRANSITIONS[from].includes(to)))(
    'allows %s -> %s',
    (from, to) => {
      const { asset, event } = transitionAsset({
        asset: readyFor(from),
        to,
        actor,
        at: AT,
        reason: 'planned work',
      });
      expect(asset.lifecycleStage).toBe(to);
      expect(asset.version).toBe(2);
      expect(event).toEqual({
        assetId: 'a1',
        version: 2,
        kind: 'transitioned',
        actor,
        at: AT,
        reason: 'planned work',
        transition: { from, to },
        changes: [{ field: 'lifecycleStage', before: from, after: to }],
      });
    },
  );

  it.each(pairs.filter(([from, to]) => !LIFECYCLE_TRANSITIONS[from].includes(to)))(
    'refuses %s -> %s',
    (from, to) => {
      const expected =
        from === 'disposed'
          ? 'disposed-is-final'
          : from === to
            ? 'same-stage'
            : 'transition-not-allowed';
      expect(
        refusal(() =>
          transitionAsset({ asset: readyFor(from), to, actor, at: AT, reason: 'x' }),
        ),
      ).toEqual([expected]);
    },
  );
});

describe('lifecycle guards', () => {
  it('deploy needs an owner', () => {
    expect(
      refusal(() =>
        transitionAsset({ asset: anAsset({ owner: undefined }), to: 'deployed', actor, at: AT }),
      ),
    ).toEqual(['deploy-requires-owner']);
  });

  it('hardware is received into stock before deployment; cloud may deploy from planned', () => {
    expect(
      refusal(() =>
        transitionAsset({
          asset: anAsset({ lifecycleStage: 'ordered' }),
          to: 'deployed',
          actor,
          at: AT,
        }),
      ),
    ).toEqual(['hardware-received-before-deploy']);
    expect(
      transitionAsset({
        asset: anAsset({ lifecycleStage: 'planned', assetClass: 'cloud', type: 'vm' }),
        to: 'deployed',
        actor,
        at: AT,
      }).asset.lifecycleStage,
    ).toBe('deployed');
  });

  it('an asset past end of life is not deployed', () => {
    expect(
      refusal(() =>
        transitionAsset({
          asset: anAsset({ lifecycleStage: 'maintenance', endOfLife: '2026-05-31' }),
          to: 'deployed',
          actor,
          at: AT,
        }),
      ),
    ).toEqual(['deploy-before-end-of-life']);
    // On the end-of-life day itself it is still allowed.
    expect(
      transitionAsset({
        asset: anAsset({ endOfLife: '2026-06-01' }),
        to: 'deployed',
        actor,
        at: AT,
      }).asset.lifecycleStage,
    ).toBe('deployed');
  });

  it('retiring and disposing need a reason', () => {
    expect(
      refusal(() => transitionAsset({ asset: anAsset(), to: 'retired', actor, at: AT, reason: ' ' })),
    ).toEqual(['reason-required']);
    expect(
      refusal(() =>
        transitionAsset({ asset: anAsset({ lifecycleStage: 'retired' }), to: 'in-stock', actor, at: AT }),
      ),
    ).toEqual(['reason-required']);
  });

  it.each(['confidential', 'restricted'] as const)(
    'disposing an asset that held %s data needs a sanitisation record',
    dataClassification => {
      const asset = anAsset({ lifecycleStage: 'retired', dataClassification });
      expect(
        refusal(() => transitionAsset({ asset, to: 'disposed', actor, at: AT, reason: 'EOL' })),
      ).toEqual(['dispose-requires-sanitisation']);
      const sanitisation = {
        date: '2026-05-30',
        method: 'purge' as const,
        performedBy: 'Shredco Ltd',
        certificateRef: 'CERT-9',
      };
      const { asset: disposed, event } = transitionAsset({
        asset,
        to: 'disposed',
        actor,
        at: AT,
        reason: 'EOL',
        sanitisation,
      });
      expect(disposed.sanitisation).toEqual(sanitisation);
      expect(event.changes.map(c => c.field).sort()).toEqual(['lifecycleStage', 'sanitisation']);
    },
  );

  it('public and internal data need no sanitisation record, and a recorded one suffices', () => {
    for (const dataClassification of ['public', 'internal'] as const) {
      const asset = anAsset({ lifecycleStage: 'retired', dataClassification });
      expect(transitionAsset({ asset, to: 'disposed', actor, at: AT, reason: 'EOL' }).asset.lifecycleStage).toBe('disposed');
    }
    const recorded = anAsset({
      lifecycleStage: 'retired',
      dataClassification: 'restricted',
      sanitisation: { date: '2026-01-01', method: 'destroy', performedBy: 'IT' },
    });
    expect(transitionAsset({ asset: recorded, to: 'disposed', actor, at: AT, reason: 'EOL' }).asset.lifecycleStage).toBe('disposed');
  });

  it('a sanitisation record cannot be dated after the transition', () => {
    expect(
      refusal(() =>
        transitionAsset({
          asset: anAsset({ lifecycleStage: 'retired', dataClassification: 'restricted' }),
          to: 'disposed',
          actor,
          at: AT,
          reason: 'EOL',
          sanitisation: { date: '2026-06-02', method: 'purge', performedBy: 'IT' },
        }),
      ),
    ).toEqual(['sanitisation-not-in-future']);
  });

  it('reports every guard that refuses at once', () => {
    expect(
      refusal(() =>
        transitionAsset({
          asset: anAsset({ owner: undefined, endOfLife: '2020-01-01' }),
          to: 'deployed',
          actor,
          at: AT,
        }),
      ),
    ).toEqual(['deploy-requires-owner', 'deploy-before-end-of-life']);
  });
});

describe('transitionOptions', () => {
  it('lists the next stages with the reasons a rule blocks them', () => {
    const options = transitionOptions(anAsset({ owner: undefined }), AT);
    expect(options).toEqual([
      {
        to: 'deployed',
        allowed: false,
        violations: [expect.objectContaining({ ruleId: 'deploy-requires-owner' })],
      },
      { to: 'maintenance', allowed: true, violations: [] },
      {
        to: 'retired',
        allowed: false,
        violations: [expect.objectContaining({ ruleId: 'reason-required' })],
      },
    ]);
    expect(transitionOptions(anAsset({ lifecycleStage: 'disposed' }), AT)).toEqual([]);
  });
});

describe('lifecycle rule ids', () => {
  it('name every guard once, in the order guards are reported, and every stage requirement a guard enforces', () => {
    expect(LIFECYCLE_RULES.map(r => r.id)).toEqual([...LIFECYCLE_RULE_IDS]);
    for (const requirement of STAGE_REQUIREMENTS) expect(LIFECYCLE_RULE_IDS).toContain(requirement.id);
  });
});
