import fc from 'fast-check';
import request from 'supertest';
import { asUser, itamBackendPerSuite, itamTestDatabases } from '../tests/testBackend';

const databases = itamTestDatabases();

/** Uploads per format and database; `npm test` runs this many, ITAM_IMPORT_FUZZ_RUNS more. */
const RUNS = Number(process.env.ITAM_IMPORT_FUZZ_RUNS ?? 60);

const TABLES = [
  'itam_assets',
  'itam_asset_history',
  'itam_asset_external_ids',
  'itam_asset_links',
  'itam_installations',
  'itam_software_products',
  'itam_entitlements',
  'itam_user_assignments',
  'itam_hardware_models',
];

const SNIPEIT_HEADERS = ['Asset Tag', 'Category', 'Asset Name', 'Purchase Date', 'Purchase Cost', 'Status', 'Checked Out To: Username', 'Seats', 'Item Name', 'EOL', 'Name', 'QTY', 'Serial'];
const NATIVE_HEADERS = ['tag', 'name', 'assetClass', 'type', 'lifecycleStage', 'criticality', 'owner', 'purchaseCost', 'currency', 'externalIds'];

/** A cell: plain text, a date or amount in some layout, or anything at all. */
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('2024-02-30', '1/23/23', '23/01/2023', '$1,299.00', '1.299,00', 'Laptops', 'hardware', 'laptop', 'jane', 'Ready to Deploy', '"', '""', '\r', '\n', '\u0000', '\uFEFF', 'é', '\uD800'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** Text shaped like a CSV of the format (a known header, rows of cells), with any separators. */
const csvText = (headers: string[]) =>
  fc
    .tuple(
      fc.subarray(headers, { minLength: 0 }),
      fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.constantFrom(',', ';', '\t'),
    )
    .map(([header, rows, eol, sep]) => [header, ...rows].map(r => r.join(sep)).join(eol));

/** Text shaped like JSON: values of any shape, some of them nearly an asset or an inventory. */
const jsonText = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc
    .record({ deviceid: fc.oneof(fc.string(), fc.integer()), itemtype: fc.constantFrom('Computer', 'Printer', 'Phone', 'NetworkEquipment', 'Toaster'), content: fc.object({ maxDepth: 2 }) }, { requiredKeys: [] })
    .map(v => JSON.stringify(v)),
  fc.array(fc.record({ tag: cell, name: cell, assetClass: cell, type: cell }, { requiredKeys: [] }), { maxLength: 4 }).map(v => JSON.stringify(v)),
);

const encode = fc.constantFrom<BufferEncoding | 'utf16be'>('utf8', 'latin1', 'utf16le', 'utf16be');
const asBytes = (text: string, encoding: BufferEncoding | 'utf16be', bom: boolean) => {
  const body = encoding === 'utf16be' ? Buffer.from(text, 'utf16le').swap16() : Buffer.from(text, encoding);
  if (!bom) return body;
  const marks: Record<string, number[]> = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff], latin1: [] };
  return Buffer.concat([Buffer.from(marks[encoding]), body]);
};

/** Any byte sequence, or text of the format in any encoding. */
const upload = (text: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map(b => Buffer.from(b)),
    fc.tuple(text, encode, fc.boolean()).map(([t, e, bom]) => asBytes(t, e, bom)),
  );

const FORMATS = [
  { format: 'snipeit-csv', type: 'text/csv', body: upload(csvText(SNIPEIT_HEADERS)) },
  { format: 'itam-csv', type: 'text/csv', body: upload(csvText(NATIVE_HEADERS)) },
  { format: 'itam-json', type: 'application/octet-stream', body: upload(jsonText) },
  { format: 'glpi-json', type: 'application/octet-stream', body: upload(jsonText) },
];

const options = fc.record(
  {
    mode: fc.constantFrom('atomic', 'valid-rows'),
    encoding: fc.constantFrom('utf-8', 'utf-16le', 'windows-1252'),
    dryRun: fc.constantFrom('true', 'false'),
  },
  { requiredKeys: [] },
);

describe.each(databases.eachSupportedId())('any upload on %s', databaseId => {
  const suite = itamBackendPerSuite(databases, databaseId);
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = Number((await suite.knex(t).count({ n: '*' }))[0].n);
    return out;
  };

  it.each(FORMATS)('$format: gets a 2xx or a 4xx, never a 5xx, and a refused job writes nothing', async ({ format, type, body }) => {
    await fc.assert(
      fc.asyncProperty(body, options, async (bytes, params) => {
        const before = await counts();
        const query = new URLSearchParams({ format, ...params });
        const res = await request(suite.server)
          .post(`/api/itam/imports?${query}`)
          .set('authorization', asUser())
          .set('content-type', type)
          .send(bytes);
        // The status with its message, so a failure shows why.
        expect({ status: res.status < 500 ? 'not 5xx' : res.status, message: res.body?.error?.message }).toMatchObject({ status: 'not 5xx' });
        expect(res.status === 200 || (res.status >= 400 && res.status < 500)).toBe(true);
        if (res.status >= 400) expect(res.body.error.message).toEqual(expect.any(String));
        if (res.status !== 200 || !res.body.summary.applied) expect(await counts()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
