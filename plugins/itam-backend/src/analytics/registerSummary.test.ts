import { ASSET_CLASSES, LIFECYCLE_STAGES, type Asset } from '@itam/common';
import { anAsset } from '@itam/common/testing';
import fc from 'fast-check';
import type { Knex } from 'knex';
import { migrateItamDatabase } from '../database/KnexAssetStore';
import { assetToRow } from '../database/rows';
import { itamTestDatabases } from '../tests/testBackend';
import { rawRows } from '../database/engine';
import { COST_SUMMARY, foldRegisterSummaryDeltas, REGISTER_SUMMARY } from './registerSummary';

const databases = itamTestDatabases();
const IDS = ['a', 'b', 'c', 'd'].map(k => `${k}0000000-0000-4000-8000-000000000000`);
const STAMP = { created_by: 'user:default/test', created_at: '2026-01-01T00:00:00.000Z' };

const assetArb = (id: string): fc.Arbitrary<Asset> =>
  fc
    .record({
      stage: fc.constantFrom(...LIFECYCLE_STAGES),
      assetClass: fc.constantFrom(...ASSET_CLASSES),
      owned: fc.boolean(),
      warrantyEnd: fc.option(fc.constant('2027-01-01'), { nil: undefined }),
      purchase: fc.option(
        fc.record({
          currency: fc.constantFrom('EUR', 'USD'),
          cost: fc.integer({ min: 0, max: 5000 }),
          date: fc.option(fc.constantFrom('2026-01-15', '2026-02-01'), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    })
    .map(s =>
      anAsset({
        id,
        tag: `RS-${id.slice(0, 1)}`,
        lifecycleStage: s.stage,
        assetClass: s.assetClass,
        owner: s.owned ? 'group:default/sre' : undefined,
        warrantyEnd: s.warrantyEnd,
        purchase: s.purchase ? { cost: s.purchase.cost, currency: s.purchase.currency, ...(s.purchase.date ? { date: s.purchase.date } : {}) } : undefined,
      }),
    );

/** A write any path of the plugin makes: to an asset, its links, or a fold of the deltas. */
type Write =
  | { kind: 'put'; asset: Asset }
  | { kind: 'put-many'; assets: Asset[] }
  | { kind: 'delete'; id: string }
  | { kind: 'link-ticket' | 'unlink-ticket' | 'link-entity' | 'unlink-entity'; id: string; n: number }
  | { kind: 'fold' };

const idArb = fc.constantFrom(...IDS);
const writeArb: fc.Arbitrary<Write> = fc.oneof(
  { weight: 3, arbitrary: idArb.chain(id => assetArb(id)).map(asset => ({ kind: 'put' as const, asset })) },
  {
    weight: 1,
    arbitrary: fc
      .uniqueArray(idArb, { minLength: 1, maxLength: 4 })
      .chain(ids => fc.tuple(...ids.map(assetArb)))
      .map(assets => ({ kind: 'put-many' as const, assets })),
  },
  { weight: 1, arbitrary: idArb.map(id => ({ kind: 'delete' as const, id })) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom('link-ticket' as const, 'unlink-ticket' as const, 'link-entity' as const, 'unlink-entity' as const),
      id: idArb,
      n: fc.integer({ min: 1, max: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'fold' as const }) },
);

async function apply(knex: Knex, write: Write) {
  switch (write.kind) {
    case 'put':
    case 'put-many': {
      const assets = write.kind === 'put' ? [write.asset] : write.assets;
      const existing = new Set(await knex('itam_assets').whereIn('id', assets.map(a => a.id)).pluck('id'));
      const fresh = assets.filter(a => !existing.has(a.id));
      // Bulk inserts (imports) and one-row updates (the store), each one statement.
      if (fresh.length > 0) await knex('itam_assets').insert(fresh.map(assetToRow));
      for (const a of assets.filter(x => existing.has(x.id))) await knex('itam_assets').where('id', a.id).update(assetToRow(a));
      return;
    }
    case 'delete':
      await knex('itam_assets').where('id', write.id).delete();
      return;
    case 'link-ticket':
    case 'link-entity': {
      if (!(await knex('itam_assets').where('id', write.id).first())) return;
      const rows = Array.from({ length: write.n }, (_, i) => `K-${i}-${Math.random().toString(36).slice(2)}`);
      if (write.kind === 'link-ticket') {
        await knex('itam_ticket_links').insert(rows.map(key => ({ asset_id: write.id, site: 'acme.atlassian.net', issue_key: key, ticket_type: 'incident', ...STAMP })));
      } else {
        await knex('itam_entity_links').insert(rows.map(key => ({ asset_id: write.id, entity_ref: `component:default/${key.toLowerCase()}`, role: 'runs-on', ...STAMP })));
      }
      return;
    }
    case 'unlink-ticket':
    case 'unlink-entity': {
      const table = write.kind === 'unlink-ticket' ? 'itam_ticket_links' : 'itam_entity_links';
      // One link or all of them: the flag stays while any link is left.
      const keys = await knex(table).where('asset_id', write.id).limit(write.n === 1 ? 1 : 100).select(write.kind === 'unlink-ticket' ? 'issue_key as k' : 'entity_ref as k');
      await knex(table).where('asset_id', write.id).whereIn(write.kind === 'unlink-ticket' ? 'issue_key' : 'entity_ref', keys.map(r => r.k)).delete();
      return;
    }
    case 'fold':
      await foldRegisterSummaryDeltas(knex);
  }
}

const sorted = <T>(rows: T[]) => rows.map(r => JSON.stringify(r)).sort();

describe.each(databases.eachSupportedId())('the register summary kept by the database on %s', databaseId => {
  let knex: Knex;
  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await migrateItamDatabase(knex);
  });

  it('equals the counts of the register recomputed from scratch, after any writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { maxLength: 25 }), async writes => {
        for (const write of writes) await apply(knex, write);

        const linked = (table: string) => `case when exists (select 1 from ${table} l where l.asset_id = a.id) then 1 else 0 end`;
        const recounted = rawRows<Record<string, unknown>>(
          knex,
          await knex.raw(`select lifecycle_stage, asset_class, owned, lifecycle_facts, ticketed, catalogued, count(*) as n from (
              select a.lifecycle_stage, a.asset_class, case when a.owner is null then 0 else 1 end as owned, a.lifecycle_facts,
                ${linked('itam_ticket_links')} as ticketed, ${linked('itam_entity_links')} as catalogued from itam_assets a) x
            group by lifecycle_stage, asset_class, owned, lifecycle_facts, ticketed, catalogued`),
        );
        const kept = rawRows<Record<string, unknown>>(
          knex,
          await knex.raw(`select lifecycle_stage, asset_class, owned, lifecycle_facts, ticketed, catalogued, sum(n) as n from ${REGISTER_SUMMARY} s
            group by lifecycle_stage, asset_class, owned, lifecycle_facts, ticketed, catalogued having sum(n) <> 0`),
        );
        const norm = (rows: Record<string, unknown>[]) =>
          sorted(rows.map(r => ({ ...r, owned: Number(r.owned), lifecycle_facts: Number(r.lifecycle_facts), ticketed: Number(r.ticketed), catalogued: Number(r.catalogued), n: Number(r.n) })));
        expect(norm(kept)).toEqual(norm(recounted));

        const costs = (rows: Record<string, unknown>[]) => sorted(rows.map(r => ({ ...r, n: Number(r.n), cost: String(r.cost) })));
        const recosted = rawRows<Record<string, unknown>>(
          knex,
          await knex.raw(`select purchase_currency, coalesce(purchase_date, '') as purchase_date, lifecycle_stage, count(*) as n,
              cast(sum(purchase_cost_minor) as text) as cost
            from itam_assets where purchase_currency is not null group by purchase_currency, coalesce(purchase_date, ''), lifecycle_stage`),
        );
        const keptCost = rawRows<Record<string, unknown>>(
          knex,
          await knex.raw(`select purchase_currency, purchase_date, lifecycle_stage, sum(n) as n, cast(sum(cost_minor) as text) as cost
            from ${COST_SUMMARY} s group by purchase_currency, purchase_date, lifecycle_stage having sum(n) <> 0`),
        );
        expect(costs(keptCost)).toEqual(costs(recosted));
      }),
      { numRuns: 40 },
    );
  });

  it('folds the PostgreSQL deltas into the summary without changing any count', async () => {
    await knex('itam_assets').delete();
    await knex('itam_assets').insert(IDS.slice(0, 3).map(id => assetToRow(anAsset({ id, tag: `F-${id.slice(0, 1)}` }))));
    const before = rawRows(knex, await knex.raw(`select lifecycle_stage, sum(n) as n from ${REGISTER_SUMMARY} s group by lifecycle_stage`));
    await foldRegisterSummaryDeltas(knex);
    expect(Number((await knex('itam_register_summary_deltas').count({ n: '*' }))[0].n)).toBe(0);
    expect(Number((await knex('itam_cost_summary_deltas').count({ n: '*' }))[0].n)).toBe(0);
    const after = rawRows(knex, await knex.raw(`select lifecycle_stage, sum(n) as n from ${REGISTER_SUMMARY} s group by lifecycle_stage`));
    expect(sorted(after.map(r => ({ ...(r as object), n: Number((r as { n: unknown }).n) })))).toEqual(
      sorted(before.map(r => ({ ...(r as object), n: Number((r as { n: unknown }).n) }))),
    );
  });
});
