import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import knexFactory, { type Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { itamPlugin } from '../plugin';
import { asUser, itamBackendPerSuite, itamTestDatabases, testCatalog } from '../tests/testBackend';
import { KnexImportJobStore, newImportJob } from './ImportJobStore';

const databases = itamTestDatabases();

/**
 * A catalogue that, like the real catalog client, asks the auth service for a token on every call
 * before answering (from the test catalogue). The plugin checks entity refs on behalf of the
 * caller; this test's callers carry mock tokens the real auth service cannot derive a user token
 * from, so the fake asks for the token the plugin would send as itself (a service caller's
 * import, the catalogue module): the first such issue writes the plugin's signing key into its
 * database, which is the write the import must not block.
 */
const tokenIssuingCatalog = createServiceFactory({
  service: catalogServiceRef,
  deps: { auth: coreServices.auth },
  factory: ({ auth }) => {
    const byRef = new Map(testCatalog.map(e => [`${e.kind.toLowerCase()}:default/${e.metadata.name}`, e]));
    return {
      async getEntitiesByRefs(req: { entityRefs: string[] }, options: { credentials: Parameters<typeof auth.getPluginRequestToken>[0]['onBehalfOf'] }) {
        if (!options.credentials) throw new Error('entity refs must be checked on behalf of a caller');
        await auth.getPluginRequestToken({ onBehalfOf: await auth.getOwnServiceCredentials(), targetPluginId: 'catalog' });
        return { items: req.entityRefs.map(r => byRef.get(r)) };
      },
    } as unknown as typeof catalogServiceRef.T;
  },
});

/** A Backstage backend on a fresh SQLite file: one connection, as in a default install. */
async function startOnSqliteFile() {
  const dir = mkdtempSync(join(tmpdir(), 'itam-phases-'));
  // A short wait for the one connection: a request stuck behind an open transaction fails fast.
  const knex: Knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'itam.sqlite') },
    useNullAsDefault: true,
    acquireConnectionTimeout: 10_000,
  });
  const backend = await startTestBackend({
    features: [
      itamPlugin,
      authServiceFactory,
      tokenIssuingCatalog,
      mockServices.database.factory({ knex }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
  return {
    backend,
    knex,
    stop: async () => {
      await backend.stop();
      await knex.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('imports on a SQLite file (one connection)', () => {
  it('answers a first request that imports rows naming catalogue users', async () => {
    const { backend, knex, stop } = await startOnSqliteFile();
    try {
      // No signing key yet: the import's catalogue check issues the plugin's first token.
      expect(await knex.schema.hasTable('backstage_backend_public_keys__keys')).toBe(true);
      expect(await knex('backstage_backend_public_keys__keys').count({ n: '*' })).toEqual([{ n: 0 }]);
      const csv = 'Asset Tag,Asset Name,Category,Checked Out To: Username\nFIRST-1,First laptop,Laptops,jane\nFIRST-2,Second laptop,Laptops,sam\n';
      const res = await request(backend.server)
        .post('/api/itam/imports?format=snipeit-csv')
        .set('authorization', asUser())
        .set('content-type', 'text/csv')
        .send(csv);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'succeeded', counts: { created: 2 } });
      const jane = await request(backend.server).get('/api/itam/assets/FIRST-1').set('authorization', asUser()).expect(200);
      expect(jane.body).toMatchObject({ owner: 'user:default/jane', lifecycleStage: 'deployed' });
      expect(await knex('backstage_backend_public_keys__keys').count({ n: '*' })).toEqual([{ n: 1 }]);
    } finally {
      await stop();
    }
  });

  it('serves other requests while an upload arrives slowly, then imports it', async () => {
    const { backend, stop } = await startOnSqliteFile();
    try {
      const port = (backend.server.address() as AddressInfo).port;
      const upload = httpRequest({
        port,
        method: 'POST',
        path: '/api/itam/imports?format=snipeit-csv',
        headers: { authorization: asUser(), 'content-type': 'text/csv' },
      });
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        upload.on('error', reject);
        upload.on('response', res => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
      });
      // About 1 KB a second: a row every 50 ms, and requests in between.
      upload.write('Asset Tag,Asset Name,Category,Checked Out To: Username\n');
      let served = 0;
      for (let i = 0; i < 40; i++) {
        upload.write(`SLOW-${i},Slowly uploaded laptop number ${i},Laptops,jane\n`);
        await new Promise(resolve => setTimeout(resolve, 50));
        if (i % 10 === 5) {
          // Answered while the upload is still open: the import holds no transaction meanwhile.
          await request(backend.server).get('/api/itam/assets?limit=5').set('authorization', asUser()).expect(200);
          served++;
        }
      }
      expect(served).toBe(4);
      upload.end();
      const done = await answer;
      expect(done.status).toBe(200);
      expect(JSON.parse(done.body)).toMatchObject({ status: 'succeeded', counts: { created: 40 } });
    } finally {
      await stop();
    }
  });
  it('serves other requests between the write transactions of a large import', async () => {
    const { backend, stop } = await startOnSqliteFile();
    try {
      const rows = 30_000;
      const csv = ['tag,name,assetClass,type', ...Array.from({ length: rows }, (_, i) => `BIG-${i},Bulk laptop ${i},hardware,laptop`)].join('\n');
      let done = false;
      const job = request(backend.server)
        .post('/api/itam/imports?format=itam-csv')
        .set('authorization', asUser())
        .set('content-type', 'text/csv')
        .send(csv)
        .then(res => {
          done = true;
          return res;
        });
      // The first rows are written (and readable) while later ones are still to come: the write
      // phase commits in slices and other requests are answered between them.
      let servedMidWrite = false;
      while (!done && !servedMidWrite) {
        const [first, last] = await Promise.all([
          request(backend.server).get('/api/itam/assets/BIG-0').set('authorization', asUser()),
          request(backend.server).get(`/api/itam/assets/BIG-${rows - 1}`).set('authorization', asUser()),
        ]);
        servedMidWrite = first.status === 200 && last.status === 404;
      }
      expect(servedMidWrite).toBe(true);
      const res = await job;
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'succeeded', counts: { created: rows } });
    } finally {
      await stop();
    }
  });
});

describe.each(databases.eachSupportedId())('import modes, leases and limits on %s', databaseId => {
  const suite = itamBackendPerSuite(databases, databaseId);
  const api = () => request(suite.server);
  const upload = (query: string, body: Buffer | string, type = 'text/csv') =>
    api().post(`/api/itam/imports?${query}`).set('authorization', asUser()).set('content-type', type).send(body);
  const count = async (table: string) => Number((await suite.knex(table).count({ n: '*' }))[0].n);

  it('writes the valid rows with mode=valid-rows, and a corrected rerun changes only what was refused', async () => {
    const file = (cost: string) =>
      `Asset Tag,Asset Name,Category,Purchase Cost\nVR-1,One,Laptops,100\nVR-2,Two,Laptops,${cost}\nVR-3,Three,Laptops,300\n`;
    const first = await upload('format=snipeit-csv&mode=valid-rows', file('lots')).expect(200);
    expect(first.body).toMatchObject({
      status: 'succeeded',
      counts: { created: 2, refused: 1 },
      errors: [{ row: 3, field: 'Purchase Cost', message: expect.stringMatching(/^"lots" is not an amount/) }],
      summary: { applied: true, message: expect.stringMatching(/1 row\(s\) refused and not written/) },
    });
    await api().get('/api/itam/assets/VR-2').set('authorization', asUser()).expect(404);
    const again = await upload('format=snipeit-csv&mode=valid-rows', file('200')).expect(200);
    expect(again.body.counts).toEqual({ created: 1, updated: 0, unchanged: 2, refused: 0 });
    const third = await upload('format=snipeit-csv&mode=valid-rows', file('200')).expect(200);
    expect(third.body.counts).toEqual({ created: 0, updated: 0, unchanged: 3, refused: 0 });
  });

  it('keeps, omits or refuses a person the catalogue does not know, as asked', async () => {
    const file = (tag: string) => `Asset Tag,Asset Name,Category,Checked Out To: Username,Checked Out To: Email\n${tag},Leaver's laptop,Laptops,gone,gone@example.com\n`;
    const kept = await upload('format=snipeit-csv', file('PPL-1')).expect(200);
    expect(kept.body.summary).toMatchObject({
      warningCount: 1,
      warnings: [{ row: 2, field: 'Checked Out To: Username', message: expect.stringMatching(/"gone" is not a user in the catalogue.*custodianName/) }],
    });
    expect((await api().get('/api/itam/assets/PPL-1').set('authorization', asUser())).body).toMatchObject({
      attributes: { custodianName: 'gone' },
      lifecycleStage: 'planned',
    });
    const omitted = await upload('format=snipeit-csv&unknownPeople=omit', file('PPL-2')).expect(200);
    expect(omitted.body.summary.warningCount).toBeUndefined();
    expect((await api().get('/api/itam/assets/PPL-2').set('authorization', asUser())).body.attributes.custodianName).toBeUndefined();
    const refused = await upload('format=snipeit-csv&unknownPeople=refuse', file('PPL-3')).expect(200);
    expect(refused.body).toMatchObject({ status: 'failed', counts: { refused: 1 } });
  });

  it('imports Snipe-IT licences as products, entitlements and seat assignments, idempotently', async () => {
    const csv = [
      'Item Name,Serial Number,Manufacturer,Purchase Date,Purchase Cost,Expiration Date,Seats,Maintained,Reassignable,Order Number,Supplier,Username,Email',
      'Office 365 E3,KEY-1,Microsoft,01/31/2025,"$1,000.00",01/30/2026,3,yes,no,PO-9,Reseller,jane,',
      'Office 365 E3,KEY-1,Microsoft,01/31/2025,"$1,000.00",01/30/2026,3,yes,no,PO-9,Reseller,,sam@example.com',
    ].join('\n');
    // Positions reconciled before the import (stored until licence data changes)...
    await api().get('/api/itam/licences/positions').set('authorization', asUser()).expect(200);
    const res = await upload('format=snipeit-csv', csv).expect(200);
    // ...are reconciled again after it: the imported product has its position.
    const position = await api().get('/api/itam/licences/positions/snipeit-microsoft-office-365-e3').set('authorization', asUser()).expect(200);
    expect(position.body).toMatchObject({ productId: 'snipeit-microsoft-office-365-e3' });
    expect(res.body).toMatchObject({
      status: 'succeeded',
      counts: { created: 1, updated: 1, refused: 0 },
      summary: { applied: true, records: { products: 1, entitlements: 1, assignments: 2 }, reading: { kind: 'licenses', kindDetected: true } },
    });
    const entitlements = await api().get('/api/itam/entitlements').set('authorization', asUser()).expect(200);
    expect(entitlements.body.items).toContainEqual(
      expect.objectContaining({
        productId: 'snipeit-microsoft-office-365-e3',
        metric: 'per-user',
        quantity: 3,
        unitCost: 333.3333,
        currency: 'USD',
        termStart: '2025-01-31',
        termEnd: '2026-01-30',
        maintained: true,
        reassignable: false,
        purchase: { date: '2025-01-31', cost: 1000, currency: 'USD', orderNumber: 'PO-9', supplier: 'Reseller' },
      }),
    );
    expect(await suite.knex('itam_user_assignments').where({ product_id: 'snipeit-microsoft-office-365-e3' }).orderBy('user_ref').pluck('user_ref')).toEqual([
      'user:default/jane',
      'user:default/sam',
    ]);
    const rerun = await upload('format=snipeit-csv', csv).expect(200);
    expect(rerun.body.counts).toEqual({ created: 0, updated: 0, unchanged: 2, refused: 0 });
  });

  it('gives assets of a Snipe-IT model its end of life: those in the register, and those imported later', async () => {
    await upload('format=snipeit-csv', 'Asset Tag,Model,Category,Purchase Date\nMDL-1,Latitude 9999,Laptops,2024-03-15\n').expect(200);
    const models = await upload('format=snipeit-csv', 'Name,Category,Manufacturer,Model Number,EOL\nLatitude 9999,Laptops,Dell,L9999,48\n').expect(200);
    expect(models.body).toMatchObject({ counts: { created: 1 }, summary: { records: { hardwareModels: 1, assetsEndOfLife: 1 } } });
    expect((await api().get('/api/itam/assets/MDL-1').set('authorization', asUser())).body).toMatchObject({ endOfLife: '2028-03-15', version: 2 });
    await upload('format=snipeit-csv', 'Asset Tag,Model,Category,Purchase Date\nMDL-2,Latitude 9999,Laptops,2025-01-31\n').expect(200);
    expect((await api().get('/api/itam/assets/MDL-2').set('authorization', asUser())).body.endOfLife).toBe('2029-01-31');
  });

  it('fails a job its backend abandoned when jobs are read, and lets its id be used again', async () => {
    const jobs = KnexImportJobStore.create(suite.knex);
    const id = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
    await jobs.insert(newImportJob({ id, format: 'itam-csv', dryRun: false, createdBy: 'user:default/jane', at: '2020-01-01T00:00:00.000Z' }));
    const read = await api().get(`/api/itam/imports/${id}`).set('authorization', asUser()).expect(200);
    expect(read.body).toMatchObject({ status: 'failed', summary: { abandoned: true, applied: false, message: expect.stringMatching(/backend stopped/) } });
    const again = await upload(`format=itam-csv&jobId=${id}`, 'tag,name,assetClass,type\nLEASE-1,Lease,hardware,laptop\n').expect(200);
    expect(again.body).toMatchObject({ id, status: 'succeeded', counts: { created: 1 } });
    await upload(`format=itam-csv&jobId=${id}`, 'tag,name,assetClass,type\nLEASE-2,Lease,hardware,laptop\n').expect(409);
  });

  it('refuses hostile files with a 4xx naming the limit, and quotes values shortly', async () => {
    const before = await count('itam_assets');
    const open = `Asset Tag,Asset Name,Category\nX-1,"${'x'.repeat(1024 * 1024 + 10)}`;
    const big = await upload('format=snipeit-csv', open).expect(413);
    expect(big.body.error.message).toMatch(/longer than the limit of 1024 KiB per record/);
    const wide = await upload('format=itam-csv', `${Array.from({ length: 501 }, (_, i) => `c${i}`).join(',')}\n`).expect(400);
    expect(wide.body.error.message).toMatch(/501 columns, more than the limit of 500/);
    const long = await upload('format=snipeit-csv', `Asset Tag,Asset Name,Category,Status\nQ-1,Q,Laptops,${'Z'.repeat(5000)}\n`).expect(200);
    expect(long.body.errors[0].message.length).toBeLessThan(900);
    expect(long.body.errors[0].message).toMatch(/^"Z{80}…" is not a Snipe-IT status label/);
    const nul = await upload('format=itam-json', JSON.stringify([{ tag: 'NUL-1', name: 'a\u0000b', assetClass: 'hardware', type: 'laptop' }]), 'application/json').expect(200);
    expect(nul.body.errors).toEqual([{ row: 1, field: 'item', message: expect.stringMatching(/NUL/) }]);
    expect(await count('itam_assets')).toBe(before);
  });
});
