import { ItamJiraClient, type ItamJiraApi } from '@itam/common';
import { ASSET_PROPERTY_KEY, RISK_PROPERTY_KEY } from '../common/constants';
import type {
  AdminSettings,
  ChangePanelData,
  ConnectionCheck,
  IncidentPanelData,
  PanelAsset,
  RecordedAssessment,
} from '../common/types';
import { FAKE_ASSET_FIELD_ID } from '../testing/fake-jira';
import { edge } from '../testing/forge-api-mock';
import { startItamBackend } from '../testing/itam-backend';
import { onIssueCreated, onIssueDeleted, onIssueUpdated, resyncLinkedIssues } from '../triggers/issue-events';
import { handler } from '.';

jest.mock('@forge/api', () => jest.requireActual('../testing/forge-api-mock').forgeApiMock());
jest.mock('@forge/kvs');

const SITE = 'acme.atlassian.net';
const OTHER_SITE = 'globex.atlassian.net';
const STATIC_TOKEN = 'jira-static-0123456789abcdef';
const SEEDER_TOKEN = 'seeder-0123456789abcdef';
const PORTAL = 'https://backstage.acme.test';
const context = (id: string, key: string) => ({ siteUrl: `https://${SITE}`, extension: { issue: { id, key } } });

async function invoke<T>(functionKey: string, payload: object = {}, ctx: object = context('100009', 'OPS-9')): Promise<T> {
  const result = (await handler({ call: { functionKey, payload }, context: ctx })) as
    | { ok: true; data: T }
    | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${functionKey}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/**
 * The resolvers and triggers against the real ITAM backend: `invokeRemote` reaches it with a
 * signed Forge invocation token for this site (verified by the backend's `forge` token handler);
 * Jira is the in-memory FakeJira.
 */
describe('the Jira app against the ITAM backend', () => {
  let backend: Awaited<ReturnType<typeof startItamBackend>>;
  let register: ItamJiraApi;
  let server: { id: string };
  let site = SITE;

  beforeAll(async () => {
    backend = await startItamBackend({ sites: [SITE, OTHER_SITE], staticToken: STATIC_TOKEN, seederToken: SEEDER_TOKEN });
    process.env.ITAM_BACKEND_ORIGIN = 'https://backstage.acme.test';
    // Forge Remote: the path goes to the deployed origin (here the in-process backend), with a FIT.
    edge.remote = async (remoteKey, init) => {
      expect(remoteKey).toBe('itam-backend');
      const { path, headers, ...rest } = init;
      return fetch(`${backend.origin}${path}`, {
        ...rest,
        headers: { ...(headers as Record<string, string>), authorization: `Bearer ${await backend.invocationToken(site)}` },
      });
    };
    edge.fetch = (url, init) => fetch(url.replace(PORTAL, backend.origin), init);
    register = new ItamJiraClient({
      baseUrl: backend.baseUrl,
      fetch: (url, init) => fetch(url, init),
      headers: () => ({ authorization: `Bearer ${SEEDER_TOKEN}` }),
    });
    server = await register.createAsset({
      tag: 'SRV-1',
      name: 'db host',
      assetClass: 'hardware',
      type: 'server',
      criticality: 1,
      owner: 'group:default/sre',
      warrantyEnd: '2020-01-31',
      endOfLife: '2099-12-31',
      lifecycleStage: 'deployed',
    });
    await register.addEntityLink(server.id, { entityRef: 'component:default/payments-api', role: 'runs-on' });
    await register.createAsset({ tag: 'LAP-2', name: 'laptop', assetClass: 'hardware', type: 'laptop' });
    const vm = await register.createAsset({ tag: 'VM-7', name: 'app vm', assetClass: 'hardware', type: 'server', criticality: 2 });
    await register.addAssetLink(server.id, { type: 'hosts', targetAssetId: vm.id });

    edge.jira.reset();
    const jira = edge.jira;
    jira.addIssue('OPS-1', { id: '100001', summary: 'Disk errors', status: 'Open', issueType: 'Incident', issueTypeId: '10001', projectId: '10000' });
    jira.addIssue('OPS-2', { id: '100002', summary: 'Secret outage', status: 'Open', issueType: 'Incident', issueTypeId: '10001', projectId: '10000' });
    jira.addIssue('OPS-9', { id: '100009', summary: 'Database down', status: 'Open', issueType: 'Incident', issueTypeId: '10001', projectId: '10000' });
    jira.addIssue('CHG-1', {
      id: '200001',
      summary: 'Patch db host',
      status: 'Planned',
      issueType: 'Change',
      issueTypeId: '10004',
      projectId: '10010',
      dueDate: '2026-12-01',
      serviceDesk: true,
      fields: { customfield_10060: '2026-12-03T22:00:00.000+0000', customfield_10061: '2026-12-04T02:00:00.000+0000' },
    });
    jira.addIssue('CHG-2', { id: '200002', summary: 'Rotate certs', status: 'Planned', issueType: 'Change', issueTypeId: '10004', projectId: '10010', dueDate: '2026-12-07' });
    jira.addIssue('HR-1', { id: '300001', summary: 'New hire laptop', status: 'Open', issueType: 'Task', issueTypeId: '10005', projectId: '10030' });
    jira.allowUser('OPS-1', 'OPS-9', 'CHG-1', 'CHG-2');
    jira.userPermissions.add('ADMINISTER');
  });
  afterAll(async () => {
    delete process.env.ITAM_BACKEND_ORIGIN;
    await backend.stop();
  });

  const adminInput = {
    baseUrl: 'https://backstage.acme.test/api/itam',
    auth: 'forge-remote' as const,
    portalUrl: PORTAL,
    issueTypes: { incident: ['10001'], problem: ['10002'], request: ['10003'], change: ['10004'] },
    projects: ['10000', '10010'],
    changeFields: { plannedStart: 'customfield_10060', plannedEnd: 'customfield_10061' },
  };

  describe('the admin page', () => {
    it('refuses a backend address off the deployed remote, and issue types that are not the site’s', async () => {
      await expect(invoke('saveAdminSettings', { ...adminInput, baseUrl: 'https://evil.example.com/api/itam' })).rejects.toThrow(
        /invalid-input The backend address must be on https:\/\/backstage.acme.test/,
      );
      await expect(invoke('saveAdminSettings', { ...adminInput, baseUrl: 'http://localhost:7007/api/itam' })).rejects.toThrow(/https/);
      await expect(
        invoke('saveAdminSettings', { ...adminInput, issueTypes: { ...adminInput.issueTypes, incident: ['Incident'] } }),
      ).rejects.toThrow(/No incident issue type with id Incident/);
      expect(edge.jira.appProperties.size).toBe(0);
    });

    it('saves the scope by id and publishes it for the display conditions', async () => {
      const saved = await invoke<AdminSettings>('saveAdminSettings', adminInput);
      expect(saved).toMatchObject({
        baseUrl: adminInput.baseUrl,
        auth: 'forge-remote',
        portalUrl: PORTAL,
        tokenSet: false,
        issueTypes: adminInput.issueTypes,
        projects: ['10000', '10010'],
        deployedOrigin: 'https://backstage.acme.test',
      });
      expect(edge.jira.appProperties.get('itam-issue-types')).toEqual({
        incidentPanel: ['10001', '10002', '10003'],
        changePanel: ['10004'],
        projects: [10000, 10010],
      });
    });

    it('tests the connection: the backend names this site and the acting user', async () => {
      const check = await invoke<ConnectionCheck>('testConnection');
      expect(check).toEqual({
        ok: true,
        connection: {
          site: SITE,
          actor: `jira:${SITE}/557058:agent`,
          via: 'forge-invocation-token',
          permissions: ['itam.asset.read', 'itam.ticket.link'],
        },
      });
    });
  });

  describe('panels', () => {
    it('links an asset to an incident by issue id, with a link to Backstage, and indexes it for JQL', async () => {
      // An earlier incident on the server, on this site, and one on another site.
      await invoke('linkAsset', { assetId: server.id }, context('100001', 'OPS-1'));
      // The other site's app links its own OPS-1 (another issue entirely) to the same server.
      site = OTHER_SITE;
      await invoke('linkAsset', { assetId: server.id }, context('100001', 'OPS-1'));
      site = SITE;

      const hits = await invoke<{ tag: string; linked: boolean }[]>('searchAssets', { q: 'srv' });
      expect(hits.map(h => [h.tag, h.linked])).toEqual([['SRV-1', false]]);
      const panel = await invoke<IncidentPanelData>('linkAsset', { assetId: server.id });
      expect(panel.assets).toEqual([
        expect.objectContaining({
          tag: 'SRV-1',
          url: `${PORTAL}/itam/assets/${server.id}`,
          warranty: { date: '2020-01-31', status: 'passed' },
          health: 'critical',
          // Only this site's other incident, not the other site's OPS-1.
          incidents: { recentCount: 1, recentKeys: ['OPS-1'], hiddenCount: 0 },
          licences: { status: 'none', products: [] },
        }),
      ]);
      const tickets = await register.getAssetTickets(server.id);
      expect(tickets.filter(t => t.site === SITE && t.issueKey === 'OPS-9')).toEqual([
        expect.objectContaining({ issueId: '100009', ticketType: 'incident', summary: 'Database down', createdBy: `jira:${SITE}/557058:agent` }),
      ]);
      expect(edge.jira.property('OPS-9', ASSET_PROPERTY_KEY)).toEqual({
        tags: ['SRV-1'],
        count: 1,
        owners: ['group:default/sre'],
        services: ['component:default/payments-api'],
        highestCriticality: 1,
      });
      // The asset field says the same as the panel.
      expect(edge.jira.find('OPS-9')?.issue.fields?.[FAKE_ASSET_FIELD_ID]).toEqual(['SRV-1']);
    });

    it('counts, but does not list, incidents the viewer may not browse', async () => {
      await invoke('linkAsset', { assetId: server.id }, context('100002', 'OPS-2')).catch(() => undefined);
      // The agent cannot browse OPS-2: link it as someone who can, then look as the agent.
      edge.jira.allowUser('OPS-2');
      await invoke('linkAsset', { assetId: server.id }, context('100002', 'OPS-2'));
      for (const p of ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADD_COMMENTS']) edge.jira.userPermissions.delete(`${p}:OPS-2`);
      const panel = await invoke<IncidentPanelData>('getIncidentPanel');
      expect(panel.assets[0].incidents).toEqual({ recentCount: 2, recentKeys: ['OPS-1'], hiddenCount: 1 });
    });

    it('keeps the links when the issue moves to another project (new key, same id)', async () => {
      edge.jira.moveIssue('OPS-9', 'SUP-4', '10020');
      await invoke('saveAdminSettings', { ...adminInput, projects: ['10000', '10010', '10020'] });
      // The move's event: the backend records the new key on every link, the property stays.
      await onIssueUpdated({ eventType: 'avi:jira:updated:issue', issue: { id: '100009', key: 'SUP-4' }, changelog: { items: [{ field: 'Key' }] } });
      const panel = await invoke<IncidentPanelData>('getIncidentPanel', {}, context('100009', 'SUP-4'));
      expect(panel.issueKey).toBe('SUP-4');
      expect(panel.assets.map((a: PanelAsset) => a.tag)).toEqual(['SRV-1']);
      expect((await register.getAssetTickets(server.id)).filter(t => t.issueId === '100009').map(t => t.issueKey)).toEqual(['SUP-4']);
      expect(edge.jira.property('SUP-4', ASSET_PROPERTY_KEY)).toMatchObject({ tags: ['SRV-1'], count: 1 });
    });

    it('assesses a change over its planned window and records the assessment as an internal comment on a service desk request', async () => {
      await invoke('linkAsset', { assetId: server.id }, context('200001', 'CHG-1'));
      const panel = await invoke<ChangePanelData>('getChangePanel', {}, context('200001', 'CHG-1'));
      expect(panel).toMatchObject({
        issueKey: 'CHG-1',
        highestCriticality: 1,
        owners: ['group:default/sre'],
        assets: [expect.objectContaining({ tag: 'SRV-1', url: `${PORTAL}/itam/assets/${server.id}` })],
        assessment: { window: { start: '2026-12-03T22:00:00.000Z', end: '2026-12-04T02:00:00.000Z', source: 'planned' } },
      });
      // Open incidents: this site's, the viewer's browsable ones listed, OPS-2 counted.
      expect(panel.assets[0]).toMatchObject({ openIncidents: expect.arrayContaining(['OPS-1', 'SUP-4']), hiddenOpenIncidents: 1 });
      const keys = panel.assessment!.result.openIncidents.flatMap(o => o.issueKeys);
      expect(keys).not.toContain('OPS-2');

      const recorded = await invoke<RecordedAssessment>('recordAssessment', {}, context('200001', 'CHG-1'));
      const { risk } = panel.assessment!.result;
      expect(recorded).toEqual({ commentId: expect.any(String), visibility: 'internal', score: risk.score, level: risk.level });
      const [comment] = edge.jira.comments.get('200001') ?? [];
      expect(comment).toMatchObject({ api: 'servicedesk', public: false });
      expect(String(comment.body)).toContain(`risk ${risk.score}/25 (${risk.level})`);
      expect(String(comment.body)).toContain('- ');
      expect(edge.jira.property('CHG-1', RISK_PROPERTY_KEY)).toEqual({ score: risk.score, level: risk.level, assessedAt: expect.any(String) });
    });

    it('records a platform comment on an issue outside a service desk, over the due date when no planned window is set', async () => {
      await invoke('linkAsset', { assetId: server.id }, context('200002', 'CHG-2'));
      const panel = await invoke<ChangePanelData>('getChangePanel', {}, context('200002', 'CHG-2'));
      expect(panel.assessment!.window).toEqual({ start: '2026-12-07T00:00:00.000Z', end: '2026-12-07T23:59:59.999Z', source: 'due-date' });
      const recorded = await invoke<RecordedAssessment>('recordAssessment', {}, context('200002', 'CHG-2'));
      expect(recorded.visibility).toBe('platform');
      const [comment] = edge.jira.comments.get('200002') ?? [];
      expect(comment).toMatchObject({ api: 'platform', body: { version: 1, type: 'doc' } });
    });

    it('refuses to link on an issue out of scope', async () => {
      edge.jira.allowUser('HR-1');
      await expect(invoke('linkAsset', { assetId: server.id }, context('300001', 'HR-1'))).rejects.toThrow('out-of-scope');
    });
  });

  describe('the asset field', () => {
    it('links the assets named on the create screen, and unlinks those removed from the field', async () => {
      edge.jira.addIssue('OPS-20', {
        id: '100020',
        summary: 'Laptop broken',
        status: 'Open',
        issueType: 'Incident',
        issueTypeId: '10001',
        projectId: '10000',
        fields: { [FAKE_ASSET_FIELD_ID]: ['LAP-2', 'NOPE-1'] },
      });
      edge.jira.allowUser('OPS-20');
      expect(await onIssueCreated({ eventType: 'avi:jira:created:issue', issue: { id: '100020', key: 'OPS-20' } })).toBeUndefined();
      let panel = await invoke<IncidentPanelData>('getIncidentPanel', {}, context('100020', 'OPS-20'));
      expect(panel.assets.map((a: PanelAsset) => a.tag)).toEqual(['LAP-2']);
      // The field keeps only what the register holds: an unknown tag is dropped.
      expect(edge.jira.find('OPS-20')?.issue.fields?.[FAKE_ASSET_FIELD_ID]).toEqual(['LAP-2']);

      edge.jira.find('OPS-20')!.issue.fields = { [FAKE_ASSET_FIELD_ID]: ['SRV-1'] };
      await onIssueUpdated({
        eventType: 'avi:jira:updated:issue',
        issue: { id: '100020', key: 'OPS-20' },
        changelog: { items: [{ fieldId: FAKE_ASSET_FIELD_ID, field: 'Assets (ITAM)' }] },
      });
      panel = await invoke<IncidentPanelData>('getIncidentPanel', {}, context('100020', 'OPS-20'));
      expect(panel.assets.map((a: PanelAsset) => a.tag)).toEqual(['SRV-1']);
      expect(edge.jira.property('OPS-20', ASSET_PROPERTY_KEY)).toMatchObject({ tags: ['SRV-1'], count: 1 });
    });
  });

  describe('triggers', () => {
    it('do nothing for an issue out of scope: nothing reaches the backend', async () => {
      const before = edge.jira.calls.length;
      edge.jira.find('HR-1')!.issue.fields = { [FAKE_ASSET_FIELD_ID]: ['SRV-1'] };
      await onIssueCreated({ eventType: 'avi:jira:created:issue', issue: { id: '300001', key: 'HR-1' } });
      expect((await register.getAssetTickets(server.id)).some(t => t.issueId === '300001')).toBe(false);
      expect(edge.jira.calls.slice(before).filter(c => c.method !== 'GET')).toEqual([]);
    });

    it('ask Forge to retry when the backend cannot be reached', async () => {
      const remote = edge.remote;
      edge.remote = async () => {
        throw new TypeError('fetch failed');
      };
      try {
        const outcome = await onIssueUpdated({ eventType: 'avi:jira:updated:issue', issue: { id: '100001', key: 'OPS-1' } });
        expect(outcome).toMatchObject({ retryOptions: { retryAfter: 120, retryReason: 'FUNCTION_RETRY_REQUEST' } });
        expect(JSON.parse(JSON.stringify(outcome))).toMatchObject({ _retry: true });
      } finally {
        edge.remote = remote;
      }
    });

    it('resync recently updated linked issues the events missed', async () => {
      // An edit whose event was lost: the summary changed in Jira only.
      edge.jira.find('OPS-1')!.issue.summary = 'Disk errors on db host';
      edge.jira.jqlResult = ['100001'];
      await resyncLinkedIssues();
      expect((await register.getAssetTickets(server.id)).find(t => t.issueId === '100001' && t.site === SITE)?.summary).toBe(
        'Disk errors on db host',
      );
      expect(edge.jira.calls.find(c => c.path === '/rest/api/3/search/jql')?.body).toMatchObject({
        jql: expect.stringContaining('itamAssetCount > 0 AND updated >= -75m'),
      });
    });

    it('never empty a non-empty asset property because the register answered nothing', async () => {
      // The register loses the issue's links behind the app's back (e.g. restored from a backup).
      edge.jira.issueProperties.get('100001')!.set(ASSET_PROPERTY_KEY, { tags: ['SRV-1'], count: 1, owners: [], services: [] });
      await fetch(`${backend.baseUrl}/jira/issues/100001/assets`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${await backend.invocationToken(SITE)}` },
      });
      await onIssueUpdated({ eventType: 'avi:jira:updated:issue', issue: { id: '100001', key: 'OPS-1' } });
      expect(edge.jira.property('OPS-1', ASSET_PROPERTY_KEY)).toMatchObject({ tags: ['SRV-1'], count: 1 });
    });

    it('forget a deleted issue’s links', async () => {
      await onIssueDeleted({ eventType: 'avi:jira:deleted:issue', issue: { id: '200002', key: 'CHG-2' } });
      expect((await register.getAssetTickets(server.id)).some(t => t.issueId === '200002')).toBe(false);
    });
  });

  describe('the static token fallback', () => {
    it('reaches the same backend bound to the configured site', async () => {
      await invoke('saveAdminSettings', { ...adminInput, auth: 'static-token', token: STATIC_TOKEN, projects: [] });
      edge.fetch = (url, init) => fetch(url.replace('https://backstage.acme.test', backend.origin), init);
      const check = await invoke<ConnectionCheck>('testConnection');
      expect(check).toEqual({ ok: true, connection: expect.objectContaining({ site: SITE, via: 'static-token', actor: 'jira-static' }) });
      const panel = await invoke<IncidentPanelData>('getIncidentPanel', {}, context('100009', 'SUP-4'));
      expect(panel.assets.map((a: PanelAsset) => a.tag)).toEqual(['SRV-1']);
    });

    it('reports a token bound to another site as a failed connection', async () => {
      const check = await invoke<ConnectionCheck>('testConnection', {}, { siteUrl: `https://${OTHER_SITE}` });
      expect(check).toEqual({ ok: false, message: expect.stringContaining(`takes this app to be ${SITE}`) });
    });
  });
});
