import {
  ASSET_CLASSES,
  assessItamMaturity,
  assessMaturityFromFacts,
  DEFAULT_MATURITY_MODEL,
  LIFECYCLE_STAGES,
  summariseMaturityInput,
  type Asset,
  type AuditEvidence,
} from '@itam/common';
import { anAsset } from '@itam/common/testing';
import fc from 'fast-check';
import type { Knex } from 'knex';
import { migrateItamDatabase } from '../database/KnexAssetStore';
import { assetToRow } from '../database/rows';
import { itamTestDatabases } from '../tests/testBackend';
import { readMaturityFacts } from './maturityFacts';

const databases = itamTestDatabases();
const AS_OF = '2026-06-30';
const day = fc.constantFrom('2024-01-01', '2027-06-30');

interface Estate {
  assets: Asset[];
  ticketed: string[];
  catalogued: string[];
  audits: AuditEvidence[];
  maxLacking: number;
}

const estateArb: fc.Arbitrary<Estate> = fc
  .uniqueArray(fc.integer({ min: 0, max: 0xffff }).map(n => n.toString(16).padStart(4, '0')), { maxLength: 25 })
  .chain(keys =>
    fc.record({
      specs: fc.tuple(
        ...keys.map(key =>
          fc.record({
            key: fc.constant(key),
            stage: fc.constantFrom(...LIFECYCLE_STAGES),
            assetClass: fc.constantFrom(...ASSET_CLASSES),
            owned: fc.boolean(),
            purchaseDate: fc.option(day, { nil: undefined }),
            warrantyEnd: fc.option(day, { nil: undefined }),
            endOfLife: fc.option(day, { nil: undefined }),
            endOfSupport: fc.option(day, { nil: undefined }),
            ticketed: fc.boolean(),
            catalogued: fc.boolean(),
            verifiedIn: fc.constantFrom('recent', 'old', 'none'),
          }),
        ),
      ),
      maxLacking: fc.integer({ min: 0, max: 6 }),
    }),
  )
  .map(({ specs, maxLacking }) => {
    const assets = specs.map(s =>
      anAsset({
        id: `${s.key}0000-0000-4000-8000-000000000000`,
        tag: `MF-${s.key}`,
        lifecycleStage: s.stage,
        assetClass: s.assetClass,
        ...(s.owned ? { owner: 'group:default/sre' } : { owner: undefined }),
        ...(s.purchaseDate ? { purchase: { date: s.purchaseDate } } : {}),
        ...(s.warrantyEnd ? { warrantyEnd: s.warrantyEnd } : {}),
        ...(s.endOfLife ? { endOfLife: s.endOfLife } : {}),
        ...(s.endOfSupport ? { endOfSupport: s.endOfSupport } : {}),
      }),
    );
    const ids = (which: (s: (typeof specs)[number]) => boolean) => specs.flatMap((s, i) => (which(s) ? [assets[i].id] : []));
    const audits: AuditEvidence[] = [
      // An id the register does not hold counts in accuracy, never in recency.
      { id: 'recent', completedAt: '2026-06-01T10:00:00+02:00', verifiedAssetIds: [...ids(s => s.verifiedIn === 'recent'), 'gone'], notFoundAssetIds: ['x'], unexpectedCount: 2 },
      { id: 'old', completedAt: '2024-01-01', verifiedAssetIds: ids(s => s.verifiedIn === 'old'), notFoundAssetIds: [], unexpectedCount: 0 },
    ];
    return { assets, ticketed: ids(s => s.ticketed), catalogued: ids(s => s.catalogued), audits, maxLacking };
  });

async function store(knex: Knex, estate: Estate) {
  await knex('itam_ticket_links').delete();
  await knex('itam_entity_links').delete();
  await knex('itam_assets').delete();
  for (const asset of estate.assets) await knex('itam_assets').insert(assetToRow(asset));
  const stamp = { created_by: 'user:default/test', created_at: '2026-01-01T00:00:00.000Z' };
  for (const id of estate.ticketed) {
    await knex('itam_ticket_links').insert({ asset_id: id, site: 'acme.atlassian.net', issue_key: 'OPS-1', ticket_type: 'incident', ...stamp });
  }
  for (const id of estate.catalogued) {
    await knex('itam_entity_links').insert({ asset_id: id, entity_ref: 'component:default/payments', role: 'runs-on', ...stamp });
  }
}

describe.each(databases.eachSupportedId())('maturity facts from the database on %s', databaseId => {
  let knex: Knex;
  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await migrateItamDatabase(knex);
  });

  it('equal the in-memory definition on random estates, and assess the same', async () => {
    await fc.assert(
      fc.asyncProperty(estateArb, async estate => {
        await store(knex, estate);
        const licensing = { productsUnderManagement: ['office', 'visio'], positions: [{ productId: 'office', compliant: true }] };
        const fromDatabase = await readMaturityFacts(knex, AS_OF, DEFAULT_MATURITY_MODEL, {
          audits: estate.audits,
          licensing,
          maxLacking: estate.maxLacking,
        });
        const input = {
          asOf: AS_OF,
          assets: estate.assets,
          ticketLinks: estate.ticketed.map(assetId => ({ assetId })),
          entityLinks: estate.catalogued.map(assetId => ({ assetId })),
          audits: estate.audits,
          licensing,
        };
        expect(fromDatabase).toEqual(summariseMaturityInput(input, DEFAULT_MATURITY_MODEL, estate.maxLacking));
        expect(assessMaturityFromFacts(fromDatabase, { maxLacking: estate.maxLacking })).toEqual(
          assessItamMaturity(input, { maxLacking: estate.maxLacking }),
        );
      }),
      { numRuns: 40 },
    );
  });
});
