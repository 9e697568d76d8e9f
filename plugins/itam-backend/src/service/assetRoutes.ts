import {
  assetPatchSchema,
  createAsset,
  itamAssetCreatePermission,
  itamAssetReadPermission,
  itamAssetUpdatePermission,
  newAssetSchema,
  transitionAsset,
  transitionOptions,
  updateAsset,
  type Asset,
  type AssetListQuery,
  sanitisationSchema,
  LIFECYCLE_STAGES,
  ASSET_CLASSES,
  safeText,
  MAX_ASSET_IDS_PER_LIST,
} from '@itam/common';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Response, Router } from 'express';
import { z } from 'zod';
import { audited } from './audit';
import type { RouteContext } from './context';
import { writeAssetsCsv } from './csvExport';
import { sendJsonItems } from './jsonText';
import { decodePageCursor, encodePageCursor, pageQueryShape } from './pagination';
import { commaSeparatedList, parseIfMatch, parseRequest } from './validate';

const filterSchema = z
  .object({
    assetClass: z.enum(ASSET_CLASSES).optional(),
    type: z.string().min(1).optional(),
    lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
    owner: z.string().min(1).optional(),
    entityRef: z.string().min(1).optional(),
    q: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

const listQuerySchema = filterSchema
  .extend({
    // Comma-separated, as the client joins an array.
    id: commaSeparatedList(z.string().min(1).max(255), MAX_ASSET_IDS_PER_LIST).optional(),
    include: z.literal('entityLinks').optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    cursor: z.string().min(1).optional(),
  })
  .strict();

/** History events per page unless the caller asks for fewer or more (at most 1,000). */
const HISTORY_PAGE = 200;
const historyQuerySchema = z.object(pageQueryShape(1000)).strict();
const historyCursorSchema = z.object({ v: z.number().int().min(0) });

const transitionSchema = z
  .object({
    to: z.enum(LIFECYCLE_STAGES),
    reason: safeText(z.string().max(2000)).optional(),
    sanitisation: sanitisationSchema.optional(),
  })
  .strict();

/** Sends an asset with its version as the ETag, for the next If-Match. */
export function sendAsset(res: Response, asset: Asset, status = 200) {
  res.status(status).setHeader('etag', `"${asset.version}"`).json(asset);
}

/** Owner and custodian must be catalogue users or groups that exist, as the caller sees the catalogue. */
async function assertOwnersExist(
  ctx: RouteContext,
  fields: { owner?: string | null; custodian?: string | null },
  credentials: BackstageCredentials,
) {
  if (fields.owner) await ctx.entityRefs.assertExist([fields.owner], 'owner', credentials);
  if (fields.custodian) await ctx.entityRefs.assertExist([fields.custodian], 'custodian', credentials);
}

/** Register routes: list, export, read, create, update, lifecycle, history. */
export function registerAssetRoutes(router: Router, ctx: RouteContext) {
  router.get('/assets', async (req, res) => {
    const { criteria } = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const { include, ...query }: AssetListQuery = parseRequest(listQuerySchema, req.query, 'query');
    if (include === 'entityLinks') {
      const page = await ctx.store.listAssets(query, criteria);
      const links = await ctx.store.listEntityLinksOf(page.items.map(a => a.id));
      res.json({ ...page, items: page.items.map(a => ({ ...a, entityLinks: links.get(a.id) ?? [] })) });
      return;
    }
    const page = await ctx.store.listAssetsJson(query, criteria);
    sendJsonItems(res, page.items, page.nextCursor);
  });

  router.get('/assets/export.csv', async (req, res) => {
    const { criteria } = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const query = parseRequest(filterSchema, req.query, 'query');
    await audited(
      ctx.auditor,
      { eventId: 'asset-export', severityLevel: 'low', request: req, meta: { query } },
      async () => {
        res.status(200);
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', 'attachment; filename="itam-assets.csv"');
        await writeAssetsCsv(ctx.store.streamAssets(query, criteria), res);
      },
    );
  });

  router.get('/assets/:id', async (req, res) => {
    const readable = await ctx.authorizeAssets(req, itamAssetReadPermission);
    sendAsset(res, await ctx.requireAsset(req.params.id, readable));
  });

  router.post('/assets', async (req, res) => {
    const credentials = await ctx.authorize(req, itamAssetCreatePermission);
    const data = parseRequest(newAssetSchema, req.body);
    const asset = await audited(
      ctx.auditor,
      { eventId: 'asset-create', severityLevel: 'medium', request: req, meta: { tag: data.tag } },
      async () => {
        await assertOwnersExist(ctx, data, credentials);
        const change = createAsset({ id: ctx.newId(), data, actor: ctx.actor(credentials), at: ctx.now() });
        return ctx.store.createAsset(change);
      },
    );
    sendAsset(res, asset, 201);
  });

  router.patch('/assets/:id', async (req, res) => {
    const access = await ctx.authorizeAssets(req, itamAssetUpdatePermission);
    const { credentials } = access;
    const version = parseIfMatch(req.header('if-match'));
    const patch = parseRequest(assetPatchSchema, req.body);
    const asset = await audited(
      ctx.auditor,
      {
        eventId: 'asset-update',
        severityLevel: 'medium',
        request: req,
        meta: { assetId: req.params.id, version, fields: Object.keys(patch) },
      },
      async () => {
        const { id } = await ctx.requireWritableAsset(req.params.id, access);
        await assertOwnersExist(ctx, patch, credentials);
        return ctx.store.mutateAsset(id, version, current => {
          const change = updateAsset({ asset: current, patch, actor: ctx.actor(credentials), at: ctx.now() });
          ctx.assertAllowed(access, current, change?.asset);
          return change;
        });
      },
    );
    sendAsset(res, asset);
  });

  router.get('/assets/:id/transitions', async (req, res) => {
    const readable = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const asset = await ctx.requireAsset(req.params.id, readable);
    res.json({ items: transitionOptions(asset, ctx.now()) });
  });

  router.post('/assets/:id/transitions', async (req, res) => {
    const access = await ctx.authorizeAssets(req, itamAssetUpdatePermission);
    const { credentials } = access;
    const version = parseIfMatch(req.header('if-match'));
    const input = parseRequest(transitionSchema, req.body);
    const asset = await audited(
      ctx.auditor,
      {
        eventId: 'asset-transition',
        severityLevel: 'medium',
        request: req,
        meta: { assetId: req.params.id, version, to: input.to },
      },
      async () => {
        const { id } = await ctx.requireWritableAsset(req.params.id, access);
        return ctx.store.mutateAsset(id, version, current => {
          const change = transitionAsset({ asset: current, ...input, actor: ctx.actor(credentials), at: ctx.now() });
          ctx.assertAllowed(access, current, change.asset);
          return change;
        });
      },
    );
    sendAsset(res, asset);
  });

  router.get('/assets/:id/history', async (req, res) => {
    const readable = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const asset = await ctx.requireAsset(req.params.id, readable);
    const query = parseRequest(historyQuerySchema, req.query, 'query');
    const afterVersion = query.cursor ? decodePageCursor(query.cursor, historyCursorSchema).v : undefined;
    const page = await ctx.store.getHistoryPage(asset.id, { afterVersion, limit: query.limit ?? HISTORY_PAGE });
    const last = page.items.at(-1);
    res.json({ items: page.items, ...(page.hasMore && last ? { nextCursor: encodePageCursor({ v: last.version }) } : {}) });
  });
}
