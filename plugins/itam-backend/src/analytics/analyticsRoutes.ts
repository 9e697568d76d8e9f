import {
  changeImpactOptionsSchema,
  changeImpactQuerySchema,
  assessChangeImpact,
  isoDateSchema,
  itamAssetReadPermission,
  currencySchema,
  formatIsoDay,
  parseIsoDay,
  RISK_RULE_IDS,
  RISK_SEVERITIES,
  safeText,
} from '@itam/common';
import type { Router } from 'express';
import { z } from 'zod';
import type { RouteContext } from '../service/context';
import { decodePageCursor, encodePageCursor, pageQueryShape } from '../service/pagination';
import { sendJsonItems } from '../service/jsonText';
import { commaSeparatedList, parseRequest } from '../service/validate';
import { withRetryAfter } from '../service/retryAfter';
import type { AnalyticsService } from './AnalyticsService';

const kpiQuerySchema = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional(), currency: currencySchema.optional() })
  .strict();

const impactBodySchema = z
  .object({
    /** Asset ids or tags named on the change. */
    assets: z.array(safeText(z.string().trim().min(1).max(200))).max(500).default([]),
    entityRefs: changeImpactQuerySchema.shape.entityRefs,
    /** When the change is carried out; the next 24 hours when not given. */
    window: changeImpactQuerySchema.shape.window.optional(),
    options: changeImpactOptionsSchema.optional(),
  })
  .strict()
  .refine(b => b.assets.length + b.entityRefs.length > 0, {
    message: 'name at least one asset or catalogue entity the change touches',
    path: ['assets'],
  });

/** The window of a change asked about without one: the next 24 hours. */
const DEFAULT_IMPACT_WINDOW_MS = 24 * 60 * 60 * 1000;

const RISK_PAGE = 100;
const MAX_RISK_PAGE = 500;


const riskQuerySchema = z
  .object({
    severity: commaSeparatedList(z.enum(RISK_SEVERITIES), RISK_SEVERITIES.length).optional(),
    ruleId: commaSeparatedList(z.enum(RISK_RULE_IDS), RISK_RULE_IDS.length).optional(),
    owner: z.string().min(1).max(512).optional(),
    entityRef: z.string().min(1).max(512).optional(),
    assetId: commaSeparatedList(z.string().min(1).max(255), 200).optional(),
    ...pageQueryShape(MAX_RISK_PAGE),
  })
  .strict();

const riskCursorSchema = z
  .object({ r: z.number().int().min(0), l: z.string(), u: z.string(), s: z.string() })
  .strict();

/** When a reader told the findings are still being evaluated for the first time should ask again. */
const FIRST_EVALUATION_RETRY_SECONDS = 30;

const setPredicate = (set: ReadonlySet<string>) => (value: string) => set.has(value);

/** Analytics routes: risk findings, KPIs, maturity, change impact. */
export function registerAnalyticsRoutes(router: Router, ctx: RouteContext, analytics: AnalyticsService) {
  router.get('/risks', async (req, res) => {
    const { criteria } = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const query = parseRequest(riskQuerySchema, req.query, 'query');
    const after = query.cursor ? decodePageCursor(query.cursor, riskCursorSchema) : undefined;
    // Findings about assets the policy does not let the caller read are not theirs to see.
    const { last, items, computedAt, counts } = await withRetryAfter(res, FIRST_EVALUATION_RETRY_SECONDS, () => analytics.riskFindingsPage(
      {
        ...(query.severity ? { severities: query.severity } : {}),
        ...(query.ruleId ? { ruleIds: query.ruleId } : {}),
        ...(query.owner ? { owner: query.owner } : {}),
        ...(query.entityRef ? { entityRef: query.entityRef } : {}),
        ...(query.assetId ? { assetIds: query.assetId } : {}),
        ...(criteria ? { visible: criteria } : {}),
      },
      {
        limit: query.limit ?? RISK_PAGE,
        ...(after ? { after: { severityRank: after.r, sortLabel: after.l, ruleId: after.u, subjectId: after.s } } : {}),
      },
    ));
    // The findings go out as the JSON text they are stored as (see KnexRiskFindingStore.list).
    const nextCursor = last ? encodePageCursor({ r: last.severityRank, l: last.sortLabel, u: last.ruleId, s: last.subjectId }) : undefined;
    sendJsonItems(res, items.map(f => f.json), nextCursor, { computedAt, counts });
  });

  router.get('/kpis', async (req, res) => {
    const { criteria } = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const query = parseRequest(kpiQuerySchema, req.query, 'query');
    const to = query.to ?? ctx.now().slice(0, 10);
    // The last 90 days, both ends included.
    const from = query.from ?? formatIsoDay(parseIsoDay(to)! - 89);
    res.json(await analytics.kpis({ from, to }, query.currency, criteria));
  });

  router.get('/settings', async (req, res) => {
    await ctx.authorizeAssets(req, itamAssetReadPermission);
    res.json(analytics.settings());
  });

  router.get('/maturity', async (req, res) => {
    await ctx.authorizeEstateWide(req, itamAssetReadPermission, 'The maturity assessment');
    res.json(await analytics.maturity(ctx.now().slice(0, 10)));
  });

  router.post('/impact', async (req, res) => {
    const readable = await ctx.authorizeAssets(req, itamAssetReadPermission);
    const body = parseRequest(impactBodySchema, req.body);
    // Tags are what people type on a change ticket; the graph knows assets by id.
    // One lookup for all of them (up to 500), and one check of the caller's conditions.
    const found = await ctx.store.findAssetIds(body.assets);
    const visible = readable.criteria ? await ctx.store.visibleAssetIds([...new Set(found.values())], readable.criteria) : undefined;
    const assetIds: string[] = [];
    const notFoundAssets: string[] = [];
    for (const idOrTag of body.assets) {
      const id = found.get(idOrTag);
      if (id !== undefined && (!visible || visible.has(id))) assetIds.push(id);
      else notFoundAssets.push(idOrTag);
    }
    // A change asked about without a window is one about to happen: the next 24 hours.
    // One reading of the clock: two could be a millisecond apart, and the window a day and a millisecond.
    const now = ctx.now();
    const window = body.window ?? { start: now, end: new Date(Date.parse(now) + DEFAULT_IMPACT_WINDOW_MS).toISOString() };
    const query = { assetIds, entityRefs: body.entityRefs, window };
    const maxDepth = (body.options ?? changeImpactOptionsSchema.parse({})).maxDepth;
    const graph = await analytics.impactGraph(query, maxDepth);
    // The graph is built once for everyone; the answer holds only what this caller may see:
    // assets their permissions allow, and entities the catalogue shows them (read with their
    // credentials). Hiding nodes only shrinks what a walk reaches, so checking the assets and
    // entities of a first walk covers everything a second one can reach: the check costs what
    // the walk reached, never the whole estate.
    let result = assessChangeImpact(graph, query, body.options ?? {});
    let assetVisible: ((id: string) => boolean) | undefined;
    if (readable.criteria && result.affectedAssets.length > 0) {
      const reachedAssets = result.affectedAssets.map(a => a.id);
      const visible = await ctx.store.visibleAssetIds(reachedAssets, readable.criteria);
      if (reachedAssets.some(id => !visible.has(id))) {
        assetVisible = setPredicate(visible);
        result = assessChangeImpact(graph, query, body.options ?? {}, { assetVisible });
      }
    }
    const reached = [...result.affectedEntities.map(e => e.ref), ...result.notFound.entityRefs];
    if (ctx.entityRefs.visible && reached.length > 0) {
      const seen = await ctx.entityRefs.visible(reached, readable.credentials);
      if (reached.some(ref => !seen.has(ref))) {
        result = assessChangeImpact(graph, query, body.options ?? {}, { assetVisible, entityVisible: setPredicate(seen) });
      }
    }
    res.json({
      ...result,
      notFound: { ...result.notFound, assetIds: [...result.notFound.assetIds, ...notFoundAssets] },
      window,
    });
  });
}
