import { NO_ISSUE_TYPES } from '../common/constants';
import { saveBackendConfig } from '../storage/save-backend-config';
import { saveBackendToken } from '../storage/save-backend-token';
import { edge } from '../testing/forge-api-mock';
import { handler } from '.';

jest.mock('@forge/api', () => jest.requireActual('../testing/forge-api-mock').forgeApiMock());
jest.mock('@forge/kvs');
const { __store } = jest.requireMock('@forge/kvs');

const TOKEN = 'jira-acme-0123456789';
const issueContext = { extension: { issue: { key: 'OPS-9', id: '10009', type: 'Incident' } } };
const invoke = (functionKey: string, payload: object = {}, context: object = issueContext) =>
  handler({ call: { functionKey, payload }, context }) as Promise<
    { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }
  >;

describe('resolvers (edge mocked: Jira REST and fetch)', () => {
  const fetched: string[] = [];
  let answer: { status: number; body: unknown };

  beforeEach(async () => {
    __store.clear();
    edge.jira.reset();
    edge.jira.addIssue('OPS-9', { id: '10009', summary: 'Database down', status: 'Open', issueType: 'Incident', issueTypeId: '10001', projectId: '10000' });
    fetched.length = 0;
    answer = { status: 200, body: { items: [] } };
    edge.fetch = async url => {
      fetched.push(url);
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    };
  });

  const configure = async () => {
    await saveBackendConfig({
      baseUrl: 'https://backstage.example.com/api/itam',
      auth: 'static-token',
      issueTypes: { ...NO_ISSUE_TYPES, incident: ['10001'] },
      projects: [],
      changeFields: {},
    });
    await saveBackendToken(TOKEN);
  };

  it('asks for the register to be connected before it is configured', async () => {
    edge.jira.allowUser('OPS-9');
    expect(await invoke('getIncidentPanel')).toMatchObject({ ok: false, error: { code: 'not-configured' } });
  });

  it('refuses users who cannot view the issue, before calling the backend', async () => {
    await configure();
    expect(await invoke('getIncidentPanel')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fetched).toEqual([]);
  });

  it('needs edit permission to link or unlink', async () => {
    await configure();
    edge.jira.userPermissions.add('BROWSE_PROJECTS:OPS-9');
    expect(await invoke('linkAsset', { assetId: 'a1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('unlinkAsset', { assetId: 'a1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fetched).toEqual([]);
  });

  it('needs comment permission to record the assessment, before calling the backend', async () => {
    await configure();
    edge.jira.userPermissions.add('BROWSE_PROJECTS:OPS-9');
    edge.jira.userPermissions.add('EDIT_ISSUES:OPS-9');
    expect(await invoke('recordAssessment')).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'You need permission to comment on this issue to record the assessment.' },
    });
    expect(fetched).toEqual([]);
    expect(edge.jira.writes()).toEqual([]);
  });

  it('reads the issue id and key from the context, not the payload, and never sends a site', async () => {
    await configure();
    edge.jira.allowUser('OPS-9');
    expect(await invoke('getIncidentPanel', {}, { extension: {} })).toMatchObject({ ok: false, error: { code: 'no-issue' } });
    expect(await invoke('getIncidentPanel', {}, { extension: { issue: { key: 'OPS-9', id: 'OPS-9' } } })).toMatchObject({
      ok: false,
      error: { code: 'no-issue' },
    });
    expect(await invoke('getIncidentPanel', { issueKey: 'OPS-1' })).toEqual({ ok: true, data: { issueKey: 'OPS-9', assets: [] } });
    expect(fetched).toEqual(['https://backstage.example.com/api/itam/jira/issues/10009/assets?issueKey=OPS-9&include=licences']);
  });

  it('shows the linked assets with licence status unknown when the backend cannot add it to the list', async () => {
    await configure();
    edge.jira.allowUser('OPS-9');
    const asset = { id: 'a1', tag: 'SRV-1', name: 'db host', lifecycleStage: 'deployed', criticality: 3, warrantyEnd: '2099-01-01', endOfLife: '2099-12-31' };
    edge.fetch = async url => {
      fetched.push(url);
      const { pathname, searchParams } = new URL(url);
      // An older backend: the list takes no `include` and has no licence statuses.
      if (pathname.endsWith('/jira/issues/10009/assets') && searchParams.has('include')) {
        return new Response(JSON.stringify({ error: { name: 'InputError', message: 'query: Unrecognized key: "include"' } }), { status: 400 });
      }
      if (pathname.endsWith('/jira/issues/10009/assets')) return new Response(JSON.stringify({ items: [{ asset, link: {}, entities: [] }] }));
      if (pathname.endsWith('/a1/tickets')) return new Response(JSON.stringify({ items: [] }));
      return new Response(JSON.stringify({ error: { name: 'NotFoundError', message: 'Not found' } }), { status: 404 });
    };
    const panel = await invoke('getIncidentPanel');
    expect(panel).toMatchObject({ ok: true, data: { assets: [{ tag: 'SRV-1', health: 'ok', licences: { status: 'unknown', products: [] } }] } });
    // The statuses are asked for with the list, not per asset or for every product.
    expect(fetched.filter(u => u.includes('/jira/issues/10009/assets'))).toEqual([
      'https://backstage.example.com/api/itam/jira/issues/10009/assets?issueKey=OPS-9&include=licences',
      'https://backstage.example.com/api/itam/jira/issues/10009/assets?issueKey=OPS-9',
    ]);
    expect(fetched.filter(u => u.includes('/asset-licences') || u.includes('/licences/positions') || u.includes('/installations'))).toEqual([]);
    expect(await invoke('getIssueSummary')).toEqual({ ok: true, data: { count: 1, worst: 'ok' } });
  });

  it('explains a refused token and a failing backend, logging neither token nor body', async () => {
    await configure();
    edge.jira.allowUser('OPS-9');
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    answer = { status: 401, body: { error: { name: 'AuthenticationError', message: 'Illegal token' } } };
    expect(await invoke('getIssueSummary')).toMatchObject({ ok: false, error: { code: 'backend-unauthorized' } });
    answer = { status: 500, body: { error: { name: 'Error', message: `boom ${TOKEN}` } } };
    expect(await invoke('getChangePanel')).toMatchObject({ ok: false, error: { code: 'backend-error' } });
    expect(errors).toHaveBeenCalledWith('ITAM backend answered 500 Error');
    expect(JSON.stringify(errors.mock.calls)).not.toContain(TOKEN);
    errors.mockRestore();
  });

  it('checks the search text', async () => {
    await configure();
    edge.jira.allowUser('OPS-9');
    expect(await invoke('searchAssets', { q: ' x ' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('lets only Jira admins read or change the settings', async () => {
    expect(await invoke('getAdminSettings', {}, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await invoke(
        'saveAdminSettings',
        { baseUrl: 'https://x.example.com', auth: 'static-token', token: TOKEN, issueTypes: NO_ISSUE_TYPES, projects: [] },
        {},
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(__store.plain.size + __store.secret.size).toBe(0);
    edge.jira.userPermissions.add('ADMINISTER');
    expect(await invoke('getAdminSettings', {}, {})).toEqual({
      ok: true,
      data: { auth: 'forge-remote', tokenSet: false, issueTypes: NO_ISSUE_TYPES, projects: [], changeFields: {} },
    });
    expect(await invoke('testConnection', {}, {})).toMatchObject({ ok: false, error: { code: 'not-configured' } });
  });
});
