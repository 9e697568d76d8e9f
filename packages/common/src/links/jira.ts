import { z } from 'zod';
import { ASSET_LIST_LICENCES_INCLUDE } from '../licence/assetLicences';
import { issueKeySchema, TICKET_TEXT_LIMITS, TICKET_TYPES } from './schema';

/**
 * A Jira issue id: the immutable number Jira gives an issue (`10042`). Unlike the key (`OPS-7`),
 * it survives moving the issue to another project and renaming the project key, so ticket links
 * are keyed by it.
 *
 * @public
 */
export const jiraIssueIdSchema = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{0,17}$/, 'must be a Jira issue id such as 10042 (digits, not the key)');

/**
 * The issue details the Jira app records on a link, as the issue is now.
 *
 * @public
 */
export const jiraIssueDetailsSchema = z
  .object({
    issueKey: issueKeySchema,
    ticketType: z.enum(TICKET_TYPES),
    summary: z.string().max(TICKET_TEXT_LIMITS.summary).optional(),
    status: z.string().max(TICKET_TEXT_LIMITS.status).optional(),
    resolved: z.boolean().optional(),
  })
  .strict();
/** @public */
export type JiraIssueDetailsInput = z.input<typeof jiraIssueDetailsSchema>;
/** @public */
export type JiraIssueDetails = z.output<typeof jiraIssueDetailsSchema>;

/**
 * An issue update for every link of one issue (after an edit, a move or a key rename). The ticket
 * type is left as linked unless given.
 *
 * @public
 */
export const jiraIssueUpdateSchema = jiraIssueDetailsSchema.partial({ ticketType: true });
/** @public */
export type JiraIssueUpdateInput = z.input<typeof jiraIssueUpdateSchema>;
/** @public */
export type JiraIssueUpdate = z.output<typeof jiraIssueUpdateSchema>;

/**
 * Query of the issue lookup: the issue's current key lets links made before links carried the
 * issue id (found by key only) be shown and adopted; `include=licences` adds each asset's
 * licence status (see AssetLicences), which the incident panel shows.
 *
 * @public
 */
export const jiraIssueLookupQuerySchema = z
  .object({ issueKey: issueKeySchema.optional(), include: z.literal(ASSET_LIST_LICENCES_INCLUDE).optional() })
  .strict();
