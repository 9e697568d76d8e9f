import {
  AUDIT_FINDING_KINDS,
  ASSET_CLASSES,
  compareText,
  evaluateAudit,
  isInAuditScope,
  LIFECYCLE_STAGES,
  type Asset,
  type AuditFinding,
  type AuditFindingKind,
  type AuditObservation,
  type AuditScope,
} from '@itam/common';
import { anAsset } from '@itam/common/testing';
import fc from 'fast-check';
import type { Knex } from 'knex';
import { migrateItamDatabase } from '../database/KnexAssetStore';
import { assetToRow } from '../database/rows';
import { itamTestDatabases } from '../tests/testBackend';
import { KnexAuditStore } from './KnexAuditStore';
import type { AuditFindingPosition } from './campaignFindings';

const databases = itamTestDatabases();
const LOCATIONS = ['Berlin', 'berlin ', 'Lisbon'];
const OWNERS = ['group:default/sre', 'user:default/jane'];

/** Random estates: tags in mixed case and punctuation (distinct ignoring case), shared serials. */
const assetsArb: fc.Arbitrary<Asset[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 0xfff }).map(n => n.toString(16).padStart(3, '0')), { maxLength: 40 })
  .chain(keys =>
    fc.tuple(
      ...keys.map(key =>
        fc.record({
          key: fc.constant(key),
          prefix: fc.constantFrom('SRV-', 'srv_', 'Lap.', 'Z', '0'),
          assetClass: fc.constantFrom(...ASSET_CLASSES),
          stage: fc.constantFrom(...LIFECYCLE_STAGES),
          location: fc.option(fc.constantFrom(...LOCATIONS), { nil: undefined }),
          owner: fc.option(fc.constantFrom(...OWNERS), { nil: undefined }),
          serial: fc.option(fc.constantFrom('S-1', 's-1', 'S-2', 'S-3'), { nil: undefined }),
        }),
      ),
    ),
  )
  .map(specs =>
    specs.map(s =>
      anAsset({
        id: `${s.key}00000-0000-4000-8000-000000000000`,
        tag: `${s.prefix}${s.key}`,
        assetClass: s.assetClass,
        lifecycleStage: s.stage,
        location: s.location,
        owner: s.owner,
        serialNumber: s.serial,
      }),
    ),
  );

const scopeArb: fc.Arbitrary<AuditScope> = fc.record(
  {
    assetClasses: fc.subarray([...ASSET_CLASSES], { minLength: 1 }),
    lifecycleStages: fc.subarray([...LIFECYCLE_STAGES], { minLength: 1 }),
    locations: fc.subarray(LOCATIONS, { minLength: 1 }),
    owners: fc.subarray(OWNERS, { minLength: 1 }),
  },
  { requiredKeys: [] },
);

/** Observations naming assets of the estate (by tag or serial, in any case) or nothing at all. */
const observationsArb = (assets: readonly Asset[]): fc.Arbitrary<AuditObservation[]> =>
  fc.array(
    fc.record({
      pick: fc.nat(),
      by: fc.constantFrom('tag', 'serial', 'unknown-tag', 'unknown-serial'),
      upper: fc.boolean(),
      result: fc.constantFrom('seen' as const, 'not-found' as const),
      location: fc.option(fc.constantFrom(...LOCATIONS, 'Hamburg'), { nil: undefined }),
      minute: fc.integer({ min: 10, max: 30 }),
    }),
    { maxLength: 25 },
  ).map(specs =>
    specs.map(s => {
      const asset = assets.length > 0 ? assets[s.pick % assets.length] : undefined;
      const cased = (v: string) => (s.upper ? v.toUpperCase() : v.toLowerCase());
      const named =
        s.by === 'tag' && asset
          ? { assetTag: cased(asset.tag) }
          : s.by === 'serial' && asset?.serialNumber
            ? { serialNumber: cased(asset.serialNumber) }
            : s.by === 'unknown-serial'
              ? { serialNumber: `NEW-${s.pick % 5}` }
              : { assetTag: `GHOST-${s.pick % 5}` };
      return {
        ...named,
        result: s.result,
        observedBy: 'user:default/sam',
        observedAt: `2026-03-01T10:${s.minute}:00.000Z`,
        ...(s.location ? { location: s.location } : {}),
      };
    }),
  );

async function writeEstate(knex: Knex, assets: readonly Asset[]) {
  await knex('itam_audit_campaigns').delete();
  await knex('itam_assets').delete();
  for (const asset of assets) await knex('itam_assets').insert(assetToRow(asset));
}

describe.each(databases.eachSupportedId())('audit campaigns evaluated in the database on %s', databaseId => {
  let knex: Knex;
  let store: KnexAuditStore;
  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await migrateItamDatabase(knex);
    store = KnexAuditStore.create(knex);
  });

  const readAll = async (campaignId: string, kind: AuditFindingKind | undefined, limit: number): Promise<AuditFinding[]> => {
    const campaign = (await store.getCampaign(campaignId))!;
    const found: AuditFinding[] = [];
    let after: AuditFindingPosition | undefined;
    for (;;) {
      const page = await store.listFindings(campaign, { limit, ...(kind ? { kind } : {}), ...(after ? { after } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      found.push(...page.items);
      if (!page.next) return found;
      after = page.next;
    }
  };

  /** Findings as the API serialises them (absent fields dropped). */
  const plain = (findings: readonly AuditFinding[]) => JSON.parse(JSON.stringify(findings));

  it('figures, pages and frozen findings equal the in-memory definition, for any estate, scope, observations and page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        assetsArb.chain(assets => fc.tuple(fc.constant(assets), scopeArb, observationsArb(assets))),
        fc.constantFrom<AuditFindingKind | undefined>(undefined, ...AUDIT_FINDING_KINDS),
        fc.integer({ min: 1, max: 7 }),
        async ([assets, scope, observations], kind, limit) => {
          await writeEstate(knex, assets);
          const campaign = await store.createCampaign({
            id: 'c1',
            name: 'Count',
            scope,
            status: 'open',
            createdBy: 'user:default/sam',
            createdAt: '2026-03-01T09:00:00.000Z',
          });
          await store.addObservations(campaign.id, observations);
          // The definition over the whole estate, in tag order as the register lists it.
          const inScope = assets.filter(a => isInAuditScope(a, scope)).sort((a, b) => compareText(a.tag, b.tag));
          const { findings, ...summary } = evaluateAudit(inScope, observations);
          const wanted = plain(findings.filter(f => kind === undefined || f.kind === kind));

          expect(await store.summarise(campaign)).toEqual(summary);
          expect(plain(await readAll(campaign.id, kind, limit))).toEqual(wanted);

          const closed = await store.closeCampaign(campaign.id, 'user:default/sam', '2026-03-02T09:00:00.000Z');
          expect(closed.result).toEqual(summary);
          expect(plain(await readAll(campaign.id, kind, limit))).toEqual(wanted);
          // What the KPIs read of it: the outcome of every observed asset, the unexpected count.
          const [evidence] = await store.auditEvidence([closed]);
          const ids = (k: AuditFindingKind) => findings.filter(f => f.kind === k).map(f => f.assetId);
          expect(evidence).toEqual({
            id: 'c1',
            completedAt: '2026-03-02T09:00:00.000Z',
            verifiedAssetIds: ids('verified'),
            mismatchedAssetIds: ids('location-mismatch'),
            notFoundAssetIds: ids('not-found'),
            unexpectedCount: summary.counts.unexpected,
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('freezes the findings at closing: later register changes and observations do not alter them', async () => {
    const assets = [
      anAsset({ id: 'a', tag: 'LAP-1', assetClass: 'hardware', location: 'Berlin' }),
      anAsset({ id: 'b', tag: 'LAP-2', assetClass: 'hardware', location: 'Berlin' }),
    ];
    await writeEstate(knex, assets);
    await store.createCampaign({ id: 'c2', name: 'Count', scope: {}, status: 'open', createdBy: 'u', createdAt: '2026-03-01T09:00:00.000Z' });
    await store.addObservations('c2', [{ assetTag: 'lap-1', result: 'seen', observedBy: 'u', observedAt: '2026-03-01T10:00:00.000Z' }]);
    await store.closeCampaign('c2', 'u', '2026-03-02T09:00:00.000Z');
    await knex('itam_assets').insert(assetToRow(anAsset({ id: 'c', tag: 'LAP-3', assetClass: 'hardware' })));
    await expect(
      store.addObservations('c2', [{ assetTag: 'LAP-2', result: 'seen', observedBy: 'u', observedAt: '2026-03-03T10:00:00.000Z' }]),
    ).rejects.toThrow(/closed/);
    await expect(store.closeCampaign('c2', 'u', '2026-03-04T09:00:00.000Z')).rejects.toThrow(/already closed/);
    const campaign = (await store.getCampaign('c2'))!;
    expect(campaign.result).toMatchObject({ inScope: 2, counts: { verified: 1, 'not-observed': 1 } });
    expect((await readAll('c2', undefined, 10)).map(f => [f.assetTag, f.kind])).toEqual([
      ['LAP-1', 'verified'],
      ['LAP-2', 'not-observed'],
    ]);
  });
});
