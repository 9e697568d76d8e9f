import fc from 'fast-check';
import request from 'supertest';
import { asUser, itamBackendPerSuite, itamTestDatabases } from '../tests/testBackend';

const databases = itamTestDatabases();

/** Text a person may type: quotes, commas, separators, formula-like starts, any script. */
const text = (max: number) =>
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength: max }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }),
      fc.constantFrom('=SUM(A1:A2)', '+1 555', '-rack', '@home', 'Quote "this", please', 'tab\there', 'line\nbreak', 'Windows\r\nbreak', 'old Mac\rbreak', 'Ünïcödé 日本語', "O'Brien; x", '%20 100%'),
    )
    // The register stores values trimmed; line breaks inside a cell (CR, LF, CRLF) come back as written.
    .map(s => s.split('\u0000').join('').trim())
    .filter(s => s.length > 0 && s.length <= max);

const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map(d => d.toISOString().slice(0, 10));

const asset = (tag: string) =>
  fc.record(
    {
      tag: fc.constant(tag),
      name: text(200),
      assetClass: fc.constantFrom('hardware', 'software', 'cloud', 'information', 'service'),
      type: fc.constantFrom('laptop', 'server', 'virtual-machine', 'saas-subscription', 'x'),
      criticality: fc.constantFrom(1, 2, 3, 4),
      dataClassification: fc.constantFrom('public', 'internal', 'confidential', 'restricted'),
      serialNumber: text(128),
      owner: fc.constantFrom('user:default/jane', 'group:default/sre'),
      location: text(200),
      costCentre: text(64),
      purchase: fc.record(
        {
          date: day,
          // Up to four decimals, within the range the asset schema's decimal check holds for.
          cost: fc.oneof(fc.integer({ min: 0, max: 10 ** 10 }).map(n => n / 100), fc.integer({ min: 0, max: 10 ** 8 }).map(n => n / 10_000)),
          currency: fc.constantFrom('EUR', 'USD', 'JPY'),
          supplier: text(200),
          orderNumber: text(100),
        },
        { requiredKeys: ['cost', 'currency'] },
      ),
      warrantyEnd: day,
      endOfLife: day,
      endOfSupport: day,
      externalIds: fc.uniqueArray(
        fc.record({ source: fc.constantFrom('intune', 'jamf', 'glpi', 'snipeit'), sourceId: text(200) }),
        { maxLength: 3, selector: e => `${e.source}\u0000${e.sourceId}` },
      ),
    },
    { requiredKeys: ['tag', 'name', 'assetClass', 'type'] },
  );

describe.each(databases.eachSupportedId())('the register export on %s', databaseId => {
  const suite = itamBackendPerSuite(databases, databaseId);
  let run = 0;

  it('re-imports with every row unchanged, whatever the assets hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }).chain(n => fc.tuple(...Array.from({ length: n }, (_, i) => asset(`RT-${run}-${i}`)))), async assets => {
        const prefix = `RT-${run++}-`;
        for (const [i, a] of assets.entries()) {
          // External ids must be unique across the register: make them this asset's own.
          const body = { ...a, tag: a.tag.replace(/^RT-\d+-/, prefix), externalIds: (a.externalIds ?? []).map(e => ({ ...e, sourceId: `${prefix}${i}-${e.sourceId}` })) };
          await request(suite.server).post('/api/itam/assets').set('authorization', asUser()).send(body).expect(201);
        }
        const exported = await request(suite.server).get(`/api/itam/assets/export.csv?q=${encodeURIComponent(prefix.toLowerCase())}`).set('authorization', asUser()).expect(200);
        const res = await request(suite.server)
          .post('/api/itam/imports?format=itam-csv')
          .set('authorization', asUser())
          .set('content-type', 'text/csv')
          .send(exported.text)
          .expect(200);
        expect({ errors: res.body.errors, counts: res.body.counts }).toEqual({
          errors: [],
          counts: { created: 0, updated: 0, unchanged: assets.length, refused: 0 },
        });
      }),
      { numRuns: Number(process.env.ITAM_ROUND_TRIP_RUNS ?? 25) },
    );
  }, 300_000);
});
