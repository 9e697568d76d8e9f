import { ItamApiError } from '@itam/common';
import { startItamBackend } from '../testing/itam-backend';
import { edge } from '../testing/forge-api-mock';
import { createBackendClient, loadBackend } from './create-backend-client';
import { saveBackendConfig } from '../storage/save-backend-config';
import { saveBackendToken } from '../storage/save-backend-token';
import { DEFAULT_ISSUE_TYPES } from '../common/constants';

jest.mock('@forge/api', () => jest.requireActual('../testing/forge-api-mock').forgeApiMock());
jest.mock('@forge/kvs');
const { __store } = jest.requireMock('@forge/kvs');

const TOKEN = 'jira-acme-0123456789abcdef';

/** The caller check runs in the real backend: Backstage's auth service with a static token. */
describe('the ITAM backend verifies the Forge app by its static token', () => {
  let backend: Awaited<ReturnType<typeof startItamBackend>>;
  const config = { baseUrl: '', site: 'acme.atlassian.net', issueTypes: DEFAULT_ISSUE_TYPES };
  const sentAuthorization: (string | undefined)[] = [];

  beforeAll(async () => {
    backend = await startItamBackend({ token: TOKEN, subject: 'jira-acme' });
    config.baseUrl = backend.baseUrl;
    edge.fetch = (url, init) => {
      sentAuthorization.push((init?.headers as Record<string, string> | undefined)?.authorization);
      return globalThis.fetch(url, init);
    };
  });
  afterAll(() => backend.stop());
  beforeEach(() => __store.clear());

  it('accepts the configured token, sent as a bearer token through Forge fetch', async () => {
    const client = createBackendClient(config, TOKEN);
    const created = await client.createAsset({ tag: 'SRV-1', name: 'db host', assetClass: 'hardware', type: 'server' });
    expect((await client.getAsset('SRV-1')).id).toBe(created.id);
    expect(sentAuthorization.at(-1)).toBe(`Bearer ${TOKEN}`);
    // The register records the token's subject as the actor.
    const history = await client.getAssetHistory(created.id);
    expect(history[0]).toMatchObject({ kind: 'created', actor: 'jira-acme' });
  });

  it('refuses a wrong token with 401', async () => {
    const error = await createBackendClient(config, 'not-the-token-0000').listAssets().catch(e => e);
    expect(error).toBeInstanceOf(ItamApiError);
    expect(error.status).toBe(401);
  });

  it('refuses a request without a token with 401', async () => {
    const response = await globalThis.fetch(`${backend.baseUrl}/assets`);
    expect(response.status).toBe(401);
  });

  it('builds the client from KVS: address in plain storage, token as a secret', async () => {
    await expect(loadBackend()).rejects.toMatchObject({ code: 'not-configured' });
    await saveBackendConfig(config);
    await expect(loadBackend()).rejects.toMatchObject({ code: 'not-configured' });
    await saveBackendToken(TOKEN);
    const { client } = await loadBackend();
    expect((await client.listAssets({ q: 'SRV' })).items.map(a => a.tag)).toEqual(['SRV-1']);
    expect(JSON.stringify([...__store.plain.values()])).not.toContain(TOKEN);
    expect([...__store.secret.values()]).toEqual([TOKEN]);
  });
});
