import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  ASSET_LIST_LICENCES_INCLUDE,
  itamAssetReadPermission,
  itamTicketLinkPermission,
  jiraIssueDetailsSchema,
  jiraIssueIdSchema,
  jiraIssueLookupQuerySchema,
  jiraIssueUpdateSchema,
} from '@itam/common';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { licenceStatusesById, type AssetLicenceSources } from '../licences/assetLicenceStatuses';
import { audited } from '../service/audit';
import type { RouteContext } from '../service/context';
import type { JiraCaller } from '../service/serviceAccess';
import { parseRequest } from '../service/validate';
import type { JiraIssueRef, JiraLinkStore } from './JiraLinkStore';

const issuePathSchema = z.object({ issueId: jiraIssueIdSchema });

/**
 * The Jira app's routes: ticket links by immutable issue id, on the caller's own site. The site
 * is never read from the request; it comes from the caller's credentials (a verified Forge
 * invocation token, or a static token bound to one site), so one site cannot see or change
 * another's links. Links record the Jira user who acted.
 */
export function registerJiraRoutes(router: Router, ctx: RouteContext, links: JiraLinkStore, licenceSources: AssetLicenceSources) {
  const jiraCaller = (credentials: BackstageCredentials): JiraCaller => {
    const caller = ctx.jiraCaller(credentials);
    if (!caller) {
      throw new NotAllowedError(
        'Only a Jira site (a Forge invocation token, or a token bound to a site under itam.serviceAccess) may call this route',
      );
    }
    return caller;
  };
  const issueOf = (req: Request, caller: JiraCaller, issueKey?: string): JiraIssueRef => ({
    site: caller.site,
    issueId: parseRequest(issuePathSchema, { issueId: req.params.issueId }, 'path').issueId,
    ...(issueKey ? { issueKey } : {}),
  });
  const withEntities = async (issue: JiraIssueRef) => {
    const linked = await links.getIssueAssets(issue);
    const entities = await ctx.store.listEntityLinksOf(linked.map(l => l.asset.id));
    return linked.map(l => ({ ...l, entities: entities.get(l.asset.id) ?? [] }));
  };
  const auditMeta = (caller: JiraCaller, issue: JiraIssueRef, extra: object) => ({
    site: caller.site,
    issueId: issue.issueId,
    ...extra,
  });

  router.get('/jira/connection', async (req, res) => {
    const caller = jiraCaller(await ctx.authorize(req, itamAssetReadPermission));
    res.json(caller);
  });

  router.get('/jira/issues/:issueId/assets', async (req, res) => {
    const caller = jiraCaller(await ctx.authorize(req, itamAssetReadPermission));
    const { issueKey, include } = parseRequest(jiraIssueLookupQuerySchema, req.query, 'query');
    const items = await withEntities(issueOf(req, caller, issueKey));
    if (include !== ASSET_LIST_LICENCES_INCLUDE) {
      res.json({ items });
      return;
    }
    // A Jira site reads the register unconditionally (ctx.authorize): the products' positions too.
    res.json({ items, licences: await licenceStatusesById(licenceSources, items.map(i => i.asset.id), true) });
  });

  router.put('/jira/issues/:issueId/assets/:assetId', async (req, res) => {
    const credentials = await ctx.authorize(req, itamTicketLinkPermission);
    const caller = jiraCaller(credentials);
    const details = parseRequest(jiraIssueDetailsSchema, req.body);
    const issue = issueOf(req, caller, details.issueKey);
    const created = await audited(
      ctx.auditor,
      {
        eventId: 'ticket-link-mutate',
        severityLevel: 'medium',
        request: req,
        meta: auditMeta(caller, issue, { action: 'link', assetId: req.params.assetId, issueKey: details.issueKey }),
      },
      async () => {
        const asset = await ctx.requireAsset(req.params.assetId);
        return links.upsertIssueLink(asset.id, issue, details, { actor: caller.actor, at: ctx.now() });
      },
    );
    res.status(created ? 201 : 200).json({ created });
  });

  router.delete('/jira/issues/:issueId/assets/:assetId', async (req, res) => {
    const caller = jiraCaller(await ctx.authorize(req, itamTicketLinkPermission));
    const { issueKey } = parseRequest(jiraIssueLookupQuerySchema, req.query, 'query');
    const issue = issueOf(req, caller, issueKey);
    await audited(
      ctx.auditor,
      {
        eventId: 'ticket-link-mutate',
        severityLevel: 'medium',
        request: req,
        meta: auditMeta(caller, issue, { action: 'unlink', assetId: req.params.assetId }),
      },
      async () => {
        const asset = await ctx.requireAsset(req.params.assetId);
        if (!(await links.removeIssueLink(asset.id, issue))) {
          throw new NotFoundError(`Asset ${asset.tag} is not linked to issue ${issue.issueId} on ${caller.site}`);
        }
      },
    );
    res.status(204).end();
  });

  router.put('/jira/issues/:issueId', async (req, res) => {
    const caller = jiraCaller(await ctx.authorize(req, itamTicketLinkPermission));
    const update = parseRequest(jiraIssueUpdateSchema, req.body);
    const issue = { ...issueOf(req, caller), issueKey: update.issueKey };
    await audited(
      ctx.auditor,
      {
        eventId: 'ticket-link-mutate',
        severityLevel: 'low',
        request: req,
        meta: auditMeta(caller, issue, { action: 'update', issueKey: update.issueKey }),
      },
      () => links.updateIssue(issue, update),
    );
    res.json({ items: await withEntities(issue) });
  });

  router.delete('/jira/issues/:issueId/assets', async (req, res) => {
    const caller = jiraCaller(await ctx.authorize(req, itamTicketLinkPermission));
    const issue = issueOf(req, caller);
    const removed = await audited(
      ctx.auditor,
      {
        eventId: 'ticket-link-mutate',
        severityLevel: 'medium',
        request: req,
        meta: auditMeta(caller, issue, { action: 'forget' }),
      },
      () => links.forgetIssue(issue),
    );
    res.json({ removed });
  });
}
