import { z } from 'zod';
import { safeText } from '../text/safeText';
import { ASSET_CLASSES, LIFECYCLE_STAGES } from '../asset/constants';
import { isoDateSchema } from '../asset/schema';

/**
 * Which assets an audit campaign must verify. Every given criterion must match; an empty scope
 * covers every asset not yet disposed.
 *
 * @public
 */
export const auditScopeSchema = z
  .object({
    assetClasses: z.array(z.enum(ASSET_CLASSES)).max(5).optional(),
    lifecycleStages: z.array(z.enum(LIFECYCLE_STAGES)).max(7).optional(),
    locations: z.array(safeText(z.string().trim().min(1).max(200))).max(100).optional(),
    owners: z.array(safeText(z.string().trim().min(1).max(255))).max(100).optional(),
  })
  .strict();
/** @public */
export type AuditScope = z.output<typeof auditScopeSchema>;

/** @public */
export const newAuditCampaignSchema = z
  .object({
    name: safeText(z.string().trim().min(1, 'must not be empty').max(200)),
    scope: auditScopeSchema.default({}),
    dueDate: isoDateSchema.optional(),
  })
  .strict();
/** @public */
export type NewAuditCampaignInput = z.input<typeof newAuditCampaignSchema>;
/** @public */
export type NewAuditCampaign = z.output<typeof newAuditCampaignSchema>;

/**
 * What an auditor saw: an asset (by tag or serial number) found, or looked for and not found.
 * An observation whose tag or serial is not a register asset in scope becomes an
 * "unexpected" finding.
 *
 * @public
 */
export const auditObservationSchema = z
  .object({
    assetTag: safeText(z.string().trim().min(1).max(64)).optional(),
    serialNumber: safeText(z.string().trim().min(1).max(128)).optional(),
    result: z.enum(['seen', 'not-found']),
    location: safeText(z.string().trim().min(1).max(200)).optional(),
    note: safeText(z.string().max(2000)).optional(),
  })
  .strict()
  .refine(o => o.assetTag !== undefined || o.serialNumber !== undefined, {
    message: 'an observation names the asset by assetTag or serialNumber',
    path: ['assetTag'],
  });
/** @public */
export type AuditObservationInput = z.input<typeof auditObservationSchema>;

/**
 * A stored observation, with who made it and when.
 *
 * @public
 */
export type AuditObservation = z.output<typeof auditObservationSchema> & {
  observedBy: string;
  observedAt: string;
};
