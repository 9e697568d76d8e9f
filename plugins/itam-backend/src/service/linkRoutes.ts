import {
  assetLinkSchema,
  entityLinkSchema,
  itamAssetReadPermission,
  itamAssetUpdatePermission,
  issueKeySchema,
  jiraSiteSchema,
  normalizeEntityRef,
  ticketLinkSchema,
  ENTITY_LINK_ROLES,
  ASSET_LINK_TYPES,
  ASSET_LIST_LICENCES_INCLUDE,
} from '@itam/common';
import { NotFoundError } from '@backstage/errors';
import type { Router } from 'express';
import { z } from 'zod';
import { ItamRuleViolationError } from '@itam/common';
import { audited } from './audit';
import type { RouteContext } from './context';
import { sendJsonItems, sendJsonItemsText } from './jsonText';
import { decodePageCursor, encodePageCursor, pageQueryShape } from './pagination';
import { parseRequest } from './validate';
import { ItamInputError } from './errors';
import { licenceStatusesById, type AssetLicenceSources } from '../licences/assetLicenceStatuses';

const ticketKeySchema = z.object({ site: jiraSiteSchema, issueKey: issueKeySchema }).strict();
const assetLinkQuerySchema = z
  .object({ type: z.enum(ASSET_LINK_TYPES), targetAssetId: z.string().min(1) })
  .strict();
const entityLinkQuerySchema = z
  .object({ entityRef: z.string().min(1), role: z.enum(ENTITY_LINK_ROLES) })
  .strict();

/** An item of an entity's asset list, as far as adding its licence status reads it. */
type EntityAssetItem = { asset: { id: string } };

/** An entity's assets per page unless the caller asks for fewer or more (at most 1,000). */
const ENTITY_ASSETS_PAGE = 200;
const entityAssetsQuerySchema = z.object({ ...pageQueryShape(1000), include: z.literal(ASSET_LIST_LICENCES_INCLUDE).optional() }).strict();
const entityAssetsCursorSchema = z.object({ tag: z.string(), role: z.string() });

/**
 * Links: asset↔entity (and the entity's assets, with their licence statuses when asked:
 * `licenceSources`), asset↔asset, asset↔Jira ticket.
 */
export function registerLinkRoutes(router: Router, ctx: RouteContext, licenceSources: AssetLicenceSources) {
  router.get('/assets/:id/entity-links', async (req, res) => {
    const readable = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const asset = await ctx.requireAsset(req.params.id, readable);
    res.json({ items: await ctx.store.listEntityLinks(asset.id) });
  });

  router.post('/assets/:id/entity-links', async (req, res) => {
    const access = await ctx.authorizeAssets(req, itamAssetUpdatePermission);
    const { credentials } = access;
    const link = parseRequest(entityLinkSchema, req.body);
    const created = await audited(
      ctx.auditor,
      { eventId: 'entity-link-mutate', severityLevel: 'medium', request: req, meta: { action: 'add', assetId: req.params.id, ...link } },
      async () => {
        const asset = await ctx.requireWritableAsset(req.params.id, access);
        await ctx.entityRefs.assertExist([link.entityRef], 'entityRef', credentials);
        return ctx.store.addEntityLink(asset.id, link, { actor: ctx.actor(credentials), at: ctx.now() });
      },
    );
    res.status(created ? 201 : 200).json(link);
  });

  router.delete('/assets/:id/entity-links', async (req, res) => {
    const access = await ctx.authorizeAssets(req, itamAssetUpdatePermission);
    const query = parseRequest(entityLinkQuerySchema, req.query, 'query');
    const link = parseRequest(entityLinkSchema, query, 'query');
    await audited(
      ctx.auditor,
      { eventId: 'entity-link-mutate', severityLevel: 'medium', request: req, meta: { action: 'remove', assetId: req.params.id, ...link } },
      async () => {
        const asset = await ctx.requireWritableAsset(req.params.id, access);
        if (!(await ctx.store.removeEntityLink(asset.id, link))) {
          throw new NotFoundError(`Asset ${asset.tag} has no ${link.role} link to ${link.entityRef}`);
        }
      },
    );
    res.status(204).end();
  });

  router.get('/entities/:kind/:namespace/:name/assets', async (req, res) => {
    const { criteria } = await ctx.authorizeAssets(req, itamAssetReadPermission);
    let entityRef: string;
    try {
      entityRef = normalizeEntityRef(`${req.params.kind}:${req.params.namespace}/${req.params.name}`);
    } catch (e) {
      throw new ItamInputError([{ path: 'entityRef', message: (e as Error).message }], (e as Error).message);
    }
    const query = parseRequest(entityAssetsQuerySchema, req.query, 'query');
    const limit = query.limit ?? ENTITY_ASSETS_PAGE;
    const withLicences = query.include === ASSET_LIST_LICENCES_INCLUDE;
    if (!criteria && !query.cursor) {
      // The common case, a list that fits a page and a caller who may see it all: one stored row.
      const stored = await ctx.store.getEntityAssetItemsJson(entityRef);
      if (stored.count <= limit) {
        const licences = withLicences ? await licenceStatusesById(licenceSources, { entityRef }, true) : undefined;
        sendJsonItemsText(res, stored.items, undefined, licences ? { licences } : {});
        return;
      }
    }
    const page = await ctx.store.getEntityAssetItemsPage(entityRef, {
      limit,
      ...(query.cursor ? { after: decodePageCursor(query.cursor, entityAssetsCursorSchema) } : {}),
      ...(criteria ? { visible: criteria } : {}),
    });
    const cursor = page.hasMore && page.last ? encodePageCursor({ tag: page.last.tag, role: page.last.role }) : undefined;
    const licences = withLicences
      ? await licenceStatusesById(licenceSources, page.items.map(text => (JSON.parse(text) as EntityAssetItem).asset.id), !criteria)
      : undefined;
    sendJsonItems(res, page.items, cursor, licences ? { licences } : {});
  });

  router.get('/assets/:id/asset-links', async (req, res) => {
    const readable = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const asset = await ctx.requireAsset(req.params.id, readable);
    res.json({ items: await ctx.store.listAssetLinks(asset.id) });
  });

  router.post('/assets/:id/asset-links', async (req, res) => {
    const access = await ctx.authorizeAssets(req, itamAssetUpdatePermission);
    const { credentials } = access;
    const link = parseRequest(assetLinkSchema, req.body);
    const stored = await audited(
      ctx.auditor,
      { eventId: 'asset-link-mutate', severityLevel: 'medium', request: req, meta: { action: 'add', assetId: req.params.id, ...link } },
      async () => {
        const source = await ctx.requireWritableAsset(req.params.id, access);
        const target = await ctx.store.getAsset(link.targetAssetId);
        const readable = await ctx.assetAccess(credentials, itamAssetReadPermission);
        if (!target || !readable.allows(target)) {
          throw new ItamRuleViolationError([
            { ruleId: 'link-target-exists', message: `targetAssetId: no asset ${link.targetAssetId}` },
          ]);
        }
        if (target.id === source.id) {
          throw new ItamRuleViolationError([
            { ruleId: 'no-self-link', message: 'An asset cannot be linked to itself' },
          ]);
        }
        const value = { sourceAssetId: source.id, type: link.type, targetAssetId: target.id };
        const created = await ctx.store.addAssetLink(value, { actor: ctx.actor(credentials), at: ctx.now() });
        return { value, created };
      },
    );
    res.status(stored.created ? 201 : 200).json(stored.value);
  });

  router.delete('/assets/:id/asset-links', async (req, res) => {
    const access = await ctx.authorizeAssets(req, itamAssetUpdatePermission);
    const query = parseRequest(assetLinkQuerySchema, req.query, 'query');
    await audited(
      ctx.auditor,
      { eventId: 'asset-link-mutate', severityLevel: 'medium', request: req, meta: { action: 'remove', assetId: req.params.id, ...query } },
      async () => {
        const asset = await ctx.requireWritableAsset(req.params.id, access);
        const removed = await ctx.store.removeAssetLink({ sourceAssetId: asset.id, ...query });
        if (!removed) throw new NotFoundError(`Asset ${asset.tag} has no ${query.type} link to ${query.targetAssetId}`);
      },
    );
    res.status(204).end();
  });

  router.get('/assets/:id/tickets', async (req, res) => {
    const readable = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const asset = await ctx.requireAsset(req.params.id, readable);
    const items = await ctx.store.listTicketLinks(asset.id);
    // A Jira site sees its own tickets only: other sites' issue keys are not its business.
    const jira = ctx.jiraCaller(readable.credentials);
    res.json({ items: jira ? items.filter(t => t.site === jira.site) : items });
  });

  router.post('/assets/:id/tickets', async (req, res) => {
    const access = await ctx.authorizeAssets(req, itamAssetUpdatePermission);
    const { credentials } = access;
    const link = parseRequest(ticketLinkSchema, req.body);
    ctx.assertSiteAllowed(credentials, link.site);
    const created = await audited(
      ctx.auditor,
      { eventId: 'ticket-link-mutate', severityLevel: 'medium', request: req, meta: { action: 'link', assetId: req.params.id, site: link.site, issueKey: link.issueKey } },
      async () => {
        const asset = await ctx.requireWritableAsset(req.params.id, access);
        return ctx.store.upsertTicketLink(asset.id, link, { actor: ctx.actor(credentials), at: ctx.now() });
      },
    );
    res.status(created ? 201 : 200).json(link);
  });

  router.delete('/assets/:id/tickets', async (req, res) => {
    const access = await ctx.authorizeAssets(req, itamAssetUpdatePermission);
    const { credentials } = access;
    const { site, issueKey } = parseRequest(ticketKeySchema, req.query, 'query');
    ctx.assertSiteAllowed(credentials, site);
    await audited(
      ctx.auditor,
      { eventId: 'ticket-link-mutate', severityLevel: 'medium', request: req, meta: { action: 'unlink', assetId: req.params.id, site, issueKey } },
      async () => {
        const asset = await ctx.requireWritableAsset(req.params.id, access);
        if (!(await ctx.store.removeTicketLink(asset.id, site, issueKey))) {
          throw new NotFoundError(`Asset ${asset.tag} is not linked to ${issueKey} on ${site}`);
        }
      },
    );
    res.status(204).end();
  });

  router.get('/tickets/:site/:issueKey/assets', async (req, res) => {
    const { criteria, credentials } = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const { site, issueKey } = parseRequest(ticketKeySchema, req.params, 'query');
    ctx.assertSiteAllowed(credentials, site);
    res.json({ items: await ctx.store.getTicketAssets(site, issueKey, criteria) });
  });
}
