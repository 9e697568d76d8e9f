import type { IssueSummaryData } from '../common/types';
import { assetHealth, worstAssetHealth } from '@itam/common';
import { isoDay } from '../domain/dates';
import { licenceHealth } from '../domain/licence-status';
import { assetLicences } from './asset-licences';
import { registerSettings } from './register-settings';
import type { IssueScope } from './context';

/**
 * The issue context summary: how many assets are linked and the worst status among them, counting
 * each asset's health and its licence status (a shortfall needs attention).
 */
export async function getIssueSummary(scope: IssueScope): Promise<IssueSummaryData> {
  const linked = await scope.client.getJiraIssueAssets(scope.issue.id, scope.issue.key);
  const today = isoDay(scope.now);
  const licences = await assetLicences(
    scope.client,
    linked.map(({ asset }) => asset.id),
  );
  const settings = linked.length > 0 ? await registerSettings(scope.client) : undefined;
  const worst = worstAssetHealth(
    linked.flatMap(({ asset }) => [
      assetHealth(asset, today, settings!).health,
      licenceHealth(licences.get(asset.id)?.status ?? 'unknown'),
    ]),
  );
  return { count: linked.length, ...(worst ? { worst } : {}) };
}
