import { NotFoundError } from '@backstage/errors';
import {
  allocateSeat,
  productFullName,
  checkAllocationCapacity,
  compileRecognition,
  entityRefSchema,
  releaseSeat,
  safeText,
  concurrentUsagePeakSchema,
  entitlementSchema,
  installationSchema,
  ItamRuleViolationError,
  itamAssetReadPermission,
  itamLicenceManagePermission,
  recognitionRuleSchema,
  softwareProductSchema,
  userAssignmentSchema,
  type Entitlement,
} from '@itam/common';
import type { AuditorServiceCreateEventOptions, BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { AnalyticsService } from '../analytics/AnalyticsService';
import { audited } from '../service/audit';
import type { RouteContext } from '../service/context';
import { ItamInputError } from '../service/errors';
import { decodePageCursor, encodePageCursor, pageQueryShape } from '../service/pagination';
import { commaSeparatedList, parseIfMatch, parseRequest } from '../service/validate';
import { assetLicenceStatuses } from './assetLicenceStatuses';
import type { LicenceStore, StoredEntitlement, StoredInstallation, StoredProduct } from './LicenceStore';

/** A product as the API takes it: the domain product plus its recognition rules. */
export const productBodySchema = softwareProductSchema.extend({
  recognition: z.array(recognitionRuleSchema).max(50, 'must have at most 50 rules').optional(),
});

const installationBodySchema = installationSchema.omit({ id: true });
const assignmentBodySchema = userAssignmentSchema.omit({ productId: true });
const peakBodySchema = concurrentUsagePeakSchema.omit({ productId: true });
const entitlementQuerySchema = z.object({ productId: z.string().min(1).optional() }).strict();
const installationQuerySchema = z
  .object({ assetId: z.string().min(1).optional(), productId: z.string().min(1).optional(), ...pageQueryShape(1000) })
  .strict();
/** Installations per page unless the caller asks for fewer or more (at most 1,000). */
const INSTALLATION_PAGE = 500;
/** Rows read per query while looking for a product's recognised installations. */
const INSTALLATION_SCAN_BATCH = 2000;
const installationCursorSchema = z.object({ i: z.number().int().min(0) });
/** The assets whose licence statuses a list asks for: ids, comma-separated, at most 200. */
const MAX_ASSET_LICENCES = 200;
const assetLicencesQuerySchema = z
  .object({
    assetId: commaSeparatedList(z.string().min(1).max(255), MAX_ASSET_LICENCES),
  })
  .strict();
// No options: the list is each product's figures; a product's harvest candidates and explanation
// are on its own route, so an old `explain=true` is refused rather than silently ignored.
const positionsQuerySchema = z.object({}).strict();
/** A seat's holder: a user (`jane` reads as `user:default/jane`) or a device (asset id or tag). */
const seatSchema = z
  .object({
    userRef: entityRefSchema(['user'], 'user').optional(),
    deviceId: safeText(z.string().trim().min(1).max(200)).optional(),
  })
  .strict()
  .refine(s => (s.userRef === undefined) !== (s.deviceId === undefined), {
    message: 'name exactly one of userRef or deviceId',
    path: ['userRef'],
  });

const sendVersioned = (res: Response, status: number, body: { revision: number }) =>
  res.status(status).setHeader('etag', `"${body.revision}"`).json(body);

/** The body with the id of the path, or the generated one; a different id in the body is a 400. */
function withId(body: unknown, id: string, fromPath: boolean): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const given = (body as { id?: unknown }).id;
  if (fromPath && given !== undefined && given !== id) {
    throw new ItamInputError(
      [{ path: 'id', message: `must be ${JSON.stringify(id)}, the id in the path, or absent` }],
      `Invalid request body: id must be ${JSON.stringify(id)}, the id in the path, or absent`,
    );
  }
  return fromPath ? { ...body, id } : { id, ...body };
}

/**
 * Software asset management: products with recognition rules, entitlements, installations,
 * user assignments, concurrent-use peaks, and the effective licence positions.
 */
export function registerLicenceRoutes(
  router: Router,
  ctx: RouteContext,
  licences: LicenceStore,
  analytics: AnalyticsService,
) {
  const requireProduct = async (id: string): Promise<StoredProduct> => {
    const product = await licences.getProduct(id);
    if (!product) throw new NotFoundError(`No software product ${id}`);
    return product;
  };
  const requireEntitlement = async (id: string): Promise<StoredEntitlement> => {
    const entitlement = await licences.getEntitlement(id);
    if (!entitlement) throw new NotFoundError(`No entitlement ${id}`);
    return entitlement;
  };
  /** A product named in a body: unknown is a 422 (the request is well-formed). */
  const referencedProduct = async (id: string, field: string): Promise<StoredProduct> => {
    const product = await licences.getProduct(id);
    if (!product) {
      throw new ItamRuleViolationError([
        { ruleId: 'licence-unknown-product', message: `${field}: no software product "${id}" exists` },
      ]);
    }
    return product;
  };
  /** Checks what an entitlement refers to and normalises allocated devices to asset ids. */
  const checkEntitlement = async (e: Entitlement, credentials: BackstageCredentials): Promise<Entitlement> => {
    await referencedProduct(e.productId, 'productId');
    if (e.allocations?.userRefs?.length) {
      await ctx.entityRefs.assertExist(e.allocations.userRefs, 'allocations.userRefs', credentials);
    }
    let checked = e;
    if (e.allocations?.deviceIds?.length) {
      const ids: string[] = [];
      const unknown: string[] = [];
      for (const idOrTag of e.allocations.deviceIds) {
        const asset = await ctx.store.getAsset(idOrTag);
        if (asset) ids.push(asset.id);
        else unknown.push(idOrTag);
      }
      if (unknown.length > 0) {
        throw new ItamRuleViolationError([
          {
            ruleId: 'licence-unknown-device',
            message: `allocations.deviceIds: no asset ${unknown.map(u => `"${u}"`).join(', ')} exists`,
          },
        ]);
      }
      if (new Set(ids).size !== ids.length) {
        throw new ItamInputError(
          [{ path: 'allocations.deviceIds', message: 'names one asset twice (by id and by tag)' }],
          'Invalid request body: allocations.deviceIds names one asset twice (by id and by tag)',
        );
      }
      checked = { ...e, allocations: { ...e.allocations, deviceIds: ids } };
    }
    const overAllocated = checkAllocationCapacity(checked);
    if (overAllocated.length > 0) throw new ItamRuleViolationError(overAllocated);
    return checked;
  };
  /** The seat's holder with a device named by tag resolved to its asset id (422 if unknown). */
  const seatHolder = async (seat: z.output<typeof seatSchema>) => {
    if (seat.userRef !== undefined) return { userRef: seat.userRef };
    const asset = await ctx.store.getAsset(seat.deviceId!);
    if (!asset) {
      throw new ItamRuleViolationError([
        { ruleId: 'licence-unknown-device', field: 'deviceId', message: `deviceId: no asset "${seat.deviceId}" exists` },
      ]);
    }
    return { deviceId: asset.id };
  };
  const changed = <T>(work: () => Promise<T>) => async () => {
    const result = await work();
    await analytics.invalidateLicencePositions();
    return result;
  };
  const writeEvent = (req: Request, eventId: string, meta: NonNullable<AuditorServiceCreateEventOptions['meta']>) => ({
    eventId,
    severityLevel: 'medium' as const,
    request: req,
    meta,
  });

  router.get('/products', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    res.json({ items: await licences.listProducts() });
  });

  router.post('/products', async (req, res) => {
    const credentials = await ctx.authorize(req, itamLicenceManagePermission);
    const product = parseRequest(productBodySchema, withId(req.body, ctx.newId(), false));
    const created = await audited(
      ctx.auditor,
      writeEvent(req, 'licence-product-mutate', { action: 'create', productId: product.id }),
      changed(() => licences.createProduct(product, { actor: ctx.actor(credentials), at: ctx.now() })),
    );
    sendVersioned(res, 201, created);
  });

  router.get('/products/:id', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    sendVersioned(res, 200, await requireProduct(req.params.id));
  });

  router.put('/products/:id', async (req, res) => {
    const credentials = await ctx.authorize(req, itamLicenceManagePermission);
    const revision = parseIfMatch(req.header('if-match'));
    const product = parseRequest(productBodySchema, withId(req.body, req.params.id, true));
    const updated = await audited(
      ctx.auditor,
      writeEvent(req, 'licence-product-mutate', { action: 'update', productId: product.id, revision }),
      changed(() => licences.updateProduct(product, revision, { actor: ctx.actor(credentials), at: ctx.now() })),
    );
    sendVersioned(res, 200, updated);
  });

  router.get('/entitlements', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    const query = parseRequest(entitlementQuerySchema, req.query, 'query');
    res.json({ items: await licences.listEntitlements(query) });
  });

  router.post('/entitlements', async (req, res) => {
    const credentials = await ctx.authorize(req, itamLicenceManagePermission);
    const input = parseRequest(entitlementSchema, withId(req.body, ctx.newId(), false));
    const created = await audited(
      ctx.auditor,
      writeEvent(req, 'licence-entitlement-mutate', { action: 'create', entitlementId: input.id, productId: input.productId }),
      changed(async () =>
        licences.createEntitlement(await checkEntitlement(input, credentials), { actor: ctx.actor(credentials), at: ctx.now() }),
      ),
    );
    sendVersioned(res, 201, created);
  });

  router.get('/entitlements/:id', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    sendVersioned(res, 200, await requireEntitlement(req.params.id));
  });

  router.put('/entitlements/:id', async (req, res) => {
    const credentials = await ctx.authorize(req, itamLicenceManagePermission);
    const revision = parseIfMatch(req.header('if-match'));
    const input = parseRequest(entitlementSchema, withId(req.body, req.params.id, true));
    const updated = await audited(
      ctx.auditor,
      writeEvent(req, 'licence-entitlement-mutate', { action: 'update', entitlementId: input.id, revision }),
      changed(async () => {
        await requireEntitlement(input.id);
        return licences.updateEntitlement(await checkEntitlement(input, credentials), revision, {
          actor: ctx.actor(credentials),
          at: ctx.now(),
        });
      }),
    );
    sendVersioned(res, 200, updated);
  });

  router.delete('/entitlements/:id', async (req, res) => {
    await ctx.authorize(req, itamLicenceManagePermission);
    await audited(
      ctx.auditor,
      writeEvent(req, 'licence-entitlement-mutate', { action: 'delete', entitlementId: req.params.id }),
      changed(async () => {
        if (!(await licences.deleteEntitlement(req.params.id))) throw new NotFoundError(`No entitlement ${req.params.id}`);
      }),
    );
    res.status(204).end();
  });

  // Seats: one allocation at a time, without If-Match: each request re-reads the entitlement
  // under a lock, so fifty people taking the last seats at once never allocate more than it has.
  router.post('/entitlements/:id/allocations', async (req, res) => {
    const credentials = await ctx.authorize(req, itamLicenceManagePermission);
    const seat = parseRequest(seatSchema, req.body);
    const result = await audited(
      ctx.auditor,
      writeEvent(req, 'licence-entitlement-mutate', { action: 'allocate', entitlementId: req.params.id, ...seat }),
      changed(async () => {
        await requireEntitlement(req.params.id);
        if (seat.userRef !== undefined) await ctx.entityRefs.assertExist([seat.userRef], 'userRef', credentials);
        const holder = await seatHolder(seat);
        return licences.changeEntitlement(req.params.id, current => allocateSeat(current, holder), {
          actor: ctx.actor(credentials),
          at: ctx.now(),
        });
      }),
    );
    sendVersioned(res, result.changed ? 201 : 200, result.entitlement);
  });

  router.delete('/entitlements/:id/allocations', async (req, res) => {
    const credentials = await ctx.authorize(req, itamLicenceManagePermission);
    const seat = parseRequest(seatSchema, req.query, 'query');
    await audited(
      ctx.auditor,
      writeEvent(req, 'licence-entitlement-mutate', { action: 'release', entitlementId: req.params.id, ...seat }),
      changed(async () => {
        await requireEntitlement(req.params.id);
        const holder = seat.userRef !== undefined ? { userRef: seat.userRef } : { deviceId: (await ctx.store.getAsset(seat.deviceId!))?.id ?? seat.deviceId! };
        const { changed: released } = await licences.changeEntitlement(req.params.id, current => releaseSeat(current, holder), {
          actor: ctx.actor(credentials),
          at: ctx.now(),
        });
        if (!released) throw new NotFoundError(`${seat.userRef ?? seat.deviceId} holds no seat of entitlement ${req.params.id}`);
      }),
    );
    res.status(204).end();
  });

  router.get('/installations', async (req, res) => {
    const { criteria } = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const query = parseRequest(installationQuerySchema, req.query, 'query');
    const limit = query.limit ?? INSTALLATION_PAGE;
    let afterId = query.cursor ? decodePageCursor(query.cursor, installationCursorSchema).i : undefined;
    let assetId: string | undefined;
    if (query.assetId !== undefined) {
      const asset = await ctx.store.getAsset(query.assetId);
      if (!asset) {
        res.json({ items: [] });
        return;
      }
      assetId = asset.id;
    }
    // Each installation with the product it counts for: its own, or the one recognition names.
    // The products' rules are read only when a page holds an installation without a product (5k
    // products read and compiled per page made a product's installations 0.3 s a page).
    let recognise: ((i: StoredInstallation) => string | undefined) | undefined;
    const recogniser = async () => (recognise ??= compileRecognition(await licences.listProducts()));
    const withProduct = async (i: StoredInstallation) => ({
      ...i,
      matchedProductId: i.productId ?? (await recogniser())(i) ?? null,
    });
    const filter = {
      ...(assetId !== undefined ? { assetId } : {}),
      ...(query.productId !== undefined ? { productIdOrNull: query.productId } : {}),
      ...(criteria ? { visible: criteria } : {}),
    };
    // Unrecognised installations count for a product only when recognition says so, which SQL
    // cannot: read in id order, batch after batch, until the page is full or the rows run out.
    const items: Awaited<ReturnType<typeof withProduct>>[] = [];
    let more = true;
    while (items.length <= limit && more) {
      const batchSize = query.productId === undefined ? limit + 1 : INSTALLATION_SCAN_BATCH;
      const batch = await licences.listInstallationBatch({ ...filter, limit: batchSize, ...(afterId !== undefined ? { afterId } : {}) });
      more = batch.length === batchSize;
      for (const installation of batch) {
        afterId = Number(installation.id);
        const listed = await withProduct(installation);
        if (query.productId !== undefined && listed.matchedProductId !== query.productId) continue;
        items.push(listed);
        if (items.length > limit) break;
      }
    }
    const page = items.slice(0, limit);
    const last = page.at(-1);
    res.json({ items: page, ...(items.length > limit && last ? { nextCursor: encodePageCursor({ i: Number(last.id) }) } : {}) });
  });

  router.post('/installations', async (req, res) => {
    const credentials = await ctx.authorize(req, itamLicenceManagePermission);
    const input = parseRequest(installationBodySchema, req.body);
    const created = await audited(
      ctx.auditor,
      writeEvent(req, 'licence-installation-mutate', { action: 'create', deviceId: input.deviceId, productId: input.productId }),
      changed(async () => {
        const product = await referencedProduct(input.productId, 'productId');
        const asset = await ctx.store.getAsset(input.deviceId);
        if (!asset) {
          throw new ItamRuleViolationError([
            { ruleId: 'licence-unknown-device', message: `deviceId: no asset "${input.deviceId}" exists` },
          ]);
        }
        return licences.createInstallation(
          {
            assetId: asset.id,
            productId: product.id,
            productName: productFullName(product),
            ...(input.version !== undefined ? { version: input.version } : {}),
            ...(input.lastUsed !== undefined ? { lastUsed: input.lastUsed } : {}),
          },
          { actor: ctx.actor(credentials), at: ctx.now() },
        );
      }),
    );
    res.status(201).json({ ...created, matchedProductId: created.productId });
  });

  router.delete('/installations/:id', async (req, res) => {
    await ctx.authorize(req, itamLicenceManagePermission);
    await audited(
      ctx.auditor,
      writeEvent(req, 'licence-installation-mutate', { action: 'delete', installationId: req.params.id }),
      changed(async () => {
        if (!(await licences.deleteInstallation(req.params.id))) {
          throw new NotFoundError(`No installation ${req.params.id}`);
        }
      }),
    );
    res.status(204).end();
  });

  router.post('/products/:id/assignments', async (req, res) => {
    const credentials = await ctx.authorize(req, itamLicenceManagePermission);
    const { userRef } = parseRequest(assignmentBodySchema, req.body);
    const product = await requireProduct(req.params.id);
    const added = await audited(
      ctx.auditor,
      writeEvent(req, 'licence-assignment-mutate', { action: 'assign', productId: product.id, userRef }),
      changed(async () => {
        await ctx.entityRefs.assertExist([userRef], 'userRef', credentials);
        return licences.addAssignment({ productId: product.id, userRef }, { actor: ctx.actor(credentials), at: ctx.now() });
      }),
    );
    res.status(added ? 201 : 200).json({ productId: product.id, userRef });
  });

  router.delete('/products/:id/assignments', async (req, res) => {
    await ctx.authorize(req, itamLicenceManagePermission);
    const { userRef } = parseRequest(assignmentBodySchema, req.query, 'query');
    const product = await requireProduct(req.params.id);
    await audited(
      ctx.auditor,
      writeEvent(req, 'licence-assignment-mutate', { action: 'unassign', productId: product.id, userRef }),
      changed(async () => {
        if (!(await licences.removeAssignment({ productId: product.id, userRef }))) {
          throw new NotFoundError(`${userRef} has no assignment of ${product.id}`);
        }
      }),
    );
    res.status(204).end();
  });

  router.post('/products/:id/concurrent-peaks', async (req, res) => {
    const credentials = await ctx.authorize(req, itamLicenceManagePermission);
    const peak = parseRequest(peakBodySchema, req.body);
    const product = await requireProduct(req.params.id);
    const recorded = { productId: product.id, ...peak };
    await audited(
      ctx.auditor,
      writeEvent(req, 'licence-peak-record', { productId: product.id, peak: peak.peak, observedAt: peak.observedAt }),
      changed(() => licences.addPeak(recorded, { actor: ctx.actor(credentials), at: ctx.now() })),
    );
    res.status(201).json(recorded);
  });

  // The licence status of each asset of a list (an entity's, a ticket's) from the stored
  // positions, so neither UI fetches every product's position and each asset's installations.
  router.get('/asset-licences', async (req, res) => {
    const { criteria } = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const { assetId } = parseRequest(assetLicencesQuerySchema, req.query, 'query');
    const known = new Set((await ctx.store.findAssetIds(assetId)).values());
    const visible = criteria ? await ctx.store.visibleAssetIds([...known], criteria) : known;
    const ids = assetId.filter(id => known.has(id) && visible.has(id));
    const { computedAt, byAsset } = await assetLicenceStatuses({ licences, analytics }, ids, !criteria);
    res.json({ computedAt: computedAt ?? (await analytics.licencePositions()).computedAt, items: ids.map(id => byAsset.get(id)!) });
  });

  router.get('/licences/positions', async (req, res) => {
    await ctx.authorizeEstateWide(req, itamAssetReadPermission, 'The licence position report');
    parseRequest(positionsQuerySchema, req.query, 'query');
    const positions = await analytics.licencePositions();
    res.json({ computedAt: positions.computedAt, ...positions.header, products: await positions.products() });
  });

  router.get('/licences/positions/:productId', async (req, res) => {
    await ctx.authorizeEstateWide(req, itamAssetReadPermission, 'A licence position');
    await requireProduct(req.params.productId);
    const position = await analytics.explainedLicencePosition(req.params.productId);
    if (!position) throw new NotFoundError(`No licence position for ${req.params.productId}`);
    res.json(position);
  });
}
