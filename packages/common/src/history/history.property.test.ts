import fc from 'fast-check';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../asset/constants';
import { createAsset, updateAsset } from '../asset/operations';
import { newAssetSchema } from '../asset/schema';
import type { Asset, AssetPatch } from '../asset/types';
import { ItamRuleViolationError } from '../errors';
import { transitionAsset } from '../lifecycle/transition';
import { isTransitionInGraph } from '../lifecycle/transitions';
import type { HistoryEvent } from './events';
import { replayHistory } from './replay';

/** A command an asset manager may issue; many will be refused by the rules. */
type Command =
  | { kind: 'transition'; to: LifecycleStage; reason?: string; sanitise: boolean }
  | { kind: 'update'; patch: AssetPatch };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('transition' as const),
    to: fc.constantFrom(...LIFECYCLE_STAGES),
    reason: fc.option(fc.constantFrom('refresh', 'broken', ''), { nil: undefined }),
    sanitise: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    patch: fc.record(
      {
        owner: fc.constantFrom<string | null>('user:default/jane', 'group:default/sre', null),
        location: fc.constantFrom<string | null>('HQ', 'DC-1', null),
        criticality: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
        dataClassification: fc.constantFrom(
          'public' as const,
          'internal' as const,
          'confidential' as const,
          'restricted' as const,
        ),
        endOfLife: fc.constantFrom<string | null>('2020-01-01', '2099-12-31', null),
        attributes: fc.dictionary(fc.constantFrom('ram', 'os'), fc.constantFrom('16', 'linux')),
      },
      { requiredKeys: [] },
    ),
  }),
);

const startArb = fc.record({
  assetClass: fc.constantFrom('hardware' as const, 'cloud' as const, 'software' as const),
  lifecycleStage: fc.constantFrom<LifecycleStage>('planned', 'ordered', 'in-stock'),
  owner: fc.option(fc.constant('user:default/jane'), { nil: undefined }),
});

/** Runs commands from a fresh asset, keeping the events of those the rules accepted. */
function run(start: { assetClass: string; lifecycleStage: LifecycleStage; owner?: string }, commands: Command[]) {
  const data = newAssetSchema.parse({ tag: 'T-1', name: 'thing', type: 'thing', ...start });
  const created = createAsset({ id: 'a1', data, actor: 'user:default/am', at: at(0) });
  let { asset } = created;
  const events: HistoryEvent[] = [created.event];
  const stages: LifecycleStage[] = [asset.lifecycleStage];
  commands.forEach((command, i) => {
    try {
      const change =
        command.kind === 'transition'
          ? transitionAsset({
              asset,
              to: command.to,
              reason: command.reason,
              actor: 'user:default/am',
              at: at(i + 1),
              sanitisation: command.sanitise
                ? { date: '2026-01-01', method: 'purge', performedBy: 'IT' }
                : undefined,
            })
          : updateAsset({ asset, patch: command.patch, actor: 'user:default/am', at: at(i + 1) });
      if (!change) return;
      ({ asset } = change);
      events.push(change.event);
      stages.push(asset.lifecycleStage);
    } catch (e) {
      if (!(e instanceof ItamRuleViolationError)) throw e;
    }
  });
  return { asset, events, stages };
}

function at(i: number): string {
  return new Date(Date.UTC(2026, 1, 1) + i * 60_000).toISOString();
}

describe('lifecycle and history invariants', () => {
  it('no sequence of commands leaves disposed', () => {
    fc.assert(
      fc.property(startArb, fc.array(commandArb, { maxLength: 40 }), (start, commands) => {
        const { stages } = run(start, commands);
        const disposedAt = stages.indexOf('disposed');
        if (disposedAt >= 0) {
          expect(stages.slice(disposedAt).every(s => s === 'disposed')).toBe(true);
        }
      }),
    );
  });

  it('every reached stage was reached through an allowed edge of the graph', () => {
    fc.assert(
      fc.property(startArb, fc.array(commandArb, { maxLength: 40 }), (start, commands) => {
        const { events } = run(start, commands);
        for (const e of events) {
          if (e.kind === 'transitioned') {
            expect(isTransitionInGraph(e.transition!.from, e.transition!.to)).toBe(true);
          } else {
            // Only transitions move the stage.
            expect(e.changes.some(c => c.field === 'lifecycleStage' && e.kind !== 'created')).toBe(false);
          }
        }
      }),
    );
  });

  it('replaying the history always reproduces the current asset', () => {
    fc.assert(
      fc.property(startArb, fc.array(commandArb, { maxLength: 40 }), (start, commands) => {
        const { asset, events } = run(start, commands);
        const replayed: Asset = replayHistory(JSON.parse(JSON.stringify(events)));
        expect(replayed).toEqual(JSON.parse(JSON.stringify(asset)));
      }),
    );
  });
});
