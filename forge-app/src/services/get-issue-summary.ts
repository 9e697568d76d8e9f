import type { IssueSummaryData } from '../common/types';
import { assetHealth, worstAssetHealth } from '@itam/common';
import { isoDay } from '../domain/dates';
import { licenceHealth } from '../domain/licence-status';
import { issueAssetsWithLicences } from './issue-assets-with-licences';
import { registerSettings } from './register-settings';
import type { IssueScope } from './context';

/**
 * The issue context summary: how many assets are linked and the worst status among them, counting
 * each asset's health and its licence status (a shortfall needs attention).
 */
export async function getIssueSummary(scope: IssueScope): Promise<IssueSummaryData> {
  const linked = await issueAssetsWithLicences(scope.client, scope.issue);
  const today = isoDay(scope.now);
  const settings = linked.length > 0 ? await registerSettings(scope.client) : undefined;
  const worst = worstAssetHealth(
    linked.flatMap(({ asset, licences }) => [assetHealth(asset, today, settings!).health, licenceHealth(licences.status)]),
  );
  return { count: linked.length, ...(worst ? { worst } : {}) };
}
