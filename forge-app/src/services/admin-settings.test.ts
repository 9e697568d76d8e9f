import { DEFAULT_ISSUE_TYPES, ISSUE_TYPES_APP_PROPERTY_KEY } from '../common/constants';
import { edge } from '../testing/forge-api-mock';
import { getAdminSettings, saveAdminSettings } from './admin-settings';

jest.mock('@forge/api', () => jest.requireActual('../testing/forge-api-mock').forgeApiMock());
jest.mock('@forge/kvs');
const { __store } = jest.requireMock('@forge/kvs');

const input = {
  baseUrl: 'https://backstage.example.com/api/itam/',
  site: 'ACME.atlassian.net',
  token: 'jira-acme-0123456789',
  issueTypes: { ...DEFAULT_ISSUE_TYPES, incident: ['Incident', ' Outage ', ''] },
};

describe('admin settings', () => {
  beforeEach(() => {
    __store.clear();
    edge.jira.reset();
  });

  it('starts unset with the default issue types', async () => {
    expect(await getAdminSettings()).toEqual({ tokenSet: false, issueTypes: DEFAULT_ISSUE_TYPES });
  });

  it('saves address and site in plain storage, the token as a secret, the panel types as an app property', async () => {
    const saved = await saveAdminSettings(input);
    const issueTypes = { ...DEFAULT_ISSUE_TYPES, incident: ['Incident', 'Outage'] };
    expect(saved).toEqual({
      baseUrl: 'https://backstage.example.com/api/itam',
      site: 'acme.atlassian.net',
      tokenSet: true,
      issueTypes,
    });
    expect(JSON.stringify([...__store.plain.entries()])).not.toContain(input.token);
    expect([...__store.secret.values()]).toEqual([input.token]);
    expect(edge.jira.appProperties.get(ISSUE_TYPES_APP_PROPERTY_KEY)).toEqual({
      incidentPanel: ['Incident', 'Outage', 'Problem', 'Service Request'],
      changePanel: ['Change'],
    });
  });

  it('keeps the stored token when saved without one', async () => {
    await saveAdminSettings(input);
    await saveAdminSettings({ ...input, baseUrl: 'https://itam.example.com/api/itam', token: '' });
    expect([...__store.secret.values()]).toEqual([input.token]);
    expect((await getAdminSettings()).baseUrl).toBe('https://itam.example.com/api/itam');
  });

  it.each([
    [{ baseUrl: 'backstage' }, 'must be a URL'],
    [{ baseUrl: 'http://backstage.example.com/api/itam' }, 'must use https'],
    [{ baseUrl: 'https://user:pw@backstage.example.com/api/itam' }, 'must not carry credentials'],
    [{ site: 'https://acme.atlassian.net' }, 'host name'],
    [{ token: 'short' }, 'at least 8 characters'],
    [{ token: 'has a space in it' }, 'without spaces'],
    [{ issueTypes: { ...DEFAULT_ISSUE_TYPES, change: ['Incident'] } }, 'listed for both incident and change'],
  ])('refuses %j', async (patch, message) => {
    const error = await saveAdminSettings({ ...input, ...patch }).catch(e => e);
    expect(error).toMatchObject({ code: 'invalid-input' });
    expect(error.message).toContain(message);
    expect(__store.plain.size + __store.secret.size).toBe(0);
  });

  it('needs a token the first time', async () => {
    await expect(saveAdminSettings({ ...input, token: '' })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('accepts http for a backend on localhost (development)', async () => {
    const saved = await saveAdminSettings({ ...input, baseUrl: 'http://localhost:7007/api/itam' });
    expect(saved.baseUrl).toBe('http://localhost:7007/api/itam');
  });
});
