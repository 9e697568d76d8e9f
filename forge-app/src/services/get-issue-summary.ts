import type { IssueSummaryData } from '../common/types';
import { assetHealth, worstHealth } from '../domain/asset-health';
import { isoDay } from '../domain/dates';
import type { IssueScope } from './context';

/** The issue context summary: how many assets are linked and the worst status among them. */
export async function getIssueSummary(scope: IssueScope): Promise<IssueSummaryData> {
  const linked = await scope.client.getTicketAssets(scope.site, scope.issueKey);
  const today = isoDay(scope.now);
  const worst = worstHealth(linked.map(({ asset }) => assetHealth(asset, today).health));
  return { count: linked.length, ...(worst ? { worst } : {}) };
}
