import { AUDIT_FINDING_KINDS, type AuditCampaign, type AuditFindingKind, type AuditScope } from '@itam/common';
import type { StatusLevel } from '../../utils/assetStatus';
import { ASSET_CLASS_LABELS, LIFECYCLE_STAGE_LABELS } from '../../utils/labels';

/** The finding kinds in the order a campaign page lists their counts. */
export const FINDING_KINDS = AUDIT_FINDING_KINDS;

/** Each finding kind in words, and how worrying it is. */
export const FINDING_KIND_STATUS: Record<AuditFindingKind, { label: string; level: StatusLevel }> = {
  verified: { label: 'Verified', level: 'ok' },
  'location-mismatch': { label: 'Location mismatch', level: 'warning' },
  'not-found': { label: 'Not found', level: 'error' },
  'not-observed': { label: 'Not checked yet', level: 'unknown' },
  unexpected: { label: 'Unexpected', level: 'warning' },
};

/** A campaign's status in words. */
export const CAMPAIGN_STATUS_LABELS: Record<AuditCampaign['status'], string> = {
  open: 'Open',
  closed: 'Closed',
};

/** Each criterion of a scope in words; a criterion left out is "any". */
export function scopeCriteria(scope: AuditScope): { label: string; value: string }[] {
  const list = (values: string[] | undefined, label: (v: string) => string = v => v) =>
    values && values.length > 0 ? values.map(label).join(', ') : 'any';
  return [
    { label: 'Asset classes', value: list(scope.assetClasses, c => ASSET_CLASS_LABELS[c as keyof typeof ASSET_CLASS_LABELS] ?? c) },
    {
      label: 'Lifecycle stages',
      value: list(scope.lifecycleStages, s => LIFECYCLE_STAGE_LABELS[s as keyof typeof LIFECYCLE_STAGE_LABELS] ?? s),
    },
    { label: 'Locations', value: list(scope.locations) },
    { label: 'Owners', value: list(scope.owners) },
  ];
}

/** A scope in one line, e.g. "Hardware; at Berlin", or "Every asset not disposed". */
export function scopeSummary(scope: AuditScope): string {
  const parts = scopeCriteria(scope)
    .filter(c => c.value !== 'any')
    .map(c => {
      if (c.label === 'Locations') return `at ${c.value}`;
      if (c.label === 'Owners') return `owned by ${c.value}`;
      return c.value;
    });
  return parts.length > 0 ? parts.join('; ') : 'Every asset not disposed';
}

/** The due date in words, flagged when an open campaign is past it. */
export function dueDateText(campaign: Pick<AuditCampaign, 'dueDate' | 'status'>, today: string): string {
  if (!campaign.dueDate) return 'No due date';
  return campaign.status === 'open' && campaign.dueDate < today
    ? `${campaign.dueDate} (overdue)`
    : campaign.dueDate;
}
