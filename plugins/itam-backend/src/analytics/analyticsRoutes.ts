import {
  changeImpactOptionsSchema,
  changeImpactQuerySchema,
  assessChangeImpact,
  isoDateSchema,
  itamAssetReadPermission,
  currencySchema,
  type RiskFinding,
} from '@itam/common';
import type { Router } from 'express';
import { z } from 'zod';
import type { RouteContext } from '../service/context';
import { parseRequest } from '../service/validate';
import type { AnalyticsService } from './AnalyticsService';

const kpiQuerySchema = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional(), currency: currencySchema.optional() })
  .strict();

const impactBodySchema = z
  .object({
    /** Asset ids or tags named on the change. */
    assets: z.array(z.string().trim().min(1)).max(500).default([]),
    entityRefs: changeImpactQuerySchema.shape.entityRefs,
    window: changeImpactQuerySchema.shape.window,
    options: changeImpactOptionsSchema.optional(),
  })
  .strict()
  .refine(b => b.assets.length + b.entityRefs.length > 0, {
    message: 'name at least one asset or catalogue entity the change touches',
    path: ['assets'],
  });

/** Analytics routes: risk findings, KPIs, maturity, change impact. */
export function registerAnalyticsRoutes(router: Router, ctx: RouteContext, analytics: AnalyticsService) {
  router.get('/risks', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    const snapshot = await analytics.riskFindings();
    const assetId = typeof req.query.assetId === 'string' ? req.query.assetId : undefined;
    const items = assetId
      ? snapshot.data.filter((f: RiskFinding) => f.subject.kind === 'asset' && f.subject.id === assetId)
      : snapshot.data;
    res.json({ computedAt: snapshot.computedAt, items });
  });

  router.get('/kpis', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    const query = parseRequest(kpiQuerySchema, req.query, 'query');
    const to = query.to ?? ctx.now().slice(0, 10);
    const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
    res.json(await analytics.kpis({ from, to }, query.currency));
  });

  router.get('/maturity', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    res.json(await analytics.maturity(ctx.now().slice(0, 10)));
  });

  router.post('/impact', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    const body = parseRequest(impactBodySchema, req.body);
    // Tags are what people type on a change ticket; the graph knows assets by id.
    const assetIds: string[] = [];
    const notFoundAssets: string[] = [];
    for (const idOrTag of body.assets) {
      const asset = await ctx.store.getAsset(idOrTag);
      if (asset) assetIds.push(asset.id);
      else notFoundAssets.push(idOrTag);
    }
    const graph = await analytics.impactGraph();
    const result = assessChangeImpact(
      graph,
      { assetIds, entityRefs: body.entityRefs, window: body.window },
      body.options ?? {},
    );
    res.json({
      ...result,
      notFound: { ...result.notFound, assetIds: [...result.notFound.assetIds, ...notFoundAssets] },
    });
  });
}
