import { mockServices } from '@backstage/backend-test-utils';
import express, { type Router } from 'express';
import request from 'supertest';
import type { Knex } from 'knex';
import type { AnalyticsService } from '../analytics/AnalyticsService';
import type { AuditStore } from '../audits/AuditStore';
import type { AssetStore } from '../database/AssetStore';
import type { LicenceStore } from '../licences/LicenceStore';
import { itamOpenApiSpec } from './openapi';
import { createRouter } from './router';

/** The routes an express router serves, as `METHOD /path/{param}`. */
function servedRoutes(router: Router): string[] {
  const routes: string[] = [];
  for (const layer of (router as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] }).stack) {
    // Path-wide layers (`router.all`) are the per-path validators, not routes.
    if (!layer.route || layer.route.methods._all) continue;
    const path = layer.route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    for (const method of Object.keys(layer.route.methods)) routes.push(`${method.toUpperCase()} ${path}`);
  }
  return routes.sort();
}

function documentedRoutes(): string[] {
  return Object.entries(itamOpenApiSpec.paths)
    .flatMap(([path, item]) => Object.keys(item).map(method => `${method.toUpperCase()} ${path}`))
    .sort();
}

const routerOf = () =>
  createRouter({
    store: {} as AssetStore,
    database: {} as Knex,
    audits: {} as AuditStore,
    analytics: {} as AnalyticsService,
    licences: {} as LicenceStore,
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    auditor: mockServices.auditor.mock(),
    logger: mockServices.logger.mock(),
    entityRefs: { assertExist: async () => undefined },
  });

describe('OpenAPI document', () => {
  it('lists exactly the routes the router serves', async () => {
    const router = await routerOf();
    // The router adds GET /openapi.json itself.
    expect(servedRoutes(router).filter(r => r !== 'GET /openapi.json')).toEqual(documentedRoutes());
  });

  it("passes the validator's own check of the document, and is served whole", async () => {
    // The per-path validators skip that check; the validator behind /openapi.json makes it, and
    // answers every request with its error when the document is not valid OpenAPI.
    const app = express().use(await routerOf());
    const served = await request(app).get('/openapi.json').expect(200);
    expect(Object.keys(served.body.paths).sort()).toEqual(Object.keys(itamOpenApiSpec.paths).sort());
  });

  it('is OpenAPI 3.1 with an operation id on every operation', () => {
    expect(itamOpenApiSpec.openapi).toBe('3.1.0');
    for (const item of Object.values(itamOpenApiSpec.paths)) {
      for (const operation of Object.values(item)) {
        expect((operation as { operationId?: string }).operationId).toMatch(/^[a-z][A-Za-z]+$/);
      }
    }
  });
});
