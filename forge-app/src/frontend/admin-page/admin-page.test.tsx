import { answerInvoke, click, findAll, render, setProductContext, textOf, textsOf, type } from '../testing/fake-bridge';
import { DEFAULT_ISSUE_TYPES } from '../../common/constants';
import { AdminPage } from './admin-page';

const field = (name: string) => findAll('Textfield').find(f => f.props.name === name)?.props;

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

  it('starts empty with the site from the product context and the default issue types', async () => {
    answerInvoke(() => ({ ok: true, data: { tokenSet: false, issueTypes: DEFAULT_ISSUE_TYPES } }));
    await render(<AdminPage />);
    expect(field('baseUrl')?.value).toBe('');
    expect(field('site')?.value).toBe('acme.atlassian.net');
    expect(field('token')).toMatchObject({ type: 'password', value: '', placeholder: 'Paste the token' });
    expect(field('types-request')?.value).toBe('Service Request');
  });

  it('saves the settings, sends the token once and never shows it again', async () => {
    const saved: unknown[] = [];
    answerInvoke((key, payload) => {
      if (key === 'saveAdminSettings') {
        saved.push(payload);
        return {
          ok: true,
          data: {
            baseUrl: 'https://backstage.example.com/api/itam',
            site: 'acme.atlassian.net',
            tokenSet: true,
            issueTypes: { ...DEFAULT_ISSUE_TYPES, incident: ['Incident', 'Outage'] },
          },
        };
      }
      return { ok: true, data: { tokenSet: false, issueTypes: DEFAULT_ISSUE_TYPES } };
    });
    await render(<AdminPage />);
    await type('baseUrl', 'https://backstage.example.com/api/itam/');
    await type('token', 'jira-acme-0123456789');
    await type('types-incident', 'Incident, Outage,');
    await click('Save');
    expect(saved).toEqual([
      {
        baseUrl: 'https://backstage.example.com/api/itam/',
        site: 'acme.atlassian.net',
        token: 'jira-acme-0123456789',
        issueTypes: { ...DEFAULT_ISSUE_TYPES, incident: ['Incident', 'Outage'] },
      },
    ]);
    expect(findAll('SectionMessage')[0].props).toMatchObject({ appearance: 'success', title: 'Saved' });
    expect(field('token')).toMatchObject({ value: '', placeholder: 'A token is saved; paste a new one to replace it' });
    expect(field('types-incident')?.value).toBe('Incident, Outage');
    expect(JSON.stringify(findAll('Root')[0] ?? {})).not.toContain('jira-acme-0123456789');
  });

  it('shows why saving failed and keeps the input', async () => {
    answerInvoke(key =>
      key === 'saveAdminSettings'
        ? { ok: false, error: { code: 'invalid-input', message: 'The backend address must use https.' } }
        : { ok: true, data: { tokenSet: true, issueTypes: DEFAULT_ISSUE_TYPES } },
    );
    await render(<AdminPage />);
    await type('baseUrl', 'http://backstage.example.com/api/itam');
    await click('Save');
    expect(textOf(findAll('SectionMessage')[0])).toBe('The backend address must use https.');
    expect(field('baseUrl')?.value).toBe('http://backstage.example.com/api/itam');
  });
});
