import { z } from 'zod';
import { safeText } from '../text/safeText';
import { entityRefSchema } from '../asset/schema';

/**
 * How an asset relates to a catalogue entity (component, resource, system...).
 *
 * @public
 */
export const ENTITY_LINK_ROLES = ['runs-on', 'uses', 'stores-data-of', 'licensed-to'] as const;
/** @public */
export type EntityLinkRole = (typeof ENTITY_LINK_ROLES)[number];

/**
 * How one asset relates to another: `installed-on` (software on a device), `part-of`
 * (a component of a larger asset), `hosts` (a host running a VM or container).
 *
 * @public
 */
export const ASSET_LINK_TYPES = ['installed-on', 'part-of', 'hosts'] as const;
/** @public */
export type AssetLinkType = (typeof ASSET_LINK_TYPES)[number];

/**
 * Kinds of Jira ticket an asset can be linked to.
 *
 * @public
 */
export const TICKET_TYPES = ['incident', 'change', 'problem', 'request'] as const;
/** @public */
export type TicketType = (typeof TICKET_TYPES)[number];

/**
 * Catalogue kinds an asset may be linked to. Users and groups are owners, not links.
 *
 * @public
 */
export const LINKABLE_ENTITY_KINDS = ['component', 'resource', 'system', 'domain', 'api'] as const;

/** @public */
export const entityLinkSchema = z
  .object({
    entityRef: entityRefSchema(LINKABLE_ENTITY_KINDS),
    role: z.enum(ENTITY_LINK_ROLES),
  })
  .strict();
/** @public */
export type EntityLinkInput = z.input<typeof entityLinkSchema>;
/** @public */
export type EntityLink = z.output<typeof entityLinkSchema>;

/** @public */
export const assetLinkSchema = z
  .object({
    type: z.enum(ASSET_LINK_TYPES),
    targetAssetId: safeText(z.string().trim().min(1, 'must name the linked asset').max(200)),
  })
  .strict();
/** @public */
export type AssetLinkInput = z.input<typeof assetLinkSchema>;
/** @public */
export type AssetLink = z.output<typeof assetLinkSchema>;

/**
 * A Jira Cloud site host, e.g. `acme.atlassian.net` (lower-cased; no scheme or path).
 *
 * @public
 */
export const jiraSiteSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/,
    'must be a Jira site host name such as acme.atlassian.net (no https:// or path)',
  );

/**
 * A Jira issue key, e.g. `OPS-123`: a project key (a letter, then letters, digits or `_`),
 * a dash and a positive number.
 *
 * @public
 */
export const issueKeySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/, 'must be a Jira issue key such as OPS-123');

/**
 * The most characters of a ticket's summary and status a link keeps (Jira's summaries run to 255,
 * other trackers' longer; a workflow status is a short name).
 *
 * @public
 */
export const TICKET_TEXT_LIMITS = { summary: 500, status: 100 } as const;

/**
 * A ticket's summary and status cut to what a link keeps, for callers that copy them from the
 * tracker as they are.
 *
 * @public
 */
export function ticketTextOf(ticket: { summary: string; status: string }): { summary: string; status: string } {
  return { summary: ticket.summary.slice(0, TICKET_TEXT_LIMITS.summary), status: ticket.status.slice(0, TICKET_TEXT_LIMITS.status) };
}

/** @public */
export const ticketLinkSchema = z
  .object({
    site: jiraSiteSchema,
    issueKey: issueKeySchema,
    /** The immutable Jira issue id; links made before it was recorded have none. */
    issueId: z
      .string()
      .trim()
      .regex(/^[1-9][0-9]{0,17}$/, 'must be a Jira issue id such as 10042 (digits, not the key)')
      .optional(),
    ticketType: z.enum(TICKET_TYPES),
    summary: safeText(z.string().max(TICKET_TEXT_LIMITS.summary)).optional(),
    status: safeText(z.string().max(TICKET_TEXT_LIMITS.status)).optional(),
    resolved: z.boolean().optional(),
  })
  .strict();
/** @public */
export type TicketLinkInput = z.input<typeof ticketLinkSchema>;
/** @public */
export type TicketLink = z.output<typeof ticketLinkSchema>;
