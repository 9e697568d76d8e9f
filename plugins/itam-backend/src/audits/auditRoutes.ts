import { NotFoundError } from '@backstage/errors';
import {
  AUDIT_FINDING_KINDS,
  auditObservationSchema,
  itamAssetReadPermission,
  itamAuditPermission,
  newAuditCampaignSchema,
  type AuditFindingKind,
  type AuditObservation,
} from '@itam/common';
import type { Router } from 'express';
import { z } from 'zod';
import type { AnalyticsService } from '../analytics/AnalyticsService';
import type { RouteContext } from '../service/context';
import { audited } from '../service/audit';
import { decodePageCursor, encodePageCursor, pageQueryShape } from '../service/pagination';
import { parseRequest } from '../service/validate';
import type { AuditCampaign, AuditStore } from './AuditStore';
import type { AuditFindingPosition } from './campaignFindings';

const observationsBodySchema = z
  .object({ observations: z.array(auditObservationSchema).min(1).max(5000) })
  .strict();

/** Findings listed per page unless the caller asks for another size (at most 500). */
export const AUDIT_FINDINGS_PAGE = 50;

export const auditFindingsQuerySchema = z
  .object({
    kind: z.enum(AUDIT_FINDING_KINDS as [AuditFindingKind, ...AuditFindingKind[]]).optional(),
    ...pageQueryShape(500),
  })
  .strict();

// A live campaign pages by asset tag, then through the unexpected finds; a closed one by the
// position its findings were frozen in. A campaign closed between two pages refuses the old cursor.
const liveCursorSchema = z.union([z.object({ t: z.string() }).strict(), z.object({ u: z.number().int().min(0) }).strict()]);
const frozenCursorSchema = z.object({ s: z.number().int().min(0) }).strict();

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
  // Live while open (counted in the database, see campaignFindings.ts), frozen once closed.
  const evaluate = (campaign: AuditCampaign) => audits.summarise(campaign);

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

  router.get('/audits/:id/findings', async (req, res) => {
    await ctx.authorize(req, itamAssetReadPermission);
    const query = parseRequest(auditFindingsQuerySchema, req.query, 'query');
    const campaign = await requireCampaign(req.params.id);
    let after: AuditFindingPosition | undefined;
    if (query.cursor) {
      after = decodePageCursor<AuditFindingPosition>(query.cursor, campaign.status === 'closed' ? frozenCursorSchema : liveCursorSchema);
    }
    const page = await audits.listFindings(campaign, {
      limit: query.limit ?? AUDIT_FINDINGS_PAGE,
      ...(query.kind ? { kind: query.kind } : {}),
      ...(after ? { after } : {}),
    });
    res.json({ items: page.items, ...(page.next ? { nextCursor: encodePageCursor(page.next) } : {}) });
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
      () => audits.closeCampaign(campaign.id, ctx.actor(credentials), ctx.now()),
    );
    res.json(closed);
  });
}
