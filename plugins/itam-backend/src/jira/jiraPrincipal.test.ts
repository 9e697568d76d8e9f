import { forgeCallerOf } from './forgeTokenHandler';
import { forgeSubject, parseForgeSubject } from './jiraPrincipal';

describe('Forge callers', () => {
  it('read the site, cloud and user from an invocation token’s claims', () => {
    expect(
      forgeCallerOf({ context: { cloudId: 'c-1', siteUrl: 'https://ACME.atlassian.net' }, principal: '557058:u-1' }),
    ).toEqual({ site: 'acme.atlassian.net', cloudId: 'c-1', accountId: '557058:u-1' });
    // No user (a trigger): the app acted. The cloud id also ends app.apiBaseUrl.
    expect(
      forgeCallerOf({ app: { apiBaseUrl: 'https://api.atlassian.com/ex/jira/c-2' }, context: { siteUrl: 'https://globex.atlassian.net' } }),
    ).toEqual({ site: 'globex.atlassian.net', cloudId: 'c-2', accountId: 'app' });
  });

  it('refuse claims without a site or cloud, or with characters a subject cannot carry', () => {
    expect(forgeCallerOf({ context: { cloudId: 'c-1' } })).toBeUndefined();
    expect(forgeCallerOf({ context: { siteUrl: 'https://acme.atlassian.net' } })).toBeUndefined();
    expect(forgeCallerOf({ context: { cloudId: 'c/1', siteUrl: 'https://acme.atlassian.net' } })).toBeUndefined();
    expect(forgeCallerOf({ context: { cloudId: 'c-1', siteUrl: 'not a url' } })).toBeUndefined();
  });

  it('travel as a subject and back', () => {
    const caller = { site: 'acme.atlassian.net', cloudId: 'c-1', accountId: '557058:u-1' };
    expect(forgeSubject(caller)).toBe('jira:acme.atlassian.net/c-1/557058:u-1');
    expect(parseForgeSubject(forgeSubject(caller))).toEqual(caller);
    expect(parseForgeSubject('jira-acme')).toBeUndefined();
    expect(parseForgeSubject('jira:ACME/c/u')).toBeUndefined();
  });
});
