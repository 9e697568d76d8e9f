import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { itamAssetCreatePermission, itamAssetReadPermission } from '@itam/common';
import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { itamPlugin } from '../plugin';
import { itamTestDatabases, testCatalog } from '../tests/testBackend';
import { itamForgeTokenHandler } from './forgeTokenHandler';

const APP_ID = 'ari:cloud:ecosystem::app/4b7a1f2e-0c3d-4e5f-8a9b-0c1d2e3f4a5b';
const SITE_A = 'acme.atlassian.net';
const SITE_B = 'globex.atlassian.net';
const SEEDER = 'seeder-token-0123456789';
const JIRA_STATIC = 'jira-static-token-0123456789';
const UNLISTED = 'unlisted-token-0123456789';
const READ_ONLY = 'read-only-token-0123456789';
const PLUGIN_ONLY = 'plugin-only-token-0123456789';

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;

/** Atlassian's key set, played by a local HTTP server serving a generated RS256 public key. */
async function serveJwks(jwk: JWK): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`, server };
}

/** A Forge invocation token as Forge Remote sends it (claims per Atlassian's FIT format). */
function fit(
  keys: Keys,
  options: { site?: string; accountId?: string; audience?: string; expiresIn?: string | number; issuer?: string } = {},
) {
  const site = options.site ?? SITE_A;
  return new SignJWT({
    app: { id: APP_ID, installationId: 'ari:cloud:ecosystem::installation/1', apiBaseUrl: `https://api.atlassian.com/ex/jira/cloud-${site.split('.')[0]}` },
    context: { cloudId: `cloud-${site.split('.')[0]}`, siteUrl: `https://${site}`, moduleKey: 'itam-incident-panel' },
    ...(options.accountId === '' ? {} : { principal: options.accountId ?? '557058:agent-1' }),
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'forge-1' })
    .setIssuer(options.issuer ?? 'forge/invocation-token')
    .setAudience(options.audience ?? APP_ID)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(keys.privateKey);
}

/** A plugin that asks the permissions service about one permission, to see who constrains what. */
const probePlugin = createBackendPlugin({
  pluginId: 'probe',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter, httpAuth: coreServices.httpAuth, permissions: coreServices.permissions },
      async init({ httpRouter, httpAuth, permissions }) {
        const router = express.Router();
        router.get('/can/:permission', async (req, res) => {
          const credentials = await httpAuth.credentials(req);
          // Read is a resource permission (on one asset), create a basic one.
          const [decision] =
            req.params.permission === 'create'
              ? await permissions.authorize([{ permission: itamAssetCreatePermission }], { credentials })
              : await permissions.authorize([{ permission: itamAssetReadPermission, resourceRef: 'any-asset' }], { credentials });
          res.json({ result: decision.result });
        });
        httpRouter.use(router);
      },
    });
  },
});

const databases = itamTestDatabases();

describe.each(databases.eachSupportedId())('Jira callers on %s', databaseId => {
  let keys: Keys;
  let forger: Keys;
  let jwks: { url: string; server: Server };
  let server: Server;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    forger = await generateKeyPair('RS256');
    jwks = await serveJwks({ ...(await exportJWK(keys.publicKey)), kid: 'forge-1', alg: 'RS256', use: 'sig' });
    const knex = await databases.init(databaseId);
    const backend = await startTestBackend({
      features: [
        itamPlugin,
        itamForgeTokenHandler,
        authServiceFactory,
        httpAuthServiceFactory,
        permissionsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              auth: {
                externalAccess: [
                  { type: 'forge', options: { appId: APP_ID, sites: [SITE_A, SITE_B], jwksUrl: jwks.url } },
                  { type: 'static', options: { token: SEEDER, subject: 'seeder' } },
                  { type: 'static', options: { token: JIRA_STATIC, subject: 'jira-acme' } },
                  { type: 'static', options: { token: UNLISTED, subject: 'reporting' } },
                  {
                    type: 'static',
                    options: { token: READ_ONLY, subject: 'kpi-reader' },
                    accessRestrictions: [{ plugin: 'itam', permission: ['itam.asset.read'] }],
                  },
                  {
                    type: 'static',
                    options: { token: PLUGIN_ONLY, subject: 'plugin-only' },
                    accessRestrictions: [{ plugin: 'itam' }],
                  },
                ],
              },
            },
            itam: {
              serviceAccess: {
                seeder: { permissions: ['itam.asset.read', 'itam.asset.create', 'itam.asset.update'] },
                'jira-acme': { permissions: ['itam.asset.read', 'itam.ticket.link'], jiraSite: SITE_A },
              },
            },
          },
        }),
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: testCatalog }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });
  afterAll(async () => {
    await stop?.();
    await new Promise(resolve => jwks?.server.close(resolve));
  });

  const api = () => request(server);
  const bearer = (token: string) => `Bearer ${token}`;
  const createAsset = async (tag: string) =>
    (
      await api()
        .post('/api/itam/assets')
        .set('authorization', bearer(SEEDER))
        .send({ tag, name: tag, assetClass: 'hardware', type: 'laptop' })
        .expect(201)
    ).body as { id: string };
  const details = (issueKey: string) => ({ issueKey, ticketType: 'incident', summary: 'Disk full', status: 'Open' });

  describe('the Forge invocation token handler', () => {
    it('accepts a valid token and takes the site and user from it', async () => {
      const res = await api().get('/api/itam/jira/connection').set('authorization', bearer(await fit(keys))).expect(200);
      expect(res.body).toEqual({
        site: SITE_A,
        actor: `jira:${SITE_A}/557058:agent-1`,
        via: 'forge-invocation-token',
        permissions: ['itam.asset.read', 'itam.ticket.link'],
      });
    });

    it('refuses (401) a forged signature, a wrong audience, an expired or a missing token, another issuer or an unlisted site', async () => {
      const refused = [
        await fit(forger),
        await fit(keys, { audience: 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000' }),
        await fit(keys, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
        await fit(keys, { issuer: 'someone/else' }),
        await fit(keys, { site: 'initech.atlassian.net' }),
      ];
      for (const token of refused) {
        await api().get('/api/itam/jira/connection').set('authorization', bearer(token)).expect(401);
      }
      await api().get('/api/itam/jira/connection').expect(401);
      await api().get('/api/itam/assets').expect(401);
    });

    it('records the Jira user who linked an asset as the actor', async () => {
      const asset = await createAsset('LAP-ACTOR');
      const token = await fit(keys, { accountId: '557058:agent-7' });
      await api().put(`/api/itam/jira/issues/20001/assets/${asset.id}`).set('authorization', bearer(token)).send(details('OPS-1')).expect(201);
      await api().put(`/api/itam/jira/issues/20001/assets/${asset.id}`).set('authorization', bearer(token)).send(details('OPS-1')).expect(200);
      const tickets = await api().get(`/api/itam/assets/${asset.id}/tickets`).set('authorization', bearer(token)).expect(200);
      expect(tickets.body.items).toEqual([
        expect.objectContaining({ site: SITE_A, issueId: '20001', issueKey: 'OPS-1', createdBy: `jira:${SITE_A}/557058:agent-7` }),
      ]);
    });
  });

  describe('sites', () => {
    it("a token for site A cannot see or change site B's links", async () => {
      const asset = await createAsset('LAP-SITES');
      const siteA = bearer(await fit(keys));
      const siteB = bearer(await fit(keys, { site: SITE_B }));
      await api().put(`/api/itam/jira/issues/30001/assets/${asset.id}`).set('authorization', siteA).send(details('OPS-2')).expect(201);

      // Site B has its own issue 30001, unrelated: it sees no links and cannot remove A's.
      const seenByB = await api().get('/api/itam/jira/issues/30001/assets').set('authorization', siteB).expect(200);
      expect(seenByB.body.items).toEqual([]);
      await api().delete(`/api/itam/jira/issues/30001/assets/${asset.id}`).set('authorization', siteB).expect(404);
      await api().delete('/api/itam/jira/issues/30001/assets').set('authorization', siteB).expect(200, { removed: 0 });
      // Nor through the site-keyed routes, nor in an asset's ticket history.
      await api().get(`/api/itam/tickets/${SITE_A}/OPS-2/assets`).set('authorization', siteB).expect(403);
      const history = await api().get(`/api/itam/assets/${asset.id}/tickets`).set('authorization', siteB).expect(200);
      expect(history.body.items).toEqual([]);

      const seenByA = await api().get('/api/itam/jira/issues/30001/assets').set('authorization', siteA).expect(200);
      expect(seenByA.body.items.map((i: { asset: { tag: string } }) => i.asset.tag)).toEqual(['LAP-SITES']);
    });

    it('binds a static token to the site configured for it', async () => {
      const asset = await createAsset('LAP-STATIC');
      const res = await api().get('/api/itam/jira/connection').set('authorization', bearer(JIRA_STATIC)).expect(200);
      expect(res.body).toMatchObject({ site: SITE_A, via: 'static-token', actor: 'jira-acme' });
      await api().put(`/api/itam/jira/issues/40001/assets/${asset.id}`).set('authorization', bearer(JIRA_STATIC)).send(details('OPS-4')).expect(201);
      await api().get(`/api/itam/tickets/${SITE_B}/OPS-4/assets`).set('authorization', bearer(JIRA_STATIC)).expect(403);
      await api().get(`/api/itam/tickets/${SITE_A}/OPS-4/assets`).set('authorization', bearer(JIRA_STATIC)).expect(200);
      const viaFit = await api().get('/api/itam/jira/issues/40001/assets').set('authorization', bearer(await fit(keys))).expect(200);
      expect(viaFit.body.items).toHaveLength(1);
    });
  });

  describe('links by issue id', () => {
    it('keep an issue whose key changed (a move or a project key rename)', async () => {
      const asset = await createAsset('LAP-MOVE');
      const token = bearer(await fit(keys));
      await api().put(`/api/itam/jira/issues/50001/assets/${asset.id}`).set('authorization', token).send(details('OPS-5')).expect(201);
      const moved = await api()
        .put('/api/itam/jira/issues/50001')
        .set('authorization', token)
        .send({ issueKey: 'SUP-12', summary: 'Disk full (moved)', status: 'Triage' })
        .expect(200);
      expect(moved.body.items).toEqual([
        expect.objectContaining({
          asset: expect.objectContaining({ tag: 'LAP-MOVE' }),
          link: expect.objectContaining({ issueId: '50001', issueKey: 'SUP-12', summary: 'Disk full (moved)', ticketType: 'incident' }),
          entities: [],
        }),
      ]);
      const byId = await api().get('/api/itam/jira/issues/50001/assets').set('authorization', token).expect(200);
      expect(byId.body.items[0].link.issueKey).toBe('SUP-12');
    });

    it('find and adopt links made by key before ids were kept', async () => {
      const asset = await createAsset('LAP-LEGACY');
      await api()
        .post(`/api/itam/assets/${asset.id}/tickets`)
        .set('authorization', bearer(SEEDER))
        .send({ site: SITE_A, issueKey: 'OPS-9', ticketType: 'change' })
        .expect(201);
      const token = bearer(await fit(keys));
      const byKey = await api().get('/api/itam/jira/issues/60009/assets?issueKey=OPS-9').set('authorization', token).expect(200);
      expect(byKey.body.items.map((i: { link: { issueKey: string } }) => i.link.issueKey)).toEqual(['OPS-9']);
      await api().put('/api/itam/jira/issues/60009').set('authorization', token).send({ issueKey: 'OPS-9' }).expect(200);
      await api().put('/api/itam/jira/issues/60009').set('authorization', token).send({ issueKey: 'CHG-1' }).expect(200);
      const adopted = await api().get('/api/itam/jira/issues/60009/assets').set('authorization', token).expect(200);
      expect(adopted.body.items.map((i: { link: object }) => i.link)).toEqual([
        expect.objectContaining({ issueId: '60009', issueKey: 'CHG-1', ticketType: 'change', createdBy: 'seeder' }),
      ]);
    });

    it('answer 400 naming the field for a key where an id belongs', async () => {
      const res = await api().get('/api/itam/jira/issues/OPS-1/assets').set('authorization', bearer(await fit(keys))).expect(400);
      expect(res.body.error.message).toMatch(/issueId/);
    });
  });

  describe('least privilege', () => {
    it('a Jira caller gets 403 on imports, asset creation, licences and audits', async () => {
      for (const token of [await fit(keys), JIRA_STATIC]) {
        const auth = bearer(token);
        await api().post('/api/itam/assets').set('authorization', auth).send({ tag: 'X-1', name: 'x', assetClass: 'hardware', type: 'laptop' }).expect(403);
        await api().post('/api/itam/imports?format=itam-json').set('authorization', auth).set('content-type', 'application/json').send('[]').expect(403);
        await api().post('/api/itam/products').set('authorization', auth).send({ publisher: 'Acme', name: 'Tool', underManagement: true }).expect(403);
        await api().post('/api/itam/audits').set('authorization', auth).send({ name: 'sneaky' }).expect(403);
        await api().get('/api/itam/assets').set('authorization', auth).expect(200);
      }
    });

    it('refuses a service caller that is not configured for the ITAM API', async () => {
      const res = await api().get('/api/itam/assets').set('authorization', bearer(UNLISTED)).expect(403);
      expect(res.body.error.message).toMatch(/itam\.serviceAccess/);
      // accessRestrictions naming only the plugin do not say what the caller may do: refused too.
      await api().get('/api/itam/assets').set('authorization', bearer(PLUGIN_ONLY)).expect(403);
      // Explicit permission names are honoured, and only those.
      await api().get('/api/itam/assets').set('authorization', bearer(READ_ONLY)).expect(200);
      await api().post('/api/itam/assets').set('authorization', bearer(READ_ONLY)).send({ tag: 'X-2', name: 'x', assetClass: 'hardware', type: 'laptop' }).expect(403);
      // Only Jira callers use the Jira routes.
      await api().get('/api/itam/jira/connection').set('authorization', bearer(SEEDER)).expect(403);
    });

  });
});

// Which mechanism constrains a service principal in this Backstage release: the permissions
// service decides for service principals from their accessRestrictions alone.
describe("Backstage's permissions service and service principals", () => {
  let server: Server;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    // A database TestDatabases closes after the file (the default mock's would stay open).
    const knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        probePlugin,
        authServiceFactory,
        httpAuthServiceFactory,
        permissionsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: { token: READ_ONLY, subject: 'kpi-reader' },
                    accessRestrictions: [{ plugin: 'probe', permission: ['itam.asset.read'] }],
                  },
                  { type: 'static', options: { token: PLUGIN_ONLY, subject: 'plugin-only' }, accessRestrictions: [{ plugin: 'probe' }] },
                ],
              },
            },
          },
        }),
        mockServices.database.factory({ knex }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });
  afterAll(() => stop?.());

  it('constrain a service principal only by permission names in accessRestrictions', async () => {
    const can = async (token: string, permission: 'read' | 'create') =>
      (await request(server).get(`/api/probe/can/${permission}`).set('authorization', `Bearer ${token}`).expect(200)).body.result;
    expect(await can(READ_ONLY, 'read')).toBe('ALLOW');
    expect(await can(READ_ONLY, 'create')).toBe('DENY');
    // A plugin-only restriction leaves every permission allowed: the policy is never asked for
    // service principals, which is why the ITAM plugin refuses such callers itself.
    expect(await can(PLUGIN_ONLY, 'create')).toBe('ALLOW');
  });
});
