import { ItamClient } from '@itam/common';
import { ASSET_PROPERTY_KEY } from '../common/constants';
import type { ChangePanelData, IncidentPanelData, PanelAsset, RecordedAssessment } from '../common/types';
import { edge } from '../testing/forge-api-mock';
import { startItamBackend } from '../testing/itam-backend';
import { handler } from '.';

jest.mock('@forge/api', () => jest.requireActual('../testing/forge-api-mock').forgeApiMock());
jest.mock('@forge/kvs');

const TOKEN = 'jira-acme-0123456789abcdef';
const SITE = 'acme.atlassian.net';
const inIssue = (key: string) => ({ extension: { issue: { key } } });
async function invoke<T>(functionKey: string, payload: object = {}, context: object = inIssue('OPS-9')): Promise<T> {
  const result = (await handler({ call: { functionKey, payload }, context })) as
    | { ok: true; data: T }
    | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${functionKey}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** The resolvers, with Forge's fetch routed to the real ITAM backend and the token it accepts. */
describe('resolvers against the ITAM backend', () => {
  let backend: Awaited<ReturnType<typeof startItamBackend>>;
  let register: ItamClient;
  let server: { id: string };

  beforeAll(async () => {
    backend = await startItamBackend({ token: TOKEN, subject: 'jira-acme' });
    register = new ItamClient({
      baseUrl: backend.baseUrl,
      fetch: (url, init) => fetch(url, init),
      headers: () => ({ authorization: `Bearer ${TOKEN}` }),
    });
    server = await register.createAsset({
      tag: 'SRV-1',
      name: 'db host',
      assetClass: 'hardware',
      type: 'server',
      criticality: 1,
      owner: 'group:sre',
      warrantyEnd: '2020-01-31',
      endOfLife: '2099-12-31',
      lifecycleStage: 'deployed',
    });
    await register.createAsset({ tag: 'LAP-2', name: 'laptop', assetClass: 'hardware', type: 'laptop' });
    // A host the server runs: what a change to the server reaches.
    const vm = await register.createAsset({ tag: 'VM-7', name: 'app vm', assetClass: 'hardware', type: 'server', criticality: 2 });
    await register.addAssetLink(server.id, { type: 'hosts', targetAssetId: vm.id });
    // An earlier incident on the same server.
    await register.linkTicket(server.id, { site: SITE, issueKey: 'OPS-1', ticketType: 'incident', resolved: false });

    edge.jira.reset();
    edge.jira.issues.set('OPS-9', { summary: 'Database down', status: 'Open', issueType: 'Incident' });
    edge.jira.issues.set('CHG-1', { summary: 'Patch db host', status: 'Planned', issueType: 'Change', dueDate: '2026-12-01' });
    edge.jira.allowUser('OPS-9', 'CHG-1');
    edge.jira.userPermissions.add('ADMINISTER');
  });
  afterAll(() => backend.stop());

  it('connects through the admin page settings', async () => {
    const saved = await invoke('saveAdminSettings', {
      baseUrl: backend.baseUrl,
      site: SITE,
      token: TOKEN,
      issueTypes: { incident: ['Incident'], problem: ['Problem'], request: ['Service Request'], change: ['Change'] },
    });
    expect(saved).toMatchObject({ baseUrl: backend.baseUrl, site: SITE, tokenSet: true });
  });

  it('searches the register and links an asset to the incident', async () => {
    const hits = await invoke<{ tag: string; linked: boolean }[]>('searchAssets', { q: 'srv' });
    expect(hits.map(h => [h.tag, h.linked])).toEqual([['SRV-1', false]]);

    const panel = await invoke<IncidentPanelData>('linkAsset', { assetId: server.id });
    expect(panel.assets).toEqual([
      expect.objectContaining({
        tag: 'SRV-1',
        lifecycleStage: 'deployed',
        criticality: 1,
        owner: 'group:default/sre',
        warranty: { date: '2020-01-31', status: 'passed' },
        endOfLife: { date: '2099-12-31', status: 'ok' },
        health: 'critical',
        incidents: { recentCount: 1, recentKeys: ['OPS-1'] },
        // No software recorded on it.
        licences: { status: 'none', products: [] },
      }),
    ]);
    // The register has the ticket with its Jira state; the issue property lists the tag for JQL.
    expect(await register.getAssetTickets(server.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ issueKey: 'OPS-9', ticketType: 'incident', summary: 'Database down', status: 'Open', resolved: false, createdBy: 'jira-acme' }),
      ]),
    );
    expect(edge.jira.issueProperties.get('OPS-9')?.get(ASSET_PROPERTY_KEY)).toEqual({ tags: ['SRV-1'], count: 1 });
    expect((await invoke<{ tag: string; linked: boolean }[]>('searchAssets', { q: 'SRV' }))[0].linked).toBe(true);
  });

  it('summarises the issue for the context panel', async () => {
    expect(await invoke('getIssueSummary')).toEqual({ count: 1, worst: 'critical' });
  });

  it('shows the licence status of the software on a linked asset, and counts a shortfall in the summary', async () => {
    const dbHost = await register.createAsset({
      tag: 'SRV-L1',
      name: 'sql host',
      assetClass: 'hardware',
      type: 'server',
      criticality: 3,
      warrantyEnd: '2099-12-31',
      attributes: { processors: 2, coresPerProcessor: 16 },
    });
    const post = async (path: string, body: object) => {
      const response = await fetch(`${backend.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
    };
    await post('/products', {
      id: 'sql-ent',
      publisher: 'Microsoft',
      name: 'SQL Server 2022 Enterprise',
      underManagement: true,
      coreCounting: 'sql-server',
      recognition: [{ publisher: 'Microsoft', namePattern: 'SQL Server 2022 Enterprise' }],
    });
    // 16 core licences for 2 × 16 cores.
    await post('/entitlements', { id: 'ent-sql', productId: 'sql-ent', metric: 'per-core', quantity: 16 });
    await post('/installations', { deviceId: 'SRV-L1', productId: 'sql-ent' });
    edge.jira.issues.set('OPS-10', { summary: 'Reports slow', status: 'Open', issueType: 'Incident' });
    edge.jira.allowUser('OPS-10');

    const panel = await invoke<IncidentPanelData>('linkAsset', { assetId: dbHost.id }, inIssue('OPS-10'));
    expect(panel.assets.map((a: PanelAsset) => [a.tag, a.health, a.licences])).toEqual([
      [
        'SRV-L1',
        'ok',
        {
          status: 'under-licensed',
          products: [{ productId: 'sql-ent', name: 'SQL Server 2022 Enterprise', status: 'under-licensed', position: -16 }],
        },
      ],
    ]);
    expect(await invoke('getIssueSummary', {}, inIssue('OPS-10'))).toEqual({ count: 1, worst: 'attention' });
    await invoke('unlinkAsset', { assetId: dbHost.id }, inIssue('OPS-10'));
  });

  it('shows a change what it touches', async () => {
    await invoke('linkAsset', { assetId: server.id }, inIssue('CHG-1'));
    const panel = await invoke<ChangePanelData>('getChangePanel', {}, inIssue('CHG-1'));
    expect(panel).toEqual({
      issueKey: 'CHG-1',
      highestCriticality: 1,
      owners: ['group:default/sre'],
      assets: [expect.objectContaining({ tag: 'SRV-1', openIncidents: expect.arrayContaining(['OPS-1', 'OPS-9']) })],
      assessment: {
        // The issue's due date is the change window.
        window: { start: '2026-12-01T00:00:00.000Z', end: '2026-12-01T23:59:59.999Z' },
        result: expect.objectContaining({
          notFound: { assetIds: [], entityRefs: [] },
          affectedAssets: [
            expect.objectContaining({ tag: 'SRV-1', distance: 0, path: [] }),
            expect.objectContaining({ tag: 'VM-7', distance: 1, path: [expect.objectContaining({ relation: 'hosts' })] }),
          ],
          highestCriticality: expect.objectContaining({ tier: 1 }),
          openIncidents: [expect.objectContaining({ issueKeys: expect.arrayContaining(['OPS-1', 'OPS-9']) })],
        }),
      },
    });
    const { risk } = panel.assessment!.result;
    expect(risk.score).toBeGreaterThanOrEqual(1);
    expect(risk.reasons.map(r => r.factor)).toEqual(expect.arrayContaining(['criticality']));
    expect((await register.getAssetTickets(server.id)).find(t => t.issueKey === 'CHG-1')?.ticketType).toBe('change');
  });

  it('records the assessment on the change as a comment, in ADF', async () => {
    const recorded = await invoke<RecordedAssessment>('recordAssessment', {}, inIssue('CHG-1'));
    const { risk } = (await invoke<ChangePanelData>('getChangePanel', {}, inIssue('CHG-1'))).assessment!.result;
    expect(recorded).toEqual({ commentId: expect.any(String), score: risk.score, level: risk.level });
    const [comment] = edge.jira.comments.get('CHG-1') ?? [];
    expect(edge.jira.writes().filter(c => c.path.endsWith('/comment'))).toEqual([
      expect.objectContaining({ as: 'user', method: 'POST', path: '/rest/api/3/issue/CHG-1/comment' }),
    ]);
    expect(comment.body).toMatchObject({ version: 1, type: 'doc' });
    const texts = JSON.stringify(comment.body);
    expect(texts).toContain(`risk ${risk.score}/25 (${risk.level})`);
    expect(texts).toContain(risk.reasons[0].explanation);
    expect(texts).toContain('"type":"bulletList"');
    expect(texts).toContain('VM-7 app vm (asset): SRV-1 → hosts → VM-7');
  });

  it('has no assessment, and records none, for a change without assets', async () => {
    edge.jira.issues.set('CHG-2', { summary: 'Nothing linked', status: 'Planned', issueType: 'Change' });
    edge.jira.allowUser('CHG-2');
    expect(await invoke('getChangePanel', {}, inIssue('CHG-2'))).toEqual({ issueKey: 'CHG-2', assets: [], owners: [] });
    await expect(invoke('recordAssessment', {}, inIssue('CHG-2'))).rejects.toThrow('invalid-input');
    expect(edge.jira.comments.get('CHG-2')).toBeUndefined();
  });

  it('unlinks, twice without harm, and clears the issue property', async () => {
    const panel = await invoke<IncidentPanelData>('unlinkAsset', { assetId: server.id });
    expect(panel.assets).toEqual([]);
    expect(await invoke<IncidentPanelData>('unlinkAsset', { assetId: server.id })).toEqual({ issueKey: 'OPS-9', assets: [] });
    expect(edge.jira.issueProperties.get('OPS-9')?.get(ASSET_PROPERTY_KEY)).toEqual({ tags: [], count: 0 });
  });
});
