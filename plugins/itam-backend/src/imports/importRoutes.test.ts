import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { asUser, itamBackendPerSuite, itamTestDatabases, startItamBackend } from '../tests/testBackend';

const databases = itamTestDatabases();
const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name));
const SNIPEIT = fixture('snipeit-assets.csv');
const SNIPEIT_BAD = fixture('snipeit-assets-bad.csv');
const GLPI = JSON.parse(fixture('glpi-computer.json').toString('utf8'));
const SNIPEIT_TAGS = ['GROK-12782', 'GROK-12783', 'GROK-20011', 'GROK-30001', 'GROK-40005'];

describe.each(databases.eachSupportedId())('imports on %s', databaseId => {
  const suite = itamBackendPerSuite(databases, databaseId);

  const api = () => request(suite.server);
  const upload = (query: string, body: Buffer | string, type = 'text/csv') =>
    api().post(`/api/itam/imports?${query}`).set('authorization', asUser()).set('content-type', type).send(body);
  const getAsset = (tag: string) => api().get(`/api/itam/assets/${tag}`).set('authorization', asUser());
  const countAssets = async () => Number((await suite.knex('itam_assets').count({ n: '*' }))[0].n);

  it('dry-runs a Snipe-IT file: reports what would be created and writes nothing but the job', async () => {
    const before = await countAssets();
    const res = await upload('format=snipeit-csv&dryRun=true&currency=GBP', SNIPEIT).expect(200);
    expect(res.body).toMatchObject({
      format: 'snipeit-csv',
      dryRun: true,
      status: 'succeeded',
      progress: { rowsDone: 5, rowsTotal: 5 },
      counts: { created: 5, updated: 0, unchanged: 0, refused: 0 },
      errorCount: 0,
      summary: { applied: false },
    });
    expect(res.body.summary.outcomes.map((o: { tag: string; action: string }) => [o.tag, o.action])).toEqual(
      SNIPEIT_TAGS.map(t => [t, 'create']),
    );
    expect(res.body.summary.ignoredColumns).toBeUndefined();
    expect(res.body.summary.reading).toEqual({
      encoding: 'utf-8',
      encodingDetected: true,
      lineEnding: 'LF',
      kind: 'assets',
      kindDetected: true,
      decimalSeparator: '.',
      dateFormats: [{ column: 'Purchase Date', format: 'YYYY-MM-DD', inferred: true }],
      mode: 'atomic',
      unknownPeople: 'keep-as-text',
    });
    expect(res.body.summary.preview[1]).toEqual({
      row: 3,
      values: expect.objectContaining({ tag: 'GROK-12783', owner: 'user:default/jane', lifecycleStage: 'deployed', 'purchase.cost': 1450.5, 'purchase.date': '2024-01-31' }),
    });
    expect(await countAssets()).toBe(before);
    await getAsset('GROK-12782').expect(404);
    const job = await api().get(`/api/itam/imports/${res.body.id}`).set('authorization', asUser()).expect(200);
    expect(job.body).toEqual(res.body);
  });

  it('imports a Snipe-IT file, maps its columns, and a rerun creates no duplicate', async () => {
    const first = await upload('format=snipeit-csv&currency=GBP', SNIPEIT).expect(200);
    expect(first.body).toMatchObject({ status: 'succeeded', counts: { created: 5, refused: 0 }, summary: { applied: true } });

    const mac = (await getAsset('GROK-12782').expect(200)).body;
    expect(mac).toMatchObject({
      name: "Alison's MacBook Pro",
      assetClass: 'hardware',
      type: 'laptop',
      lifecycleStage: 'in-stock',
      serialNumber: 'C02XK1ABJGH5',
      location: 'London HQ',
      description: 'Engineering pool, 32 GB RAM',
      purchase: { date: '2024-03-15', cost: 2399, currency: 'GBP', supplier: 'Apple Store for Business', orderNumber: 'PO-1001' },
      warrantyEnd: '2027-03-15',
      attributes: { model: 'MacBook Pro 14', modelNumber: 'A2442', manufacturer: 'Apple', company: 'Grokability Inc', category: 'Laptops', requestable: true, byod: false },
    });
    expect((await getAsset('GROK-12783').expect(200)).body).toMatchObject({
      owner: 'user:default/jane',
      lifecycleStage: 'deployed',
      purchase: { date: '2024-01-31', cost: 1450.5 },
    });
    expect((await getAsset('GROK-20011').expect(200)).body).toMatchObject({ type: 'monitor', lifecycleStage: 'maintenance', purchase: { date: '2023-01-23' } });
    expect((await getAsset('GROK-30001').expect(200)).body).toMatchObject({ type: 'server', lifecycleStage: 'retired' });
    expect((await getAsset('GROK-40005').expect(200)).body).toMatchObject({ type: 'mobile-phone', lifecycleStage: 'maintenance', purchase: { date: '2024-02-10' } });
    const history = await api().get(`/api/itam/assets/${mac.id}/history`).set('authorization', asUser()).expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ kind: 'created', actor: 'user:default/jane' })]);

    const count = await countAssets();
    const rerun = await upload('format=snipeit-csv&currency=GBP', SNIPEIT).expect(200);
    expect(rerun.body).toMatchObject({ status: 'succeeded', counts: { created: 0, updated: 0, unchanged: 5, refused: 0 } });
    expect(await countAssets()).toBe(count);
    expect((await getAsset('GROK-12782').expect(200)).body.version).toBe(1);
  });

  it('updates a changed row through updateAsset and a transition, with history and the acting user', async () => {
    const changed = SNIPEIT.toString('utf8')
      .replace('Ready to Deploy,London HQ,2024-03-15', 'Ready to Deploy,Berlin Office,2024-03-15')
      .replace('Pending,Paris Office', 'Ready to Deploy,Paris Office');
    // A linked asset: the entity's page must show what the import changed.
    const linked = (await getAsset('GROK-12782').expect(200)).body;
    await api()
      .post(`/api/itam/assets/${linked.id}/entity-links`)
      .set('authorization', asUser())
      .send({ entityRef: 'component:default/payments-api', role: 'runs-on' })
      .expect(201);
    const res = await api()
      .post('/api/itam/imports?format=snipeit-csv&currency=GBP')
      .set('authorization', asUser('user:default/sam'))
      .set('content-type', 'text/csv')
      .send(changed)
      .expect(200);
    expect(res.body.counts).toEqual({ created: 0, updated: 2, unchanged: 3, refused: 0 });
    const mac = (await getAsset('GROK-12782').expect(200)).body;
    expect(mac).toMatchObject({ location: 'Berlin Office', version: 2 });
    const entityAssets = await api().get('/api/itam/entities/component/default/payments-api/assets').set('authorization', asUser()).expect(200);
    expect(entityAssets.body.items).toEqual([{ asset: mac, role: 'runs-on' }]);
    const history = await api().get(`/api/itam/assets/${mac.id}/history`).set('authorization', asUser()).expect(200);
    expect(history.body.items[1]).toMatchObject({
      kind: 'updated',
      actor: 'user:default/sam',
      changes: [{ field: 'location', before: 'London HQ', after: 'Berlin Office' }],
    });
    const display = (await getAsset('GROK-20011').expect(200)).body;
    expect(display).toMatchObject({ lifecycleStage: 'in-stock', version: 2 });
    const displayHistory = await api().get(`/api/itam/assets/${display.id}/history`).set('authorization', asUser()).expect(200);
    expect(displayHistory.body.items[1]).toMatchObject({
      kind: 'transitioned',
      actor: 'user:default/sam',
      transition: { from: 'maintenance', to: 'in-stock' },
      reason: `Import job ${res.body.id}`,
    });
  });

  it('refuses bad rows with their row, column and reason, and writes nothing of the job', async () => {
    const before = await countAssets();
    const res = await upload('format=snipeit-csv&unknownPeople=refuse', SNIPEIT_BAD).expect(200);
    expect(res.body).toMatchObject({
      status: 'failed',
      counts: { created: 2, refused: 6 },
      summary: { applied: false, message: expect.stringMatching(/6 row\(s\) refused/) },
    });
    expect(res.body.errors).toEqual([
      { row: 3, field: 'Purchase Date', message: expect.stringMatching(/^"2023-02-30" is not a date/) },
      { row: 4, field: 'Status', message: expect.stringMatching(/"Quarantined" is not a Snipe-IT status label/) },
      { row: 5, field: 'Asset Tag', message: expect.stringMatching(/is required/) },
      { row: 6, field: 'Asset Tag', message: 'tag "BAD-00001" is already in row 2 of this file' },
      { row: 7, field: 'Checked Out To: Username', message: '"ghost" is not a user in the catalogue (tried user:default/ghost)' },
      { row: 8, field: 'Purchase Cost', message: expect.stringMatching(/"a lot" is not an amount/) },
      { row: 8, field: 'Requestable', message: expect.stringMatching(/"Maybe" is not a yes\/no value/) },
    ]);
    expect(res.body.errorCount).toBe(7);
    expect(await countAssets()).toBe(before);
    await getAsset('BAD-00001').expect(404);
    await getAsset('BAD-00008').expect(404);
    const job = await api().get(`/api/itam/imports/${res.body.id}`).set('authorization', asUser()).expect(200);
    expect(job.body.errors).toEqual(res.body.errors);
  });

  it('turns a GLPI inventory into an asset with hardware facts and installations, replaced on each import', async () => {
    const res = await upload('format=glpi-json', JSON.stringify(GLPI), 'application/json').expect(200);
    expect(res.body).toMatchObject({ status: 'succeeded', counts: { created: 1 }, summary: { applied: true, installations: 3 } });
    const asset = (await getAsset('WS-BERLIN-042').expect(200)).body;
    expect(asset).toMatchObject({
      name: 'ws-berlin-042',
      assetClass: 'hardware',
      type: 'laptop',
      serialNumber: 'PF4LQ7XZ',
      externalIds: [{ source: 'glpi', sourceId: 'ws-berlin-042-2025-11-03-08-15-22' }],
      attributes: {
        manufacturer: 'LENOVO',
        model: '21HD003AGE',
        processors: 1,
        cores: 10,
        threads: 12,
        processorModel: '13th Gen Intel(R) Core(TM) i7-1355U',
        memoryMb: 31744,
        os: 'Ubuntu 24.04.1 LTS',
      },
    });
    const installed = () =>
      suite.knex('itam_installations').where({ asset_id: asset.id }).orderBy('product_name').select('product_name', 'version', 'publisher', 'source', 'install_date');
    expect(await installed()).toEqual([
      { product_name: 'code', version: '1.95.1-1730355339', publisher: 'Microsoft Corporation', source: 'glpi', install_date: '2025-11-01' },
      { product_name: 'firefox', version: '132.0.1', publisher: 'Mozilla', source: 'glpi', install_date: '2025-10-30' },
      { product_name: 'libreoffice-writer', version: '24.2.6-0ubuntu0.24.04.1', publisher: 'Ubuntu Developers', source: 'glpi', install_date: null },
    ]);

    // The next inventory: firefox upgraded, code removed, the host renamed.
    const next = structuredClone(GLPI);
    next.content.softwares = [{ ...GLPI.content.softwares[0], version: '133.0' }, GLPI.content.softwares[1]];
    next.content.hardware.name = 'ws-berlin-042b';
    const again = await upload('format=glpi-json', JSON.stringify(next), 'application/json').expect(200);
    expect(again.body).toMatchObject({ status: 'succeeded', counts: { created: 0, updated: 1 }, summary: { installations: 2 } });
    expect((await getAsset(asset.id).expect(200)).body).toMatchObject({ tag: 'WS-BERLIN-042', name: 'ws-berlin-042b', version: 2 });
    expect((await installed()).map(i => [i.product_name, i.version])).toEqual([
      ['firefox', '133.0'],
      ['libreoffice-writer', '24.2.6-0ubuntu0.24.04.1'],
    ]);
  });

  it('refuses NUL characters anywhere in an uploaded file, naming the row and field, and writes nothing', async () => {
    const before = await countAssets();
    const inventory = structuredClone(GLPI);
    inventory.content.softwares[0].name = 'fire\u0000fox';
    inventory.content.bios.bversion = 'v\u00001';
    const glpi = await upload('format=glpi-json', JSON.stringify(inventory), 'application/json').expect(200);
    expect(glpi.body).toMatchObject({ status: 'failed', summary: { applied: false } });
    expect(glpi.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['content.bios.bversion', 'content.softwares[0].name']);
    expect(JSON.stringify(glpi.body)).not.toContain('\\u0000');

    // In a CSV file a NUL byte means it is not text at all: the file is refused.
    const snipe = await upload('format=snipeit-csv', 'Asset Tag,Asset Name,Category,Notes\nNUL-1,Laptop,Laptops,bad \u0000 note\n').expect(400);
    expect(snipe.body.error.message).toMatch(/NUL character \(line 2\)/);
    expect(await countAssets()).toBe(before);
  });

  it('answers files it cannot read with a 400 naming the problem, and records the failed job', async () => {
    const header = 'Asset Tag,Asset Name,Category\n';
    const mixed = Buffer.concat([Buffer.from(`${header}ENC-1,Caf€`), Buffer.from([0xe9]), Buffer.from(' laptop,Laptops\n')]);
    const enc = await upload('format=snipeit-csv', mixed).expect(400);
    expect(enc.body.error.message).toMatch(/not valid UTF-8: invalid byte sequence at byte offset 42 \(line 2\).*encoding=windows-1252/);
    const jobId = /Import job (\S+) failed/.exec(enc.body.error.message)![1];
    const job = await api().get(`/api/itam/imports/${jobId}`).set('authorization', asUser()).expect(200);
    expect(job.body).toMatchObject({ status: 'failed', summary: { applied: false, message: expect.stringMatching(/UTF-8/) } });
    const named = await upload('format=snipeit-csv&dryRun=true&encoding=windows-1252', mixed).expect(200);
    expect(named.body.summary.preview[0].values.name).toBe('Cafâ‚¬é laptop');
    expect(named.body.summary.reading).toMatchObject({ encoding: 'windows-1252', encodingDetected: false });

    const missing = await upload('format=snipeit-csv', 'Asset Name,Serial Number\nx,y\n').expect(400);
    expect(missing.body.error.message).toMatch(/missing required columns "Asset Tag", "Category"/);
    expect(missing.body.issues).toEqual([{ path: 'Asset Tag, Category', message: expect.any(String) }]);

    expect((await upload('format=snipeit-csv', '').expect(400)).body.error.message).toMatch(/empty/);
    expect((await upload('format=itam-csv', 'tag,name,assetClass,type\n"unclosed,x\n').expect(400)).body.error.message).toMatch(/malformed/);
    expect((await upload('format=glpi-json', '{"deviceid":', 'text/plain').expect(400)).body.error.message).toMatch(/not valid JSON/);
    expect((await upload('format=itam-csv', '[]', 'application/json').expect(400)).body.error.message).toMatch(/text\/csv/);
    await getAsset('ENC-1').expect(404);
  });

  it('reads a BOM and any mix of CRLF, LF and CR line breaks', async () => {
    const lines = ['Asset Tag,Asset Name,Category,Serial Number', 'EOL-1,First,Laptops,EOLSN1', 'EOL-2,Second,Desktops,EOLSN2', 'EOL-3,"Third, with a comma",Servers,EOLSN3'];
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines[0]}\r\n${lines[1]}\r${lines[2]}\n${lines[3]}\r\n\r\n`)]);
    const res = await upload('format=snipeit-csv', body).expect(200);
    expect(res.body).toMatchObject({ status: 'succeeded', counts: { created: 3 }, progress: { rowsTotal: 3 } });
    expect((await getAsset('EOL-1').expect(200)).body).toMatchObject({ name: 'First', serialNumber: 'EOLSN1', type: 'laptop' });
    expect((await getAsset('EOL-3').expect(200)).body).toMatchObject({ name: 'Third, with a comma', type: 'server' });
  });

  it('re-imports its own CSV export unchanged, and applies an edited one', async () => {
    for (const tag of ['NAT-1', 'NAT-2']) {
      await api()
        .post('/api/itam/assets')
        .set('authorization', asUser())
        .send({
          tag,
          name: `Native ${tag}`,
          assetClass: 'hardware',
          type: 'laptop',
          serialNumber: `SN-${tag}`,
          owner: 'group:default/sre',
          criticality: 2,
          externalIds: [{ source: 'intune', sourceId: `dev-${tag}` }],
          purchase: { date: '2025-01-02', cost: 1000.25, currency: 'EUR', supplier: 'ACME' },
        })
        .expect(201);
    }
    const exported = await api().get('/api/itam/assets/export.csv?q=nat-').set('authorization', asUser()).expect(200);
    const same = await upload('format=itam-csv', exported.text).expect(200);
    expect(same.body).toMatchObject({ status: 'succeeded', counts: { created: 0, updated: 0, unchanged: 2, refused: 0 } });

    const edited = exported.text.replace('Native NAT-2', 'Native NAT-2 (renamed)');
    const applied = await upload('format=itam-csv', edited).expect(200);
    expect(applied.body.counts).toEqual({ created: 0, updated: 1, unchanged: 1, refused: 0 });
    expect((await getAsset('NAT-2').expect(200)).body).toMatchObject({ name: 'Native NAT-2 (renamed)', version: 2, criticality: 2 });

    // The original export again: NAT-1 becomes a new asset NAT-9 (new tag, serial and external
    // id), NAT-2 gets its old name back.
    const created = await upload('format=itam-csv', exported.text.replace(/NAT-1/g, 'NAT-9')).expect(200);
    expect(created.body.counts).toEqual({ created: 1, updated: 1, unchanged: 0, refused: 0 });
    expect((await getAsset('NAT-9').expect(200)).body).toMatchObject({
      serialNumber: 'SN-NAT-9',
      owner: 'group:default/sre',
      criticality: 2,
      externalIds: [{ source: 'intune', sourceId: 'dev-NAT-9' }],
      purchase: { date: '2025-01-02', cost: 1000.25, currency: 'EUR', supplier: 'ACME' },
    });
    expect((await getAsset('NAT-2').expect(200)).body).toMatchObject({ name: 'Native NAT-2', version: 3 });
  });

  it('imports the native JSON format, naming bad fields by their path', async () => {
    const good = { tag: 'JSON-1', name: 'From JSON', assetClass: 'software', type: 'application' };
    const res = await upload('format=itam-json', JSON.stringify([good, { ...good, tag: 'JSON-2', criticality: 9 }]), 'application/json').expect(200);
    expect(res.body).toMatchObject({ status: 'failed', counts: { refused: 1 } });
    expect(res.body.errors).toEqual([{ row: 2, field: 'criticality', message: expect.stringMatching(/tier/) }]);
    await getAsset('JSON-1').expect(404);
    const ok = await upload('format=itam-json', JSON.stringify([good]), 'application/json').expect(200);
    expect(ok.body.counts.created).toBe(1);
    await getAsset('JSON-1').expect(200);
  });

  it('refuses a row repeating an earlier row\'s tag or external id, warns of a repeated serial; a refused row claims none of its keys', async () => {
    const csv = [
      'tag,name,assetClass,type,serialNumber,externalIds',
      'DUP-1,first,hardware,laptop,SN-DUP,intune:dev-1',
      'DUP-2,same serial,hardware,laptop,SN-DUP,',
      'DUP-3,same device id,hardware,laptop,SN-3,intune:dev-1',
      'DUP-2,tag of a refused row,hardware,laptop,SN-4,',
    ].join('\n');
    const res = await upload('format=itam-csv', csv).expect(200);
    expect(res.body).toMatchObject({ status: 'failed', counts: { created: 2, refused: 2 } });
    expect(res.body.errors).toEqual([
      { row: 4, field: 'externalIds', message: 'external id intune:dev-1 is already in row 2 of this file' },
      { row: 5, field: 'tag', message: 'tag "DUP-2" is already in row 3 of this file' },
    ]);
    // Two assets may share a serial (the register allows it): a warning, each row its own tag.
    expect(res.body.summary.warnings).toEqual([{ row: 3, field: 'serialNumber', message: 'serial number "SN-DUP" is also in row 2 of this file' }]);
    await getAsset('DUP-1').expect(404);
  });

  // The import holds no transaction while the upload arrives, so on SQLite's single connection
  // too the job row shows progress and other requests are served.
  it('shows a running job with its progress', async () => {
    const header = 'Asset Tag,Asset Name,Category\n';
    const rows = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `PRG-${from + i},Progress ${from + i},Laptops\n`).join('');
    const upload = httpRequest({
      port: (suite.server.address() as AddressInfo).port,
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
    upload.write(header + rows(0, 600));
    let job: { id: string; rows_done: number } | undefined;
    while (!job || job.rows_done < 500) {
      await new Promise(resolve => setTimeout(resolve, 10));
      job = await suite.knex('itam_import_jobs').where({ status: 'running' }).first();
    }
    const live = await api().get(`/api/itam/imports/${job.id}`).set('authorization', asUser()).expect(200);
    expect(live.body).toMatchObject({ status: 'running', progress: { rowsDone: 500 } });
    expect(live.body.progress.rowsTotal).toBeUndefined();
    expect(live.body.progress.bytesDone).toBeGreaterThan(0);
    const listed = await api().get('/api/itam/imports').set('authorization', asUser()).expect(200);
    expect(listed.body.items[0]).toMatchObject({ id: job.id, status: 'running' });
    upload.end(rows(600, 700));
    const done = await answer;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ id: job.id, status: 'succeeded', counts: { created: 700 }, progress: { rowsDone: 700, rowsTotal: 700 } });
  });

  it('lists recent jobs and answers 404 for an unknown one', async () => {
    const res = await api().get('/api/itam/imports').set('authorization', asUser()).expect(200);
    expect(res.body.items.length).toBeGreaterThan(5);
    expect(res.body.items[0]).toMatchObject({ format: expect.any(String), errors: [] });
    const times = res.body.items.map((j: { createdAt: string }) => j.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    await api().get('/api/itam/imports/nope').set('authorization', asUser()).expect(404);
    await upload('format=excel', 'x').expect(400);
  });

  it('takes the job id the client chose, so the client can follow the job, and refuses it twice', async () => {
    const jobId = '4d0c2f7e-8a4b-4c53-9d6f-1b2a3c4d5e6f';
    const res = await upload(`format=snipeit-csv&dryRun=true&jobId=${jobId}`, SNIPEIT).expect(200);
    expect(res.body).toMatchObject({ id: jobId, status: 'succeeded' });
    await api().get(`/api/itam/imports/${jobId}`).set('authorization', asUser()).expect(200);
    const again = await upload(`format=snipeit-csv&dryRun=true&jobId=${jobId}`, SNIPEIT).expect(409);
    expect(again.body.error.message).toContain(jobId);
    const bad = await upload('format=snipeit-csv&jobId=job-1', SNIPEIT).expect(400);
    expect(bad.body.error.message).toContain('jobId');
  });
});

describe.each(databases.eachSupportedId())('imports under a deny policy on %s', databaseId => {
  it('refuses every import route with 403', async () => {
    const knex = await databases.init(databaseId);
    const backend = await startItamBackend({ knex, permissionResult: AuthorizeResult.DENY });
    try {
      const api = () => request(backend.server);
      await api().get('/api/itam/imports').set('authorization', asUser()).expect(403);
      await api().get('/api/itam/imports/x').set('authorization', asUser()).expect(403);
      await api().post('/api/itam/imports?format=snipeit-csv').set('authorization', asUser()).set('content-type', 'text/csv').send(SNIPEIT).expect(403);
      expect(Number((await knex('itam_import_jobs').count({ n: '*' }))[0].n)).toBe(0);
    } finally {
      await backend.stop();
    }
  });
});
