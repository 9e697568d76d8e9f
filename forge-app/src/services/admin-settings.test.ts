import { ISSUE_TYPES_APP_PROPERTY_KEY, NO_ISSUE_TYPES } from '../common/constants';
import type { AdminSettingsInput } from '../common/types';
import { edge } from '../testing/forge-api-mock';
import { getAdminSettings, saveAdminSettings } from './admin-settings';

jest.mock('@forge/api', () => jest.requireActual('../testing/forge-api-mock').forgeApiMock());
jest.mock('@forge/kvs');
const { __store } = jest.requireMock('@forge/kvs');

const input: AdminSettingsInput = {
  baseUrl: 'https://backstage.example.com/api/itam/',
  auth: 'forge-remote',
  portalUrl: 'https://backstage.example.com/',
  issueTypes: { incident: ['10001'], problem: ['10002'], request: [], change: ['10004'] },
  projects: ['10000'],
  changeFields: { plannedStart: 'customfield_10060', plannedEnd: 'customfield_10061' },
};

describe('admin settings', () => {
  beforeEach(() => {
    __store.clear();
    edge.jira.reset();
    edge.jira.userPermissions.add('ADMINISTER');
    process.env.ITAM_BACKEND_ORIGIN = 'https://backstage.example.com';
  });
  afterAll(() => {
    delete process.env.ITAM_BACKEND_ORIGIN;
  });

  it('starts unset: Forge Remote, nothing in scope, and the deployed backend', async () => {
    expect(await getAdminSettings()).toEqual({
      auth: 'forge-remote',
      tokenSet: false,
      issueTypes: NO_ISSUE_TYPES,
      projects: [],
      changeFields: {},
      deployedOrigin: 'https://backstage.example.com',
    });
  });

  it('saves the settings in plain storage and the scope as the app property, by id', async () => {
    const saved = await saveAdminSettings(input);
    expect(saved).toMatchObject({
      baseUrl: 'https://backstage.example.com/api/itam',
      portalUrl: 'https://backstage.example.com',
      tokenSet: false,
      issueTypes: input.issueTypes,
      projects: ['10000'],
      changeFields: input.changeFields,
    });
    expect(edge.jira.appProperties.get(ISSUE_TYPES_APP_PROPERTY_KEY)).toEqual({
      incidentPanel: ['10001', '10002'],
      changePanel: ['10004'],
      projects: [10000],
    });
    expect(__store.secret.size).toBe(0);
  });

  it('keeps the static token as a secret, and the stored one when saved without one', async () => {
    const token = 'jira-static-0123456789';
    await saveAdminSettings({ ...input, auth: 'static-token', token });
    expect(JSON.stringify([...__store.plain.entries()])).not.toContain(token);
    expect([...__store.secret.values()]).toEqual([token]);
    await saveAdminSettings({ ...input, auth: 'static-token', token: '', portalUrl: '' });
    expect([...__store.secret.values()]).toEqual([token]);
    expect((await getAdminSettings()).portalUrl).toBeUndefined();
  });

  it.each([
    [{ baseUrl: 'backstage' }, 'must be a URL'],
    [{ baseUrl: 'http://backstage.example.com/api/itam' }, 'must use https'],
    [{ baseUrl: 'http://localhost:7007/api/itam' }, 'must use https'],
    [{ baseUrl: 'https://other.example.com/api/itam' }, 'must be on https://backstage.example.com'],
    [{ baseUrl: 'https://user:pw@backstage.example.com/api/itam' }, 'must not carry credentials'],
    [{ portalUrl: 'ftp://backstage.example.com' }, 'Backstage address must use https'],
    [{ auth: 'static-token', token: 'short' }, 'at least 8 characters'],
    [{ auth: 'static-token', token: '' }, 'Paste the static token'],
    [{ issueTypes: { ...input.issueTypes, change: ['10001'] } }, 'chosen for both incident and change'],
    [{ issueTypes: { ...input.issueTypes, incident: ['Incident'] } }, 'No incident issue type with id Incident'],
    [{ projects: ['99999'] }, 'No project with id 99999'],
    [{ changeFields: { plannedStart: 'customfield_1' } }, 'No date field customfield_1'],
  ])('refuses %j and stores nothing', async (patch, message) => {
    const error = await saveAdminSettings({ ...input, ...patch } as AdminSettingsInput).catch(e => e);
    expect(error).toMatchObject({ code: 'invalid-input' });
    expect(error.message).toContain(message);
    expect(__store.plain.size + __store.secret.size).toBe(0);
    expect(edge.jira.appProperties.size).toBe(0);
  });

  it('refuses every address when the deployment does not name its backend', async () => {
    delete process.env.ITAM_BACKEND_ORIGIN;
    await expect(saveAdminSettings(input)).rejects.toMatchObject({ message: expect.stringContaining('ITAM_BACKEND_ORIGIN') });
  });

  it('saves all or nothing: a failed app property write puts the earlier settings back', async () => {
    await saveAdminSettings(input);
    const before = [...__store.plain.entries()];
    edge.jira.failWrites = /\/rest\/forge\/1\/app\/properties\//;
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = await saveAdminSettings({ ...input, auth: 'static-token', token: 'new-token-0123456789', projects: [] }).catch(e => e);
    errors.mockRestore();
    expect(error).toMatchObject({ code: 'backend-error', message: expect.stringContaining('nothing was changed') });
    expect([...__store.plain.entries()]).toEqual(before);
    expect(__store.secret.size).toBe(0);
  });

  it('removes a first save that could not be completed', async () => {
    edge.jira.failWrites = /\/rest\/forge\/1\/app\/properties\//;
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(saveAdminSettings(input)).rejects.toMatchObject({ code: 'backend-error' });
    errors.mockRestore();
    expect(__store.plain.size + __store.secret.size).toBe(0);
  });
});
