import { NotFoundError } from '@backstage/errors';
import {
  auditObservationSchema,
  evaluateAudit,
  isInAuditScope,
  itamAssetReadPermission,
  itamAuditPermission,
  newAuditCampaignSchema,
  type Asset,
  type AuditObservation,
  type AuditScope,
} from '@itam/common';
import type { Router } from 'express';
import { z } from 'zod';
import type { AnalyticsService } from '../analytics/AnalyticsService';
import type { RouteContext } from '../service/context';
import { audited } from '../service/audit';
import { parseRequest } from '../service/validate';
import type { AuditCampaign, AuditStore } from './AuditStore';

const observationsBodySchema = z
  .object({ observations: z.array(auditObservationSchema).min(1).max(5000) })
  .strict();

async function assetsInScope(ctx: RouteContext, scope: AuditScope): Promise<Asset[]> {
  const assets: Asset[] = [];
  for await (const batch of ctx.store.streamAssets({})) {
    for (const asset of batch) if (isInAuditScope(asset, scope)) assets.push(asset);
  }
  return assets;
}

/** Audit campaigns: create, observe, evaluate (live while open), close. */
export function registerAuditRoutes(
  router: Router,
  ctx: RouteContext,
  audits: AuditStore,
  analytics: Pick<AnalyticsService, 'refreshAssetFindings'>,
) {
  const requireCampaign = async (id: string): Promise<AuditCampaign> => {
    const campaign = await audits.getCampaign(id);
    if (!campaign) throw new NotFoundError(`No audit campaign ${id}`);
    return campaign;
  };
  const evaluate = async (campaign: AuditCampaign) =>
    campaign.result ??
    evaluateAudit(await assetsInScope(ctx, campaign.scope), await audits.listObservations(campaign.id));

  router.get('/audits', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    res.json({ items: await audits.listCampaigns() });
  });

  router.post('/audits', async (req, res) => {
    const credentials = await ctx.authorize(req, itamAuditPermission);
    const input = parseRequest(newAuditCampaignSchema, req.body);
    const campaign = await audited(
      ctx.auditor,
      { eventId: 'audit-campaign-mutate', severityLevel: 'medium', request: req, meta: { action: 'create', name: input.name } },
      () =>
        audits.createCampaign({
          id: ctx.newId(),
          ...input,
          status: 'open',
          createdBy: ctx.actor(credentials),
          createdAt: ctx.now(),
        }),
    );
    res.status(201).json(campaign);
  });

  router.get('/audits/:id', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    const campaign = await requireCampaign(req.params.id);
    res.json({ ...campaign, result: await evaluate(campaign) });
  });

  router.post('/audits/:id/observations', async (req, res) => {
    const credentials = await ctx.authorize(req, itamAuditPermission);
    const { observations } = parseRequest(observationsBodySchema, req.body);
    const campaign = await requireCampaign(req.params.id);
    await audited(
      ctx.auditor,
      { eventId: 'audit-observe', severityLevel: 'medium', request: req, meta: { campaignId: campaign.id, count: observations.length } },
      async () => {
        const actor = ctx.actor(credentials);
        const at = ctx.now();
        // One lookup for the whole batch (up to 5,000 observations), not a query per tag.
        const ids = await ctx.store.findAssetIds(observations.flatMap(o => (o.assetTag ? [o.assetTag] : [])));
        const matched: (AuditObservation & { assetId?: string })[] = observations.map(o => {
          const assetId = o.assetTag ? ids.get(o.assetTag) : undefined;
          return { ...o, observedBy: actor, observedAt: at, ...(assetId ? { assetId } : {}) };
        });
        // An asset seen is verified: its audit-overdue finding goes in the same transaction.
        await audits.addObservations(campaign.id, matched, (trx, seen) => analytics.refreshAssetFindings(trx, seen));
      },
    );
    res.status(201).json({ ...campaign, result: await evaluate(campaign) });
  });

  router.post('/audits/:id/close', async (req, res) => {
    const credentials = await ctx.authorize(req, itamAuditPermission);
    const campaign = await requireCampaign(req.params.id);
    const closed = await audited(
      ctx.auditor,
      { eventId: 'audit-campaign-mutate', severityLevel: 'medium', request: req, meta: { action: 'close', campaignId: campaign.id } },
      async () => audits.closeCampaign(campaign.id, ctx.actor(credentials), ctx.now(), await evaluate(campaign)),
    );
    res.json(closed);
  });
}
