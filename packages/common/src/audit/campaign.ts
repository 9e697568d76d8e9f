import type { AuditSummary } from './findings';
import type { AuditScope } from './schema';

/**
 * An audit campaign as stored and as the API returns it.
 *
 * @public
 */
export interface AuditCampaign {
  id: string;
  name: string;
  scope: AuditScope;
  dueDate?: string;
  status: 'open' | 'closed';
  createdBy: string;
  createdAt: string;
  closedBy?: string;
  closedAt?: string;
  /**
   * The figures frozen at closing (the findings are frozen with them and listed a page at a
   * time); open campaigns are evaluated live.
   */
  result?: AuditSummary;
}

