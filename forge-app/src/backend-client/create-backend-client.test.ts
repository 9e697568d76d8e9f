import { ItamApiError } from '@itam/common';
import type { BackendConfig } from '../common/types';
import { startItamBackend } from '../testing/itam-backend';
import { edge } from '../testing/forge-api-mock';
import { createBackendClient, loadBackend } from './create-backend-client';
import { saveBackendConfig } from '../storage/save-backend-config';
import { saveBackendToken } from '../storage/save-backend-token';
import { NO_ISSUE_TYPES } from '../common/constants';

jest.mock('@forge/api', () => jest.requireActual('../testing/forge-api-mock').forgeApiMock());
jest.mock('@forge/kvs');
const { __store } = jest.requireMock('@forge/kvs');

const SITE = 'acme.atlassian.net';
const STATIC_TOKEN = 'jira-static-0123456789abcdef';

/** How the app reaches the real backend: Forge Remote with an invocation token, or the static fallback. */
describe('the backend client', () => {
  let backend: Awaited<ReturnType<typeof startItamBackend>>;
  const remoteCalls: { remoteKey: string; path?: string }[] = [];
  const sentAuthorization: (string | undefined)[] = [];
  const config = (auth: BackendConfig['auth']): BackendConfig => ({
    baseUrl: 'https://backstage.acme.test/api/itam',
    auth,
    issueTypes: NO_ISSUE_TYPES,
    projects: [],
    changeFields: {},
  });

  beforeAll(async () => {
    backend = await startItamBackend({ sites: [SITE], staticToken: STATIC_TOKEN, seederToken: 'seeder-0123456789' });
    edge.remote = async (remoteKey, init) => {
      remoteCalls.push({ remoteKey, path: init.path });
      const { path, headers, ...rest } = init;
      return fetch(`${backend.origin}${path}`, {
        ...rest,
        headers: { ...(headers as Record<string, string>), authorization: `Bearer ${await backend.invocationToken(SITE, 'u-1')}` },
      });
    };
    edge.fetch = (url, init) => {
      sentAuthorization.push((init?.headers as Record<string, string> | undefined)?.authorization);
      return globalThis.fetch(url.replace('https://backstage.acme.test', backend.origin), init);
    };
  });
  afterAll(() => backend.stop());
  beforeEach(() => __store.clear());

  it('calls the itam-backend remote with the API path; Forge signs the call for this site and user', async () => {
    const connection = await createBackendClient(config('forge-remote')).getJiraConnection();
    expect(connection).toMatchObject({ site: SITE, actor: `jira:${SITE}/u-1`, via: 'forge-invocation-token' });
    expect(remoteCalls.at(-1)).toEqual({ remoteKey: 'itam-backend', path: '/api/itam/jira/connection' });
  });

  it('falls back to a static token sent as a bearer token through Forge fetch', async () => {
    const connection = await createBackendClient(config('static-token'), STATIC_TOKEN).getJiraConnection();
    expect(connection).toMatchObject({ site: SITE, via: 'static-token' });
    expect(sentAuthorization.at(-1)).toBe(`Bearer ${STATIC_TOKEN}`);
    const error = await createBackendClient(config('static-token'), 'not-the-token-0000').listAssets().catch(e => e);
    expect(error).toBeInstanceOf(ItamApiError);
    expect(error.status).toBe(401);
  });

  it('builds the client from KVS: settings in plain storage, the static token as a secret', async () => {
    await expect(loadBackend()).rejects.toMatchObject({ code: 'not-configured' });
    await saveBackendConfig(config('static-token'));
    await expect(loadBackend()).rejects.toMatchObject({ code: 'not-configured' });
    await saveBackendToken(STATIC_TOKEN);
    const { client } = await loadBackend();
    expect((await client.getJiraConnection()).site).toBe(SITE);
    expect(JSON.stringify([...__store.plain.values()])).not.toContain(STATIC_TOKEN);
    expect([...__store.secret.values()]).toEqual([STATIC_TOKEN]);
    // Forge Remote needs no token.
    await saveBackendConfig(config('forge-remote'));
    __store.secret.clear();
    expect((await (await loadBackend()).client.getJiraConnection()).via).toBe('forge-invocation-token');
  });
});
