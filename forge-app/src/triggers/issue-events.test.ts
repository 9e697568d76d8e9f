import { ItamClient } from '@itam/common';
import { ASSET_PROPERTY_KEY, DEFAULT_ISSUE_TYPES } from '../common/constants';
import { saveBackendConfig } from '../storage/save-backend-config';
import { saveBackendToken } from '../storage/save-backend-token';
import { edge } from '../testing/forge-api-mock';
import { startItamBackend } from '../testing/itam-backend';
import { onIssueCreated, onIssueDeleted, onIssueUpdated } from './issue-events';

jest.mock('@forge/api', () => jest.requireActual('../testing/forge-api-mock').forgeApiMock());
jest.mock('@forge/kvs');
const { __store } = jest.requireMock('@forge/kvs');

const TOKEN = 'jira-acme-0123456789abcdef';
const SITE = 'acme.atlassian.net';
const event = (eventType: string, key: string) => ({ eventType, issue: { id: '10009', key } });

/** Issue events keep the real backend's links in step, and a redelivered event changes nothing. */
describe('issue event triggers against the ITAM backend', () => {
  let backend: Awaited<ReturnType<typeof startItamBackend>>;
  let register: ItamClient;
  let assetIds: string[];
  const backendWrites: string[] = [];

  beforeAll(async () => {
    backend = await startItamBackend({ token: TOKEN, subject: 'jira-acme' });
    register = new ItamClient({
      baseUrl: backend.baseUrl,
      fetch: (url, init) => fetch(url, init),
      headers: () => ({ authorization: `Bearer ${TOKEN}` }),
    });
    assetIds = [];
    for (const tag of ['SRV-1', 'VM-1']) {
      assetIds.push((await register.createAsset({ tag, name: tag, assetClass: 'hardware', type: 'server' })).id);
    }
    edge.fetch = (url, init) => {
      if (init?.method && init.method !== 'GET') backendWrites.push(`${init.method} ${new URL(url).pathname}`);
      return globalThis.fetch(url, init);
    };
  });
  afterAll(() => backend.stop());

  beforeEach(() => {
    __store.clear();
    edge.jira.reset();
    backendWrites.length = 0;
  });

  const configure = async () => {
    await saveBackendConfig({ baseUrl: backend.baseUrl, site: SITE, issueTypes: DEFAULT_ISSUE_TYPES });
    await saveBackendToken(TOKEN);
  };

  it('does nothing before the app is configured', async () => {
    edge.jira.issues.set('OPS-1', { summary: 'x', status: 'Open', issueType: 'Incident' });
    await onIssueUpdated(event('avi:jira:updated:issue', 'OPS-1'));
    expect(edge.jira.calls).toEqual([]);
    expect(backendWrites).toEqual([]);
  });

  it('creates no property for an issue without linked assets', async () => {
    await configure();
    edge.jira.issues.set('OPS-2', { summary: 'Printer jam', status: 'Open', issueType: 'Incident' });
    await onIssueCreated(event('avi:jira:created:issue', 'OPS-2'));
    expect(edge.jira.writes()).toEqual([]);
    expect(backendWrites).toEqual([]);
  });

  it('updates summary, status and resolution of the links; a redelivered event changes nothing', async () => {
    await configure();
    for (const id of assetIds) {
      await register.linkTicket(id, { site: SITE, issueKey: 'OPS-3', ticketType: 'incident', summary: 'Disk full', status: 'Open' });
    }
    edge.jira.issues.set('OPS-3', {
      summary: 'Disk full on db host',
      status: 'Resolved',
      statusCategory: 'done',
      resolution: 'Fixed',
      issueType: 'Incident',
    });

    await onIssueUpdated(event('avi:jira:updated:issue', 'OPS-3'));
    for (const id of assetIds) {
      expect((await register.getAssetTickets(id)).find(t => t.issueKey === 'OPS-3')).toMatchObject({
        summary: 'Disk full on db host',
        status: 'Resolved',
        resolved: true,
      });
    }
    expect(backendWrites).toHaveLength(2);
    expect(edge.jira.issueProperties.get('OPS-3')?.get(ASSET_PROPERTY_KEY)).toEqual({ tags: ['SRV-1', 'VM-1'], count: 2 });
    const jiraWrites = edge.jira.writes().length;

    await onIssueUpdated(event('avi:jira:updated:issue', 'OPS-3'));
    expect(backendWrites).toHaveLength(2);
    expect(edge.jira.writes()).toHaveLength(jiraWrites);
  });

  it('follows a change of issue type', async () => {
    await configure();
    await register.linkTicket(assetIds[0], { site: SITE, issueKey: 'OPS-4', ticketType: 'incident', summary: 'Slow', status: 'Open' });
    edge.jira.issues.set('OPS-4', { summary: 'Slow', status: 'Open', issueType: 'Problem' });
    await onIssueUpdated(event('avi:jira:updated:issue', 'OPS-4'));
    expect((await register.getAssetTickets(assetIds[0])).find(t => t.issueKey === 'OPS-4')?.ticketType).toBe('problem');
  });

  it('unlinks every asset of a deleted issue; a redelivered event changes nothing', async () => {
    await configure();
    for (const id of assetIds) {
      await register.linkTicket(id, { site: SITE, issueKey: 'OPS-5', ticketType: 'incident' });
    }
    backendWrites.length = 0;
    await onIssueDeleted(event('avi:jira:deleted:issue', 'OPS-5'));
    expect(await register.getTicketAssets(SITE, 'OPS-5')).toEqual([]);
    expect(backendWrites).toHaveLength(2);
    await onIssueDeleted(event('avi:jira:deleted:issue', 'OPS-5'));
    expect(backendWrites).toHaveLength(2);
  });

  it('ignores an event without an issue key', async () => {
    await configure();
    await onIssueUpdated({ eventType: 'avi:jira:updated:issue' });
    expect(edge.jira.calls).toEqual([]);
    expect(backendWrites).toEqual([]);
  });
});
