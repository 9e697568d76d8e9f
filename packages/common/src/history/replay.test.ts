import { createAsset, updateAsset } from '../asset/operations';
import { newAssetSchema } from '../asset/schema';
import { transitionAsset } from '../lifecycle/transition';
import { HistoryIntegrityError, replayHistory } from './replay';

const actor = 'user:default/am';

function history() {
  const data = newAssetSchema.parse({
    tag: 'SRV-1',
    name: 'db server',
    assetClass: 'hardware',
    type: 'server',
    lifecycleStage: 'in-stock',
  });
  const created = createAsset({ id: 'srv', data, actor, at: '2026-01-01T00:00:00.000Z' });
  const updated = updateAsset({
    asset: created.asset,
    patch: { owner: 'group:default/dba', location: 'DC-1' },
    actor,
    at: '2026-01-02T00:00:00.000Z',
  })!;
  const deployed = transitionAsset({
    asset: updated.asset,
    to: 'deployed',
    actor,
    at: '2026-01-03T00:00:00.000Z',
  });
  return { events: [created.event, updated.event, deployed.event], asset: deployed.asset };
}

describe('history', () => {
  it('records created fields, before/after of updates and transitions', () => {
    const { events } = history();
    expect(events[0].changes).toContainEqual({ field: 'tag', after: 'SRV-1' });
    expect(events[1]).toMatchObject({
      kind: 'updated',
      version: 2,
      changes: [
        { field: 'owner', after: 'group:default/dba' },
        { field: 'location', after: 'DC-1' },
      ],
    });
    expect(events[2]).toMatchObject({ transition: { from: 'in-stock', to: 'deployed' } });
  });

  it('an update that changes nothing yields no event', () => {
    const { asset } = history();
    expect(updateAsset({ asset, patch: { location: 'DC-1' }, actor, at: asset.updatedAt })).toBeUndefined();
  });

  it('replays to the current asset', () => {
    const { events, asset } = history();
    expect(replayHistory(events)).toEqual(asset);
  });

  it.each([
    ['an empty history', (e: ReturnType<typeof history>['events']) => e.slice(0, 0), /No events/],
    ['a missing event', (e: ReturnType<typeof history>['events']) => [e[0], e[2]], /version 3, expected 2/],
    [
      'a tampered before value',
      (e: ReturnType<typeof history>['events']) => [
        e[0],
        { ...e[1], changes: [{ field: 'owner', before: 'user:default/x', after: 'group:default/dba' }] },
      ],
      /expected owner to be "user:default\/x"/,
    ],
    ['a history not starting with creation', (e: ReturnType<typeof history>['events']) => e.slice(1), /starts with a created/],
  ])('refuses %s', (_name, mutate, message) => {
    expect(() => replayHistory(mutate(history().events))).toThrow(HistoryIntegrityError);
    expect(() => replayHistory(mutate(history().events))).toThrow(message);
  });
});
