import { coreServices, createBackendModule, createServiceFactory, type AuthService } from '@backstage/backend-plugin-api';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { itamAssetReadPermission, itamAssetUpdatePermission } from '@itam/common';
import request from 'supertest';
import { createItamAssetConditionalDecision, itamAssetConditions } from '../permissions/rules';
import { itamPlugin } from '../plugin';
import { asUser, itamTestDatabases, testCatalog } from './testBackend';

const databases = itamTestDatabases();

/** Sam may do everything; Jane reads what is not restricted or is hers, and edits what is hers. */
const policy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'itam-test-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy: extension }) {
        extension.setPolicy({
          async handle({ permission }, user) {
            const ref = (user?.credentials as { principal?: { userEntityRef?: string } } | undefined)?.principal?.userEntityRef;
            if (ref !== 'user:default/jane') return { result: AuthorizeResult.ALLOW };
            const claims = [ref];
            if (permission.name === itamAssetReadPermission.name) {
              return createItamAssetConditionalDecision(itamAssetReadPermission, {
                anyOf: [
                  { not: itamAssetConditions.hasClassification({ classifications: ['restricted'] }) },
                  itamAssetConditions.isOwner({ claims }),
                ],
              });
            }
            if (permission.name === itamAssetUpdatePermission.name) {
              return createItamAssetConditionalDecision(itamAssetUpdatePermission, itamAssetConditions.isOwner({ claims }));
            }
            return { result: AuthorizeResult.DENY };
          },
        });
      },
    });
  },
});

const SERVICE_TOKEN_PREFIX = 'mock-service-token:';

/**
 * The test backend's auth, except that a plugin calling on behalf of a user is that user with the
 * plugin as actor, as Backstage's own auth service makes it (the mock leaves the actor out, and
 * the permission backend refuses conditional questions from users without one).
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const base = mockServices.auth({ pluginId: plugin.getId() });
    return Object.assign(Object.create(base), {
      async authenticate(token: string, options?: { allowLimitedAccess?: boolean }) {
        const credentials = await base.authenticate(token, options);
        if (token.startsWith(SERVICE_TOKEN_PREFIX) && base.isPrincipal(credentials, 'user')) {
          const { sub, obo } = JSON.parse(token.slice(SERVICE_TOKEN_PREFIX.length));
          return mockCredentials.user(obo, { actor: { subject: sub } });
        }
        return credentials;
      },
    });
  },
});

/**
 * The itam-asset resource type through Backstage's own permission backend: the plugin's
 * conditional reads, and a frontend-style question about one asset (`resourceRef`), which the
 * permission backend answers by loading the asset from the plugin and applying the rules.
 */
describe('itam-asset conditions through the permission backend', () => {
  it('filters lists and answers questions about one asset', async () => {
    const knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        itamPlugin,
        import('@backstage/plugin-permission-backend'),
        policy,
        permissionsServiceFactory,
        authWithActors,
        httpAuthServiceFactory,
        mockServices.rootConfig.factory({ data: { permission: { enabled: true } } }),
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: testCatalog }),
      ],
    });
    try {
      const sam = asUser('user:default/sam');
      const jane = asUser('user:default/jane');
      const create = async (tag: string, fields: object) =>
        (await request(backend.server).post('/api/itam/assets').set('authorization', sam)
          .send({ tag, name: tag, assetClass: 'hardware', type: 'server', ...fields }).expect(201)).body.id as string;
      const mine = await create('PB-JANE', { owner: 'user:default/jane', dataClassification: 'restricted' });
      const theirs = await create('PB-SRE', { owner: 'group:default/sre', dataClassification: 'restricted' });
      await create('PB-OPEN', { owner: 'group:default/sre', dataClassification: 'internal' });

      const list = await request(backend.server).get('/api/itam/assets').set('authorization', jane).expect(200);
      expect(list.body.items.map((a: { tag: string }) => a.tag)).toEqual(['PB-JANE', 'PB-OPEN']);
      await request(backend.server).get(`/api/itam/assets/${theirs}`).set('authorization', jane).expect(404);

      const ask = async (resourceRef: string) =>
        (await request(backend.server).post('/api/permission/authorize').set('authorization', jane)
          .send({ items: [{ id: 'q', permission: itamAssetUpdatePermission, resourceRef }] }).expect(200)).body.items[0].result;
      expect(await ask(mine)).toBe(AuthorizeResult.ALLOW);
      expect(await ask(theirs)).toBe(AuthorizeResult.DENY);
    } finally {
      await backend.stop();
    }
  });
});
