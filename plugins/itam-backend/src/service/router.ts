import express, { type Router } from 'express';
import { registerAnalyticsRoutes } from '../analytics/analyticsRoutes';
import { registerAuditRoutes } from '../audits/auditRoutes';
import { KnexHardwareModelStore } from '../hardwareModels/HardwareModelStore';
import { registerHardwareModelRoutes } from '../hardwareModels/hardwareModelRoutes';
import { registerImportRoutes } from '../imports/importRoutes';
import { KnexJiraLinkStore } from '../jira/KnexJiraLinkStore';
import { registerJiraRoutes } from '../jira/jiraRoutes';
import { registerLicenceRoutes } from '../licences/licenceRoutes';
import { registerAssetRoutes } from './assetRoutes';
import { RouteContext, type RouterOptions } from './context';
import { createItamErrorHandler } from './errors';
import { registerLinkRoutes } from './linkRoutes';
import { itamOpenApiSpec } from './openapi';
import { pathParamNames, refuseUnsafePathParam, refuseUnsafeRequestText } from './textGuard';
import { createPathValidatedRouter } from './validatedRouter';

export type { RouterOptions } from './context';

/**
 * Builds the ITAM API router: validated against the OpenAPI document, every route behind a
 * permission check, every write audited.
 *
 * @public
 */
export async function createRouter(options: RouterOptions): Promise<Router> {
  const router = createPathValidatedRouter(itamOpenApiSpec, {
    // Imports stream their body themselves (files may be far larger than any JSON request).
    middleware: [
      express.json({
        limit: '1mb',
        type: req => !req.url?.startsWith('/imports') && /\bjson\b/i.test(req.headers['content-type'] ?? ''),
      }),
      refuseUnsafeRequestText,
    ],
    validateResponses: options.validateResponses ?? false,
  });
  for (const name of pathParamNames(itamOpenApiSpec)) router.param(name, refuseUnsafePathParam(name));
  const ctx = new RouteContext(options);

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  registerAssetRoutes(router, ctx);
  const licenceSources = { licences: options.licences, analytics: options.analytics };
  registerLinkRoutes(router, ctx, licenceSources);
  registerAuditRoutes(router, ctx, options.audits, options.analytics);
  registerAnalyticsRoutes(router, ctx, options.analytics);
  registerImportRoutes(router, ctx, options.database, options.analytics);
  registerLicenceRoutes(router, ctx, options.licences, options.analytics);
  registerJiraRoutes(router, ctx, KnexJiraLinkStore.create(options.database), licenceSources);
  registerHardwareModelRoutes(router, ctx, KnexHardwareModelStore.create(options.database));
  router.use(createItamErrorHandler(options.logger));
  return router;
}
