import { NO_ISSUE_TYPES } from '../common/constants';
import { saveBackendConfig } from '../storage/save-backend-config';
import { saveBackendToken } from '../storage/save-backend-token';
import { edge } from '../testing/forge-api-mock';
import { onIssueCreated, onIssueDeleted, onIssueUpdated, resyncLinkedIssues } from './issue-events';

jest.mock('@forge/api', () => jest.requireActual('../testing/forge-api-mock').forgeApiMock());
jest.mock('@forge/kvs');
const { __store } = jest.requireMock('@forge/kvs');

const updated = (id: string, key: string) => ({ eventType: 'avi:jira:updated:issue', issue: { id, key } });

/**
 * The triggers' decisions with the backend played by `edge.fetch` (the static-token client):
 * scope, retry and what reaches the backend. Their effect on the real backend is tested in
 * resolvers/against-backend.test.ts.
 */
describe('issue event triggers', () => {
  const requests: string[] = [];
  let answer: (url: string, method: string) => Response;

  beforeEach(async () => {
    __store.clear();
    edge.jira.reset();
    requests.length = 0;
    answer = () => new Response(JSON.stringify({ items: [] }));
    edge.fetch = async (url, init) => {
      const method = init?.method ?? 'GET';
      requests.push(`${method} ${new URL(url).pathname}`);
      return answer(url, method);
    };
    edge.jira.addIssue('OPS-1', { id: '10001', summary: 'Disk', status: 'Open', issueType: 'Incident', issueTypeId: '10001', projectId: '10000' });
    edge.jira.addIssue('HR-1', { id: '30001', summary: 'Hire', status: 'Open', issueType: 'Incident', issueTypeId: '10001', projectId: '10030' });
  });

  const configure = async () => {
    await saveBackendConfig({
      baseUrl: 'https://backstage.example.com/api/itam',
      auth: 'static-token',
      issueTypes: { ...NO_ISSUE_TYPES, incident: ['10001'] },
      projects: ['10000'],
      changeFields: {},
    });
    await saveBackendToken('jira-static-0123456789');
  };

  it('do nothing before the app is configured, or for an event without an issue id', async () => {
    await onIssueUpdated(updated('10001', 'OPS-1'));
    await configure();
    await onIssueUpdated({ eventType: 'avi:jira:updated:issue', issue: { key: 'OPS-1' } });
    await onIssueDeleted({ eventType: 'avi:jira:deleted:issue', issue: { id: 'OPS-1' } });
    expect(requests).toEqual([]);
  });

  it('send nothing to the backend for an issue outside the projects in scope', async () => {
    await configure();
    expect(await onIssueUpdated(updated('30001', 'HR-1'))).toBeUndefined();
    expect(await onIssueCreated({ eventType: 'avi:jira:created:issue', issue: { id: '30001', key: 'HR-1' } })).toBeUndefined();
    expect(requests).toEqual([]);
  });

  it('record an in-scope issue’s key and details by id', async () => {
    await configure();
    await onIssueUpdated(updated('10001', 'OPS-1'));
    expect(requests).toEqual(['PUT /api/itam/jira/issues/10001']);
  });

  it('ask Forge to retry when the backend fails or cannot be reached, not when it refuses', async () => {
    await configure();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    answer = () => new Response(JSON.stringify({ error: { name: 'Error', message: 'down' } }), { status: 503 });
    expect(await onIssueUpdated(updated('10001', 'OPS-1'))).toMatchObject({ retryOptions: { retryAfter: 120 } });
    answer = () => {
      throw new TypeError('fetch failed');
    };
    expect(await onIssueDeleted({ eventType: 'avi:jira:deleted:issue', issue: { id: '10001' } })).toMatchObject({
      retryOptions: { retryReason: 'FUNCTION_RETRY_REQUEST' },
    });
    answer = () => new Response(JSON.stringify({ error: { name: 'NotAllowedError', message: 'no' } }), { status: 403 });
    expect(await onIssueUpdated(updated('10001', 'OPS-1'))).toBeUndefined();
    expect(errors).toHaveBeenCalledWith('ITAM: avi:jira:updated:issue for issue 10001 failed (forbidden)');
    errors.mockRestore();
  });

  it('forget a deleted issue by id, whether or not it is still in Jira', async () => {
    await configure();
    answer = () => new Response(JSON.stringify({ removed: 2 }));
    await onIssueDeleted({ eventType: 'avi:jira:deleted:issue', issue: { id: '99999', key: 'GONE-1' } });
    expect(requests).toEqual(['DELETE /api/itam/jira/issues/99999/assets']);
  });

  it('resync the issues the JQL finds, and skip those out of scope', async () => {
    await configure();
    edge.jira.jqlResult = ['10001', '30001'];
    const log = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await resyncLinkedIssues();
    expect(log).toHaveBeenCalledWith('ITAM: resynced 1 recently updated linked issues');
    log.mockRestore();
    expect(requests).toEqual(['PUT /api/itam/jira/issues/10001']);
  });
});
