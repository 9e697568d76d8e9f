import Resolver from '@forge/resolver';
import { loadBackend } from '../backend-client/create-backend-client';
import type { Defs } from '../common/defs';
import { ItamForgeError } from '../common/errors';
import type { AdminSettingsInput } from '../common/types';
import { getAdminSettings, getSiteOptions, saveAdminSettings } from '../services/admin-settings';
import type { IssueRef } from '../services/context';
import { getChangePanel } from '../services/get-change-panel';
import { getIncidentPanel } from '../services/get-incident-panel';
import { getIssueSummary } from '../services/get-issue-summary';
import { linkAsset } from '../services/link-asset';
import { recordAssessment } from '../services/record-assessment';
import { searchAssets } from '../services/search-assets';
import { testConnection } from '../services/test-connection';
import { unlinkAsset } from '../services/unlink-asset';
import { issueFromContext, requireIssuePermission, requireJiraAdmin, siteHostFromContext } from './issue-from-context';
import { respond } from './respond';

type Result<K extends keyof Defs> = ReturnType<Defs[K]>;

const assetIdOf = (payload: { assetId?: unknown }): string => {
  if (typeof payload.assetId !== 'string' || !payload.assetId) {
    throw new ItamForgeError('invalid-input', 'No asset given.');
  }
  return payload.assetId;
};

/** The backend and the issue of a panel call, after checking the user's permission on the issue. */
async function issueScope(context: object, permission: 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'ADD_COMMENTS') {
  const issue: IssueRef = issueFromContext(context);
  await requireIssuePermission(permission, issue);
  const { client, config } = await loadBackend();
  return { client, config, issue, now: new Date() };
}

const resolver = new Resolver();

resolver.define<object, Result<'getIncidentPanel'>>('getIncidentPanel', ({ context }) =>
  respond(async () => getIncidentPanel(await issueScope(context, 'BROWSE_PROJECTS'))),
);

resolver.define<{ q?: string }, Result<'searchAssets'>>('searchAssets', ({ payload, context }) =>
  respond(async () => {
    const { client, config, issue } = await issueScope(context, 'BROWSE_PROJECTS');
    return searchAssets({ client, issue, q: String(payload.q ?? ''), portalUrl: config.portalUrl });
  }),
);

resolver.define<{ assetId?: string }, Result<'linkAsset'>>('linkAsset', ({ payload, context }) =>
  respond(async () => {
    const scope = await issueScope(context, 'EDIT_ISSUES');
    await linkAsset({ ...scope, assetId: assetIdOf(payload) });
    return getIncidentPanel(scope);
  }),
);

resolver.define<{ assetId?: string }, Result<'unlinkAsset'>>('unlinkAsset', ({ payload, context }) =>
  respond(async () => {
    const scope = await issueScope(context, 'EDIT_ISSUES');
    await unlinkAsset({ ...scope, assetId: assetIdOf(payload) });
    return getIncidentPanel(scope);
  }),
);

resolver.define<object, Result<'getChangePanel'>>('getChangePanel', ({ context }) =>
  respond(async () => getChangePanel(await issueScope(context, 'BROWSE_PROJECTS'))),
);

resolver.define<object, Result<'recordAssessment'>>('recordAssessment', ({ context }) =>
  respond(async () => {
    const scope = await issueScope(context, 'BROWSE_PROJECTS');
    await requireIssuePermission('ADD_COMMENTS', scope.issue);
    return recordAssessment(scope);
  }),
);

resolver.define<object, Result<'getIssueSummary'>>('getIssueSummary', ({ context }) =>
  respond(async () => getIssueSummary(await issueScope(context, 'BROWSE_PROJECTS'))),
);

// The asset field's editor runs on create screens and request forms too, where there is no
// issue yet: it searches the register for the signed-in user and marks nothing as linked.
resolver.define<{ q?: string }, Result<'searchFieldAssets'>>('searchFieldAssets', ({ payload }) =>
  respond(async () => {
    const { client, config } = await loadBackend();
    return searchAssets({ client, q: String(payload.q ?? ''), portalUrl: config.portalUrl });
  }),
);

resolver.define<object, Result<'getAdminSettings'>>('getAdminSettings', () =>
  respond(async () => {
    await requireJiraAdmin();
    return getAdminSettings();
  }),
);

resolver.define<object, Result<'getSiteOptions'>>('getSiteOptions', () =>
  respond(async () => {
    await requireJiraAdmin();
    return getSiteOptions();
  }),
);

resolver.define<AdminSettingsInput, Result<'saveAdminSettings'>>('saveAdminSettings', ({ payload }) =>
  respond(async () => {
    await requireJiraAdmin();
    return saveAdminSettings(payload);
  }),
);

resolver.define<object, Result<'testConnection'>>('testConnection', ({ context }) =>
  respond(async () => {
    await requireJiraAdmin();
    return testConnection(siteHostFromContext(context));
  }),
);

/** The handler of the `resolver` function module: every UI module's calls arrive here. */
export const handler = resolver.getDefinitions();
