import {
  kpisFromFacts,
  LIFECYCLE_STAGES,
  registerCostSelection,
  summariseKpiInput,
  type Asset,
  type AssetTicketLink,
  type LifecycleStage,
} from '@itam/common';
import { anAsset } from '@itam/common/testing';
import fc from 'fast-check';
import type { Knex } from 'knex';
import { KnexAssetStore, migrateItamDatabase } from '../database/KnexAssetStore';
import { assetToRow } from '../database/rows';
import { itamTestDatabases } from '../tests/testBackend';
import { readKpiFacts } from './kpiFacts';

const databases = itamTestDatabases();
const WINDOW = { from: '2026-01-01', to: '2026-01-31' };

// Values chosen around the window's edges, in the forms the register stores them.
const day = fc.constantFrom('2025-12-31', '2026-01-01', '2026-01-15', '2026-01-31', '2026-02-01', '2026-03-01');
const instant = fc.constantFrom(
  '2025-12-31T23:30:00.000Z',
  '2026-01-01T00:00:00.000Z',
  '2026-01-10T12:00:00.000Z',
  '2026-01-31T23:59:59.999Z',
  '2026-02-01T00:00:00.000Z',
);
// Ticket creation times as Jira sends them: with offsets that move the UTC day, and plain dates.
const ticketCreated = fc.constantFrom(
  '2025-12-31T23:00:00-02:00',
  '2026-01-01T01:00:00+02:00',
  '2026-01-20',
  '2026-01-31T22:00:00-03:00',
  '2026-01-31T23:00:00Z',
  '2026-02-01T01:00:00+02:00',
  '2026-02-01',
);

interface Estate {
  assets: Asset[];
  events: { assetId: string; at: string; to: LifecycleStage }[];
  links: AssetTicketLink[];
  currency?: string;
}

const estateArb: fc.Arbitrary<Estate> = fc
  .array(
    fc.record({
      stage: fc.constantFrom(...LIFECYCLE_STAGES),
      purchase: fc.option(
        fc.record(
          {
            date: day,
            // Three decimals on purpose: the minor-unit rounding must agree on both paths.
            cost: fc.integer({ min: 0, max: 9_999_999 }).map(n => n / 1000),
            currency: fc.constantFrom('EUR', 'USD', 'JPY'),
          },
          { requiredKeys: ['cost', 'currency'] },
        ),
        { nil: undefined },
      ),
      endOfLife: fc.option(day, { nil: undefined }),
      retirements: fc.array(fc.record({ at: instant, to: fc.constantFrom<LifecycleStage>('retired', 'deployed') }), { maxLength: 2 }),
      tickets: fc.array(
        fc.record({
          site: fc.constantFrom('acme.atlassian.net', 'ACME.atlassian.net'),
          issueKey: fc.constantFrom('OPS-1', 'ops-1', 'OPS-2'),
          ticketType: fc.constantFrom<AssetTicketLink['ticketType']>('incident', 'change'),
          createdAt: ticketCreated,
        }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 20 },
  )
  .chain(specs =>
    fc.option(fc.constantFrom('EUR', 'USD', 'GBP'), { nil: undefined }).map(currency => {
      const assets: Asset[] = specs.map((s, i) =>
        anAsset({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          tag: `KF-${i}`,
          lifecycleStage: s.stage,
          ...(s.purchase ? { purchase: s.purchase } : {}),
          ...(s.endOfLife ? { endOfLife: s.endOfLife } : {}),
        }),
      );
      const events = specs.flatMap((s, i) => s.retirements.map(r => ({ assetId: assets[i].id, ...r })));
      const seen = new Set<string>();
      const links = specs.flatMap((s, i) =>
        s.tickets
          // The table's key is (asset, site, issue key) as written.
          .filter(t => !seen.has(`${i} ${t.site} ${t.issueKey}`) && seen.add(`${i} ${t.site} ${t.issueKey}`))
          .map(t => ({ assetId: assets[i].id, ...t })),
      );
      return { assets, events, links, ...(currency ? { currency } : {}) };
    }),
  );

async function store(knex: Knex, estate: Estate) {
  await knex('itam_ticket_links').delete();
  await knex('itam_asset_history').delete();
  await knex('itam_assets').delete();
  for (const asset of estate.assets) await knex('itam_assets').insert(assetToRow(asset));
  let version = 1;
  for (const e of estate.events) {
    version += 1;
    await knex('itam_asset_history').insert({
      asset_id: e.assetId,
      version,
      kind: 'transitioned',
      actor: 'user:default/test',
      at: e.at,
      reason: null,
      transition_from: 'deployed',
      transition_to: e.to,
      changes: '[]',
    });
  }
  for (const l of estate.links) {
    await knex('itam_ticket_links').insert({
      asset_id: l.assetId,
      site: l.site,
      issue_key: l.issueKey,
      ticket_type: l.ticketType,
      created_by: 'user:default/test',
      created_at: l.createdAt,
    });
  }
}

describe.each(databases.eachSupportedId())('KPI facts from the database on %s', databaseId => {
  let knex: Knex;
  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await migrateItamDatabase(knex);
  });

  it('equal the in-memory definition on random estates', async () => {
    const assets = KnexAssetStore.fromKnex(knex);
    await fc.assert(
      fc.asyncProperty(estateArb, async estate => {
        await store(knex, estate);
        const events = (await assets.listTransitions(`${WINDOW.from}T00:00:00.000Z`, `${WINDOW.to}T23:59:59.999Z`)).map(e => ({
          assetId: e.assetId,
          at: e.at,
          ...(e.transition ? { transition: e.transition } : {}),
        }));
        const audits = [
          { id: 'in', completedAt: '2026-01-20', verifiedAssetIds: ['a', 'b'], notFoundAssetIds: ['c'], unexpectedCount: 1 },
          { id: 'out', completedAt: '2026-02-20', verifiedAssetIds: ['a'], notFoundAssetIds: [], unexpectedCount: 0 },
        ];
        const licencePositions = [{ productId: 'office', compliant: true }];
        const fromDatabase = await readKpiFacts(knex, WINDOW, {
          ...(estate.currency ? { currency: estate.currency } : {}),
          lifecycleEvents: events,
          licencePositions,
          audits,
        });

        // The in-memory definition over the whole estate as lists.
        const selection = registerCostSelection(estate.assets, estate.currency);
        const inMemory = summariseKpiInput({
          window: WINDOW,
          assets: estate.assets,
          ticketLinks: estate.links,
          audits,
          licencePositions,
          lifecycleEvents: estate.events.map(e => ({ assetId: e.assetId, at: e.at, transition: { from: 'deployed', to: e.to } })),
          ...(selection.currency ? { costs: { currency: selection.currency, assets: selection.costs } } : {}),
        });
        expect(fromDatabase.facts).toEqual(inMemory);
        expect(kpisFromFacts(fromDatabase.facts)).toEqual(kpisFromFacts(inMemory));
        expect({ currency: fromDatabase.currency, otherCurrency: fromDatabase.otherCurrency, undated: fromDatabase.undated }).toEqual({
          currency: selection.currency,
          otherCurrency: selection.otherCurrency,
          undated: selection.undated,
        });
      }),
      { numRuns: 40 },
    );
  });
});
