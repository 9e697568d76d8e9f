import {
  LIFECYCLE_STAGES,
  RISK_RULE_IDS,
  RISK_SEVERITIES,
  compareRiskFindings,
  countRiskFindings,
  evaluateRiskFindings,
  riskFindingKey,
  type Asset,
  type RiskFinding,
  type RiskFindingItem,
} from '@itam/common';
import { anAsset } from '@itam/common/testing';
import fc from 'fast-check';
import type { Knex } from 'knex';
import { migrateItamDatabase } from '../database/KnexAssetStore';
import { assetToRow } from '../database/rows';
import { itamTestDatabases } from '../tests/testBackend';
import { KnexRiskFindingStore } from './KnexRiskFindingStore';
import type { RiskFindingFilter } from './RiskFindingStore';
import { refreshAssetFindings } from './assetRiskFindings';

const databases = itamTestDatabases();
const AT = '2026-06-30T08:00:00.000Z';
const day = fc.constantFrom('2024-01-01', '2026-07-15', '2027-06-30');
const OWNERS = ['group:default/sre', 'user:default/jane'];

/** Random assets whose findings cover every asset rule, with tags in mixed case and punctuation. */
const assetsArb: fc.Arbitrary<Asset[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 0xffff }).map(n => n.toString(16).padStart(4, '0')), { maxLength: 30 })
  .chain(keys =>
    fc.tuple(
      ...keys.map(key =>
        fc.record({
          key: fc.constant(key),
          prefix: fc.constantFrom('SRV-', 'srv_', 'Lap.', 'Z'),
          stage: fc.constantFrom(...LIFECYCLE_STAGES),
          owner: fc.option(fc.constantFrom(...OWNERS), { nil: undefined }),
          criticality: fc.constantFrom(1, 2, 4),
          warrantyEnd: fc.option(day, { nil: undefined }),
          endOfLife: fc.option(day, { nil: undefined }),
          endOfSupport: fc.option(day, { nil: undefined }),
          confidential: fc.boolean(),
        }),
      ),
    ),
  )
  .map(specs =>
    specs.map(s =>
      anAsset({
        id: `${s.key}0000-0000-4000-8000-000000000000`,
        tag: `${s.prefix}${s.key}`,
        lifecycleStage: s.stage,
        owner: s.owner,
        criticality: s.criticality as Asset['criticality'],
        dataClassification: s.confidential ? 'confidential' : 'internal',
        sanitisation: undefined,
        ...(s.warrantyEnd ? { warrantyEnd: s.warrantyEnd } : { warrantyEnd: undefined }),
        ...(s.endOfLife ? { endOfLife: s.endOfLife } : { endOfLife: undefined }),
        ...(s.endOfSupport ? { endOfSupport: s.endOfSupport } : { endOfSupport: undefined }),
      }),
    ),
  );

const filterArb: fc.Arbitrary<RiskFindingFilter> = fc.record(
  {
    severities: fc.subarray([...RISK_SEVERITIES], { minLength: 1 }),
    ruleIds: fc.subarray([...RISK_RULE_IDS], { minLength: 1 }),
    owner: fc.constantFrom(...OWNERS),
  },
  { requiredKeys: [] },
);

/** The in-memory definition: every finding of the assets, filtered, in the documented order. */
function expected(assets: readonly Asset[], filter: RiskFindingFilter) {
  const owners = new Map(assets.map(a => [a.id, a.owner]));
  const all = evaluateRiskFindings({ asOf: AT, assets, verifications: [] });
  const narrowed = all.filter(
    f => (filter.owner === undefined || owners.get(f.assetId!) === filter.owner) && (!filter.assetIds || filter.assetIds.includes(f.assetId!)),
  );
  const listed = narrowed
    .filter(f => (!filter.severities || filter.severities.includes(f.severity)) && (!filter.ruleIds || filter.ruleIds.includes(f.ruleId)))
    .sort(compareRiskFindings);
  return { listed, counts: countRiskFindings(narrowed, { severities: filter.severities, ruleIds: filter.ruleIds }) };
}

/** A page's items as the API serves them, each checked against the rule and severity listed with it. */
async function itemsOf(store: KnexRiskFindingStore, filter: RiskFindingFilter, page: Parameters<KnexRiskFindingStore['list']>[1]) {
  const listed = await store.list(filter, page);
  const items = listed.items.map(f => {
    const item = JSON.parse(f.json) as RiskFindingItem;
    expect([f.ruleId, f.severity]).toEqual([item.ruleId, item.severity]);
    return item;
  });
  return { items, last: listed.last };
}

async function readAll(store: KnexRiskFindingStore, filter: RiskFindingFilter, limit: number): Promise<RiskFinding[]> {
  const found: RiskFindingItem[] = [];
  let page = await itemsOf(store, filter, { limit });
  found.push(...page.items);
  while (page.last) {
    page = await itemsOf(store, filter, { limit, after: page.last });
    found.push(...page.items);
  }
  return found.map(({ key: _key, firstSeen: _firstSeen, ...f }) => f);
}

async function writeAssets(knex: Knex, assets: readonly Asset[]) {
  await knex('itam_risk_findings').delete();
  await knex('itam_risk_finding_counts').delete();
  await knex('itam_risk_finding_owner_counts').delete();
  await knex('itam_assets').delete();
  for (const asset of assets) await knex('itam_assets').insert(assetToRow(asset));
}

describe.each(databases.eachSupportedId())('risk findings stored as rows on %s', databaseId => {
  let knex: Knex;
  let store: KnexRiskFindingStore;
  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await migrateItamDatabase(knex);
    store = KnexRiskFindingStore.create(knex);
  });

  it('list, page and count as the in-memory rules do, for any filter and page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        assetsArb.chain(assets =>
          fc.tuple(
            fc.constant(assets),
            filterArb,
            // Some runs ask for a few assets' findings (the entity tab's read, through the asset index).
            fc.option(fc.subarray(assets.map(a => a.id)), { nil: undefined }),
          ),
        ),
        fc.integer({ min: 1, max: 7 }),
        async ([assets, narrowing, assetIds], limit) => {
          const filter: RiskFindingFilter = { ...narrowing, ...(assetIds ? { assetIds } : {}) };
          await writeAssets(knex, assets);
          await knex.transaction(trx => refreshAssetFindings(trx, store, assets.map(a => a.id), { at: AT }));
          const want = expected(assets, filter);
          expect(await readAll(store, filter, limit)).toEqual(want.listed);
          expect(await store.counts(filter)).toEqual(want.counts);
          // The kept counts (no owner or asset filter) and the counted rows agree.
          const { owner: _owner, assetIds: _ids, ...facets } = filter;
          expect(await store.counts(facets)).toEqual(expected(assets, facets).counts);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('refresh the assets a write changed, keeping when each finding was first seen, and drop the findings of assets gone', async () => {
    await fc.assert(
      fc.asyncProperty(assetsArb, fc.array(fc.nat(), { maxLength: 10 }), async (assets, picks) => {
        await writeAssets(knex, assets);
        await knex.transaction(trx => refreshAssetFindings(trx, store, assets.map(a => a.id), { at: AT }));
        const before = new Map((await itemsOf(store, {}, { limit: 1000 })).items.map(f => [f.key, f.firstSeen]));
        // Some assets change (owner removed, stage moved on); one is deleted outright.
        const changed = assets.length === 0 ? [] : [...new Set(picks.map(i => assets[i % assets.length]))];
        const later = '2026-07-01T08:00:00.000Z';
        const next = assets.map(a => (changed.includes(a) ? { ...a, owner: undefined, lifecycleStage: 'retired' as const } : a));
        const removed = changed[0];
        for (const a of next) {
          if (a === removed) continue;
          await knex('itam_assets').where('id', a.id).update(assetToRow(a));
        }
        if (removed) await knex('itam_assets').where('id', removed.id).delete();
        await knex.transaction(trx => refreshAssetFindings(trx, store, changed.map(a => a.id), { at: later }));
        const remaining = next.filter(a => a.id !== removed?.id);
        const want = evaluateRiskFindings({ asOf: later, assets: remaining, verifications: [] })
          // Unchanged assets were evaluated on the earlier day, which these dates do not tell apart.
          .sort(compareRiskFindings);
        const listed = await itemsOf(store, {}, { limit: 1000 });
        expect(listed.items.map(riskFindingKey)).toEqual(want.map(riskFindingKey));
        for (const f of listed.items) {
          expect(f.firstSeen).toBe(before.get(f.key) ?? later);
        }
        expect(await store.counts({})).toEqual(countRiskFindings(want));
        // The counts kept per owner followed the owners removed and the asset deleted.
        const ownerOf = new Map(remaining.map(a => [a.id, a.owner]));
        for (const owner of OWNERS) {
          expect(await store.counts({ owner })).toEqual(countRiskFindings(want.filter(f => ownerOf.get(f.assetId!) === owner)));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('rewrites only the findings that changed when the assets are evaluated again', async () => {
    const ended = { lifecycleStage: 'deployed' as const, endOfLife: '2024-01-01', warrantyEnd: undefined, endOfSupport: undefined };
    const assets = [
      anAsset({ id: 'a', tag: 'A-1', owner: 'group:default/sre', ...ended }),
      anAsset({ id: 'b', tag: 'B-1', owner: 'user:default/jane', ...ended }),
    ];
    await writeAssets(knex, assets);
    await knex.transaction(trx => refreshAssetFindings(trx, store, ['a', 'b'], { at: AT }));
    // Later the same day (the same findings' words): b changes hands, a does not change.
    const later = '2026-06-30T20:00:00.000Z';
    await knex('itam_assets').where('id', 'b').update(assetToRow({ ...assets[1], owner: 'group:default/sre' }));
    await knex.transaction(trx => refreshAssetFindings(trx, store, ['a', 'b'], { at: later }));
    const rows: { asset_id: string; owner: string; evaluated_at: string; first_seen: string }[] = await knex('itam_risk_findings')
      .select('asset_id', 'owner', 'evaluated_at', 'first_seen')
      .orderBy('asset_id');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toEqual(
        row.asset_id === 'a'
          ? { asset_id: 'a', owner: 'group:default/sre', evaluated_at: AT, first_seen: AT }
          : { asset_id: 'b', owner: 'group:default/sre', evaluated_at: later, first_seen: AT },
      );
    }
    expect((await store.counts({ owner: 'group:default/sre' })).total).toBe(rows.length);
    expect((await store.counts({ owner: 'user:default/jane' })).total).toBe(0);
    expect((await store.counts({})).total).toBe(rows.length);
  });

  it('sweeps the findings of assets deleted without a refresh and recounts', async () => {
    const assets = [
      anAsset({ id: 'a', tag: 'A-1', lifecycleStage: 'deployed', owner: 'group:default/sre' }),
      anAsset({ id: 'b', tag: 'B-1', lifecycleStage: 'deployed', owner: 'group:default/sre' }),
    ];
    await writeAssets(knex, assets);
    await knex.transaction(trx => refreshAssetFindings(trx, store, ['a', 'b'], { at: AT }));
    await knex('itam_assets').where('id', 'a').delete();
    await knex('itam_risk_finding_counts').update({ n: 99 });
    await knex('itam_risk_finding_owner_counts').update({ n: 99 });
    await store.sweep();
    const left = await itemsOf(store, {}, { limit: 100 });
    expect(left.items.every(f => f.assetId === 'b')).toBe(true);
    expect((await store.counts({})).total).toBe(left.items.length);
    expect((await store.counts({ owner: 'group:default/sre' })).total).toBe(left.items.length);
  });

  it('replaces the findings of a subject kind as a whole, keeping first-seen times', async () => {
    const shortfall = (id: string): RiskFinding => ({
      ruleId: 'licence-shortfall',
      severity: 'high',
      subject: { kind: 'product', id, label: id },
      explanation: 'short',
      suggestedAction: 'buy',
    });
    await store.replaceSubjectFindings(['product'], [shortfall('office'), shortfall('visio')], AT);
    await store.replaceSubjectFindings(['product'], [shortfall('visio')], '2026-07-01T00:00:00.000Z');
    const listed = await itemsOf(store, { ruleIds: ['licence-shortfall'] }, { limit: 10 });
    expect(listed.items.map(f => [f.subject.id, f.firstSeen])).toEqual([['visio', AT]]);
    expect((await store.counts({ ruleIds: ['licence-shortfall'] })).total).toBe(1);
  });
});
