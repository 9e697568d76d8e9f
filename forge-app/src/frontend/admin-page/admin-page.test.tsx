import { NO_ISSUE_TYPES } from '../../common/constants';
import type { AdminSettings, SiteOptions } from '../../common/types';
import { answerInvoke, choose, click, findAll, render, setProductContext, textOf, textsOf, type } from '../testing/fake-bridge';
import { AdminPage } from './admin-page';

const field = (name: string) => findAll('Textfield').find(f => f.props.name === name)?.props;
// The reconciler prefixes ids with the app's, so a Select is found by how its id ends.
const select = (inputId: string) => findAll('Select').find(f => String(f.props.inputId).endsWith(inputId))?.props;

const settings: AdminSettings = {
  auth: 'forge-remote',
  tokenSet: false,
  issueTypes: NO_ISSUE_TYPES,
  projects: [],
  changeFields: {},
  deployedOrigin: 'https://backstage.example.com',
};
const options: SiteOptions = {
  issueTypes: [
    { id: '10001', name: 'Incident' },
    { id: '10004', name: 'Change' },
  ],
  projects: [
    { id: '10000', name: 'Operations (OPS)' },
    { id: '10030', name: 'People (HR)' },
  ],
  dateFields: [
    { id: 'customfield_10060', name: 'Planned start' },
    { id: 'customfield_10061', name: 'Planned end' },
  ],
};

describe('AdminPage', () => {
  beforeEach(() => setProductContext({ siteUrl: 'https://acme.atlassian.net' }));

  it('shows a spinner while loading', async () => {
    answerInvoke(() => new Promise(() => undefined));
    await render(<AdminPage />);
    expect(findAll('Spinner')).toHaveLength(1);
  });

  it('explains an error, e.g. for a non-admin', async () => {
    answerInvoke(() => ({ ok: false, error: { code: 'forbidden', message: 'Only Jira administrators can change the ITAM register settings.' } }));
    await render(<AdminPage />);
    expect(textsOf('SectionMessage')).toEqual(['Only Jira administrators can change the ITAM register settings.']);
  });

  it('starts on the deployed backend with Forge Remote, and offers the site’s issue types, projects and fields', async () => {
    answerInvoke(key => ({ ok: true, data: key === 'getSiteOptions' ? options : settings }));
    await render(<AdminPage />);
    expect(field('baseUrl')?.value).toBe('https://backstage.example.com/api/itam');
    expect(textsOf('Text')).toContain('This deployment may call the backend at https://backstage.example.com.');
    expect(field('token')).toBeUndefined();
    expect(select('itam-types-incident')?.options).toEqual([
      { label: 'Incident', value: '10001' },
      { label: 'Change', value: '10004' },
    ]);
    expect((select('itam-projects')?.options as unknown[]).length).toBe(2);
    expect((select('itam-plannedStart')?.options as unknown[]).length).toBe(2);
  });

  it('saves what was chosen, by id, and the static token only in the fallback', async () => {
    const saved: unknown[] = [];
    answerInvoke((key, payload) => {
      if (key === 'getSiteOptions') return { ok: true, data: options };
      if (key === 'saveAdminSettings') {
        saved.push(payload);
        return {
          ok: true,
          data: { ...settings, auth: 'static-token', tokenSet: true, baseUrl: 'https://backstage.example.com/api/itam', projects: ['10000'] },
        };
      }
      return { ok: true, data: settings };
    });
    await render(<AdminPage />);
    await choose('itam-auth', ['static-token']);
    await type('token', 'jira-static-0123456789');
    await type('portalUrl', 'https://backstage.example.com');
    await choose('itam-types-incident', ['10001']);
    await choose('itam-types-change', ['10004']);
    await choose('itam-projects', ['10000']);
    await choose('itam-plannedStart', ['customfield_10060']);
    await click('Save');
    expect(saved).toEqual([
      {
        baseUrl: 'https://backstage.example.com/api/itam',
        auth: 'static-token',
        portalUrl: 'https://backstage.example.com',
        token: 'jira-static-0123456789',
        issueTypes: { ...NO_ISSUE_TYPES, incident: ['10001'], change: ['10004'] },
        projects: ['10000'],
        changeFields: { plannedStart: 'customfield_10060', plannedEnd: '' },
      },
    ]);
    expect(findAll('SectionMessage')[0].props).toMatchObject({ appearance: 'success', title: 'Saved' });
    expect(field('token')).toMatchObject({ value: '', placeholder: 'A token is saved; paste a new one to replace it' });
    expect(JSON.stringify(findAll('Root')[0] ?? {})).not.toContain('jira-static-0123456789');
  });

  it('tests the connection and says which site the backend takes the app to be', async () => {
    answerInvoke(key => {
      if (key === 'getSiteOptions') return { ok: true, data: options };
      if (key === 'testConnection') {
        return {
          ok: true,
          data: {
            ok: true,
            connection: { site: 'acme.atlassian.net', actor: 'jira:acme.atlassian.net/u-1', via: 'forge-invocation-token', permissions: ['itam.asset.read', 'itam.ticket.link'] },
          },
        };
      }
      return { ok: true, data: { ...settings, baseUrl: 'https://backstage.example.com/api/itam' } };
    });
    await render(<AdminPage />);
    await click('Test connection');
    const [message] = findAll('SectionMessage');
    expect(message.props).toMatchObject({ appearance: 'success', title: 'Connected' });
    expect(textOf(message)).toContain('takes this app to be acme.atlassian.net');
  });

  it('shows why saving failed and keeps the input', async () => {
    answerInvoke(key =>
      key === 'saveAdminSettings'
        ? { ok: false, error: { code: 'invalid-input', message: 'The backend address must use https.' } }
        : { ok: true, data: key === 'getSiteOptions' ? options : settings },
    );
    await render(<AdminPage />);
    await type('baseUrl', 'http://backstage.example.com/api/itam');
    await click('Save');
    expect(textOf(findAll('SectionMessage')[0])).toBe('The backend address must use https.');
    expect(field('baseUrl')?.value).toBe('http://backstage.example.com/api/itam');
  });
});
