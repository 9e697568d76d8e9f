import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { itamAssetCreatePermission, itamAssetReadPermission, itamTicketLinkPermission } from '@itam/common';
import { ServiceAccess } from './serviceAccess';

const access = (serviceAccess: object) => ServiceAccess.fromConfig(new ConfigReader({ itam: { serviceAccess } }));
const service = (subject: string, permissionNames?: string[]) =>
  mockCredentials.service(subject, permissionNames ? { permissionNames } : undefined);

describe('ServiceAccess', () => {
  it('lets users through and refuses unconfigured service callers', () => {
    const none = new ServiceAccess();
    expect(() => none.assertAllowed(mockCredentials.user(), itamAssetCreatePermission)).not.toThrow();
    expect(() => none.assertAllowed(service('plugin:catalog'), itamAssetReadPermission)).toThrow(/not configured/);
  });

  it('allows a configured subject its permissions only, narrowed further by its accessRestrictions', () => {
    const rules = access({ reporting: { permissions: ['itam.asset.read', 'itam.asset.create'] } });
    expect(() => rules.assertAllowed(service('reporting'), itamAssetCreatePermission)).not.toThrow();
    expect(() => rules.assertAllowed(service('reporting'), itamTicketLinkPermission)).toThrow(/may not itam.ticket.link/);
    expect(() => rules.assertAllowed(service('reporting', ['itam.asset.read']), itamAssetCreatePermission)).toThrow();
    expect(() => rules.assertAllowed(service('other', ['itam.asset.read']), itamAssetReadPermission)).not.toThrow();
  });

  it('keeps a Forge caller within the Jira ceiling, and knows its site and user', () => {
    const forge = service('jira:acme.atlassian.net/cloud-1/557058:u-1');
    const none = new ServiceAccess();
    expect(() => none.assertAllowed(forge, itamTicketLinkPermission)).not.toThrow();
    expect(() => none.assertAllowed(forge, itamAssetCreatePermission)).toThrow();
    expect(none.jiraCaller(forge)).toEqual({
      site: 'acme.atlassian.net',
      actor: 'jira:acme.atlassian.net/557058:u-1',
      via: 'forge-invocation-token',
      permissions: ['itam.asset.read', 'itam.ticket.link'],
    });
    expect(none.jiraCaller(mockCredentials.user())).toBeUndefined();
  });

  it('binds a static subject to one site', () => {
    const rules = access({ 'jira-acme': { permissions: ['itam.asset.read', 'itam.ticket.link'], jiraSite: 'ACME.atlassian.net' } });
    expect(rules.jiraCaller(service('jira-acme'))).toMatchObject({ site: 'acme.atlassian.net', via: 'static-token', actor: 'jira-acme' });
    expect(rules.jiraCaller(service('reporting'))).toBeUndefined();
  });

  it.each([
    [{ x: { permissions: ['itam.everything'] } }, "itam.serviceAccess.x.permissions: unknown permission 'itam.everything'"],
    [{ x: { permissions: ['itam.asset.read'], jiraSite: 'https://acme.atlassian.net' } }, 'itam.serviceAccess.x.jiraSite'],
    [{ x: { permissions: ['itam.asset.read', 'itam.import'], jiraSite: 'acme.atlassian.net' } }, 'a Jira caller may only have'],
    [{ x: {} }, 'permissions'],
  ])('refuses the config %j, naming the key', (serviceAccess, message) => {
    expect(() => access(serviceAccess)).toThrow(message);
  });
});
