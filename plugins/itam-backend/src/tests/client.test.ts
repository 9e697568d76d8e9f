import { ItamApiError, ItamClient } from '@itam/common';
import type { AddressInfo } from 'node:net';
import { asUser, itamTestDatabases, startItamBackend } from './testBackend';

const databases = itamTestDatabases();

/** The shared typed client against the real plugin: proves client and API agree. */
describe('ItamClient against the ITAM backend', () => {
  let client: ItamClient;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startItamBackend({ knex: await databases.init('SQLITE_3') });
    stop = () => backend.stop();
    const { port } = backend.server.address() as AddressInfo;
    client = new ItamClient({
      baseUrl: async () => `http://localhost:${port}/api/itam`,
      fetch: (url, init) => fetch(url, init),
      headers: () => ({ authorization: asUser() }),
    });
  });
  afterAll(() => stop());

  it('covers an asset’s life: create, update, transition, links, tickets, history', async () => {
    const server = await client.createAsset({
      tag: 'SRV-1',
      name: 'db host',
      assetClass: 'hardware',
      type: 'server',
      lifecycleStage: 'in-stock',
    });
    const vm = await client.createAsset({ tag: 'VM-1', name: 'vm', assetClass: 'cloud', type: 'vm' });
    const owned = await client.updateAsset(server.id, server.version, { owner: 'group:sre' });
    expect(owned.owner).toBe('group:default/sre');
    const options = await client.getTransitionOptions(server.id);
    expect(options.find(o => o.to === 'deployed')?.allowed).toBe(true);
    const deployed = await client.transitionAsset(server.id, owned.version, { to: 'deployed' });
    expect(deployed.lifecycleStage).toBe('deployed');

    await client.addEntityLink(server.id, { entityRef: 'component:payments-api', role: 'runs-on' });
    expect(await client.getEntityLinks(server.id)).toEqual([
      { entityRef: 'component:default/payments-api', role: 'runs-on' },
    ]);
    expect((await client.getEntityAssets('component:default/payments-api')).map(e => e.asset.tag)).toEqual(['SRV-1']);
    await client.removeEntityLink(server.id, { entityRef: 'component:default/payments-api', role: 'runs-on' });
    expect(await client.getEntityAssets('component:default/payments-api')).toEqual([]);

    await client.addAssetLink(server.id, { type: 'hosts', targetAssetId: vm.id });
    expect(await client.getAssetLinks(vm.id)).toEqual([{ sourceAssetId: server.id, type: 'hosts', targetAssetId: vm.id }]);
    await client.removeAssetLink(server.id, { type: 'hosts', targetAssetId: vm.id });
    expect(await client.getAssetLinks(vm.id)).toEqual([]);

    await client.linkTicket(server.id, { site: 'acme.atlassian.net', issueKey: 'OPS-1', ticketType: 'incident' });
    expect((await client.getTicketAssets('acme.atlassian.net', 'OPS-1')).map(t => t.asset.tag)).toEqual(['SRV-1']);
    expect(await client.getAssetTickets(server.id)).toEqual([
      expect.objectContaining({ issueKey: 'OPS-1', ticketType: 'incident', resolved: false }),
    ]);
    await client.unlinkTicket(server.id, 'acme.atlassian.net', 'OPS-1');
    expect(await client.getAssetTickets(server.id)).toEqual([]);

    const history = await client.getAssetHistory(server.id);
    expect(history.map(e => e.kind)).toEqual(['created', 'updated', 'transitioned']);
    const page = await client.listAssets({ assetClass: 'hardware' });
    expect(page.items.map(a => a.tag)).toEqual(['SRV-1']);
    expect((await client.getAsset('SRV-1')).id).toBe(server.id);
  });

  it('turns error answers into ItamApiError with status and name', async () => {
    const error = await client.getAsset('NOPE-1').catch(e => e);
    expect(error).toBeInstanceOf(ItamApiError);
    expect(error).toMatchObject({ status: 404, errorName: 'NotFoundError' });
    const stale = await client.updateAsset((await client.getAsset('VM-1')).id, 99, { location: 'x' }).catch(e => e);
    expect(stale).toMatchObject({ status: 409, errorName: 'ConflictError' });
  });
});
