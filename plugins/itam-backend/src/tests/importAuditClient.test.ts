import { ItamApiError, ItamClient } from '@itam/common';
import type { AddressInfo } from 'node:net';
import { migrateItamDatabase } from '../database/KnexAssetStore';
import { asUser, itamTestDatabases, startItamBackend } from './testBackend';

const databases = itamTestDatabases();

/** The typed client's import and audit calls against the real backend. */
describe('ItamClient import and audit calls', () => {
  let client: ItamClient;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateItamDatabase(knex);
    const backend = await startItamBackend({ knex });
    stop = () => backend.stop();
    const { port } = backend.server.address() as AddressInfo;
    client = new ItamClient({
      baseUrl: `http://localhost:${port}/api/itam`,
      fetch: (url, init) => fetch(url, init),
      headers: () => ({ authorization: asUser() }),
    });
  });
  afterAll(() => stop());

  const csv = [
    'tag,name,assetClass,type,lifecycleStage',
    'LAP-1,Laptop one,hardware,laptop,in-stock',
    'LAP-2,Laptop two,hardware,laptop,in-stock',
  ].join('\n');

  it('dry-runs, then runs a CSV import, and lists the jobs', async () => {
    const preview = await client.runImport({ format: 'itam-csv', content: csv, dryRun: true });
    expect(preview).toMatchObject({ status: 'succeeded', dryRun: true, counts: { created: 2 } });
    expect(preview.summary.applied).toBe(false);
    expect((await client.listAssets()).items).toHaveLength(0);

    const jobId = crypto.randomUUID();
    const job = await client.runImport({ format: 'itam-csv', content: csv, jobId });
    expect(job.id).toBe(jobId);
    expect(job).toMatchObject({ status: 'succeeded', counts: { created: 2 }, summary: { applied: true } });
    expect((await client.getImport(job.id)).id).toBe(job.id);
    expect((await client.listImports()).map(j => j.id)).toEqual(expect.arrayContaining([job.id, preview.id]));
    expect((await client.listAssets()).items.map(a => a.tag).sort()).toEqual(['LAP-1', 'LAP-2']);
  });

  it('reports a bad row with its number and column, and writes nothing', async () => {
    const bad = `${csv.replace(/LAP-/g, 'NB-')}\nNB-3,Broken,hardware,laptop,flying`;
    const job = await client.runImport({ format: 'itam-csv', content: bad });
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([expect.objectContaining({ row: 4, field: 'lifecycleStage' })]);
    expect((await client.listAssets({ q: 'NB-' })).items).toHaveLength(0);
  });

  it('sends JSON uploads as JSON', async () => {
    const job = await client.runImport({
      format: 'itam-json',
      content: JSON.stringify([{ tag: 'SRV-9', name: 'Server nine', assetClass: 'hardware', type: 'server' }]),
    });
    expect(job).toMatchObject({ status: 'succeeded', counts: { created: 1 } });
  });

  it('runs an audit campaign: create, observe, read the findings, close', async () => {
    const campaign = await client.createAudit({ name: 'Laptop count', scope: { assetClasses: ['hardware'] } });
    expect(campaign.status).toBe('open');
    const observed = await client.addAuditObservations(campaign.id, [
      { assetTag: 'LAP-1', result: 'seen' },
      { assetTag: 'GHOST-1', result: 'seen' },
    ]);
    expect(observed.result.counts).toMatchObject({ verified: 1, unexpected: 1 });
    expect((await client.getAudit(campaign.id)).result).toEqual(observed.result);
    const verified = await client.listAuditFindings(campaign.id, { kind: 'verified' });
    expect(verified.items.map(f => f.assetTag)).toEqual(['LAP-1']);
    expect((await client.listAudits()).map(c => c.id)).toContain(campaign.id);
    const closed = await client.closeAudit(campaign.id);
    expect(closed.status).toBe('closed');
    expect((await client.listAuditFindings(campaign.id, { kind: 'unexpected' })).items).toEqual([
      expect.objectContaining({ kind: 'unexpected', assetTag: 'GHOST-1' }),
    ]);
    await expect(client.getAudit('nope')).rejects.toBeInstanceOf(ItamApiError);
  });
});
