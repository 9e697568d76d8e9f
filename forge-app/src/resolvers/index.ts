import Resolver from '@forge/resolver';
import { loadBackend } from '../backend-client/create-backend-client';
import type { Defs } from '../common/defs';
import { ItamForgeError } from '../common/errors';
import { messages } from '../common/messages';
import { assessmentComment } from '../domain/assessment-comment';
import { changeWindow } from '../domain/change-window';
import { addComment } from '../jira-client/add-comment';
import { getIssueDueDate } from '../jira-client/get-issue-due-date';
import type { AdminSettingsInput } from '../common/types';
import { getAdminSettings, saveAdminSettings } from '../services/admin-settings';
import { getChangePanel } from '../services/get-change-panel';
import { getIncidentPanel } from '../services/get-incident-panel';
import { getIssueSummary } from '../services/get-issue-summary';
import { linkAsset } from '../services/link-asset';
import { searchAssets } from '../services/search-assets';
import { unlinkAsset } from '../services/unlink-asset';
import { issueKeyFromContext, requireIssuePermission, requireJiraAdmin } from './issue-from-context';
import { respond } from './respond';

type Result<K extends keyof Defs> = ReturnType<Defs[K]>;

const assetIdOf = (payload: { assetId?: unknown }): string => {
  if (typeof payload.assetId !== 'string' || !payload.assetId) {
    throw new ItamForgeError('invalid-input', 'No asset given.');
  }
  return payload.assetId;
};

/** The change panel of the issue, assessed over the window its due date (or now) gives. */
const loadChangePanel = async (issueKey: string) => {
  const [{ client, config }, dueDate] = await Promise.all([loadBackend(), getIssueDueDate(issueKey)]);
  return getChangePanel({ client, site: config.site, issueKey, window: changeWindow(new Date(), dueDate) });
};

const resolver = new Resolver();

resolver.define<object, Result<'getIncidentPanel'>>('getIncidentPanel', ({ context }) =>
  respond(async () => {
    const issueKey = issueKeyFromContext(context);
    await requireIssuePermission('BROWSE_PROJECTS', issueKey);
    const { client, config } = await loadBackend();
    return getIncidentPanel({ client, site: config.site, issueKey, now: new Date() });
  }),
);

resolver.define<{ q?: string }, Result<'searchAssets'>>('searchAssets', ({ payload, context }) =>
  respond(async () => {
    const issueKey = issueKeyFromContext(context);
    await requireIssuePermission('BROWSE_PROJECTS', issueKey);
    const { client, config } = await loadBackend();
    return searchAssets({ client, site: config.site, issueKey, q: String(payload.q ?? '') });
  }),
);

resolver.define<{ assetId?: string }, Result<'linkAsset'>>('linkAsset', ({ payload, context }) =>
  respond(async () => {
    const issueKey = issueKeyFromContext(context);
    await requireIssuePermission('EDIT_ISSUES', issueKey);
    const { client, config } = await loadBackend();
    const assetId = assetIdOf(payload);
    await linkAsset({ client, site: config.site, issueKey, assetId, issueTypes: config.issueTypes });
    return getIncidentPanel({ client, site: config.site, issueKey, now: new Date() });
  }),
);

resolver.define<{ assetId?: string }, Result<'unlinkAsset'>>('unlinkAsset', ({ payload, context }) =>
  respond(async () => {
    const issueKey = issueKeyFromContext(context);
    await requireIssuePermission('EDIT_ISSUES', issueKey);
    const { client, config } = await loadBackend();
    await unlinkAsset({ client, site: config.site, issueKey, assetId: assetIdOf(payload) });
    return getIncidentPanel({ client, site: config.site, issueKey, now: new Date() });
  }),
);

resolver.define<object, Result<'getChangePanel'>>('getChangePanel', ({ context }) =>
  respond(async () => {
    const issueKey = issueKeyFromContext(context);
    await requireIssuePermission('BROWSE_PROJECTS', issueKey);
    return loadChangePanel(issueKey);
  }),
);

// The assessment is made again here rather than taken from the payload, so the comment says what
// the register says now and a caller cannot put words in the app's mouth.
resolver.define<object, Result<'recordAssessment'>>('recordAssessment', ({ context }) =>
  respond(async () => {
    const issueKey = issueKeyFromContext(context);
    await requireIssuePermission('BROWSE_PROJECTS', issueKey);
    await requireIssuePermission('ADD_COMMENTS', issueKey);
    const { assessment } = await loadChangePanel(issueKey);
    if (!assessment) throw new ItamForgeError('invalid-input', messages.nothingToRecord);
    const { id } = await addComment(issueKey, assessmentComment(assessment.result, assessment.window));
    return { commentId: id, score: assessment.result.risk.score, level: assessment.result.risk.level };
  }),
);

resolver.define<object, Result<'getIssueSummary'>>('getIssueSummary', ({ context }) =>
  respond(async () => {
    const issueKey = issueKeyFromContext(context);
    await requireIssuePermission('BROWSE_PROJECTS', issueKey);
    const { client, config } = await loadBackend();
    return getIssueSummary({ client, site: config.site, issueKey, now: new Date() });
  }),
);

resolver.define<object, Result<'getAdminSettings'>>('getAdminSettings', () =>
  respond(async () => {
    await requireJiraAdmin();
    return getAdminSettings();
  }),
);

resolver.define<AdminSettingsInput, Result<'saveAdminSettings'>>('saveAdminSettings', ({ payload }) =>
  respond(async () => {
    await requireJiraAdmin();
    return saveAdminSettings(payload);
  }),
);

/** The handler of the `resolver` function module: every UI module's calls arrive here. */
export const handler = resolver.getDefinitions();
