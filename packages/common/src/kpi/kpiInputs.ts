import { LIFECYCLE_STAGES, type LifecycleStage } from '../asset/constants';
import { ItamValidationError, type ValidationIssue } from '../errors';
import { instantToDay } from '../finance/calendar';
import { TICKET_TYPES, type TicketType } from '../links/schema';

// The structural inputs the KPIs read besides the register snapshot. They are deliberately
// minimal, so the backend can feed them from its tables and the licence module need only say
// compliant or not per product.

/**
 * A Jira ticket linked to an asset, with when the ticket was created.
 *
 * @public
 */
export interface AssetTicketLink {
  assetId: string;
  /** Jira site host, e.g. `acme.atlassian.net`; with the issue key it identifies the ticket. */
  site: string;
  issueKey: string;
  ticketType: TicketType;
  /** When the ticket was created: ISO 8601 date-time with offset, or a date. */
  createdAt: string;
}

/**
 * The outcome of one audit campaign as the KPIs read it: assets seen as the register records
 * them, assets seen but recorded wrongly (e.g. at another location), assets the register lists
 * but the audit did not find, and how many things were found that the register lacks. Assets in
 * scope that nobody checked are in none of the lists.
 *
 * @public
 */
export interface AuditEvidence {
  id: string;
  /** When the audit was completed: ISO 8601 date-time with offset, or a date. */
  completedAt: string;
  verifiedAssetIds: readonly string[];
  /** Seen, but not as recorded: a discrepancy, though the asset exists. */
  mismatchedAssetIds?: readonly string[];
  notFoundAssetIds: readonly string[];
  unexpectedCount: number;
}

/**
 * Items an audit checked: verified + mismatched + not found + unexpected.
 *
 * @internal
 */
export function auditChecked(audit: AuditEvidence): number {
  return (
    audit.verifiedAssetIds.length +
    (audit.mismatchedAssetIds?.length ?? 0) +
    audit.notFoundAssetIds.length +
    audit.unexpectedCount
  );
}

/**
 * A product's licence position reduced to what the KPIs need: compliant or not.
 *
 * @public
 */
export interface LicenceCompliance {
  productId: string;
  compliant: boolean;
}

/**
 * A lifecycle transition of an asset; a `HistoryEvent` of kind `transitioned` fits as is.
 *
 * @public
 */
export interface LifecycleEvent {
  assetId: string;
  /** ISO 8601 date-time of the transition. */
  at: string;
  transition?: { from: LifecycleStage; to: LifecycleStage };
}

/**
 * Throws the issues collected, if any.
 *
 * @throws {@link ItamValidationError}
 * @internal
 */
export function throwIfIssues(issues: ValidationIssue[], subject: string): void {
  if (issues.length > 0) throw new ItamValidationError(issues, subject);
}

function checkId(value: unknown, path: string, issues: ValidationIssue[]) {
  if (typeof value !== 'string' || value.length === 0) issues.push({ path, message: 'must be a non-empty string' });
}

function checkInstant(value: string, path: string, issues: ValidationIssue[]): number | undefined {
  const day = instantToDay(value);
  if (day === undefined) {
    issues.push({ path, message: 'must be an ISO 8601 date-time with a zone (e.g. 2026-01-31T12:00:00Z) or a date' });
  }
  return day;
}

/**
 * Checks ticket links and returns the UTC day each was created on, in input order.
 *
 * @internal
 */
export function checkTicketLinks(
  links: readonly AssetTicketLink[],
  issues: ValidationIssue[],
  path = 'ticketLinks',
): (number | undefined)[] {
  return links.map((link, i) => {
    checkId(link.assetId, `${path}.${i}.assetId`, issues);
    checkId(link.site, `${path}.${i}.site`, issues);
    checkId(link.issueKey, `${path}.${i}.issueKey`, issues);
    if (!(TICKET_TYPES as readonly string[]).includes(link.ticketType)) {
      issues.push({ path: `${path}.${i}.ticketType`, message: `must be one of ${TICKET_TYPES.join(', ')}` });
    }
    return checkInstant(link.createdAt, `${path}.${i}.createdAt`, issues);
  });
}

/**
 * Checks audit results and returns the UTC day each was completed on, in input order.
 *
 * @internal
 */
export function checkAudits(
  audits: readonly AuditEvidence[],
  issues: ValidationIssue[],
  path = 'audits',
): (number | undefined)[] {
  return audits.map((audit, i) => {
    checkId(audit.id, `${path}.${i}.id`, issues);
    if (!Array.isArray(audit.verifiedAssetIds)) issues.push({ path: `${path}.${i}.verifiedAssetIds`, message: 'must be a list of asset ids' });
    if (!Array.isArray(audit.notFoundAssetIds)) issues.push({ path: `${path}.${i}.notFoundAssetIds`, message: 'must be a list of asset ids' });
    if (audit.mismatchedAssetIds !== undefined && !Array.isArray(audit.mismatchedAssetIds)) {
      issues.push({ path: `${path}.${i}.mismatchedAssetIds`, message: 'must be a list of asset ids' });
    }
    if (!Number.isInteger(audit.unexpectedCount) || audit.unexpectedCount < 0) {
      issues.push({ path: `${path}.${i}.unexpectedCount`, message: 'must be a whole number, 0 or more' });
    }
    return checkInstant(audit.completedAt, `${path}.${i}.completedAt`, issues);
  });
}

/**
 * Checks licence positions: every product once, with a yes/no compliance.
 *
 * @internal
 */
export function checkLicencePositions(
  positions: readonly LicenceCompliance[],
  issues: ValidationIssue[],
  path = 'licencePositions',
): void {
  const seen = new Set<string>();
  positions.forEach((p, i) => {
    checkId(p.productId, `${path}.${i}.productId`, issues);
    if (typeof p.compliant !== 'boolean') issues.push({ path: `${path}.${i}.compliant`, message: 'must be true or false' });
    if (seen.has(p.productId)) issues.push({ path: `${path}.${i}.productId`, message: `duplicates product ${p.productId}` });
    seen.add(p.productId);
  });
}

/**
 * Checks lifecycle events and returns the UTC day of each, in input order.
 *
 * @internal
 */
export function checkLifecycleEvents(
  events: readonly LifecycleEvent[],
  issues: ValidationIssue[],
  path = 'lifecycleEvents',
): (number | undefined)[] {
  return events.map((event, i) => {
    checkId(event.assetId, `${path}.${i}.assetId`, issues);
    if (event.transition && !(LIFECYCLE_STAGES as readonly string[]).includes(event.transition.to)) {
      issues.push({ path: `${path}.${i}.transition.to`, message: `must be one of ${LIFECYCLE_STAGES.join(', ')}` });
    }
    return checkInstant(event.at, `${path}.${i}.at`, issues);
  });
}
