import { validate } from '../validation';
import { assetLinkSchema, entityLinkSchema, ticketLinkSchema } from './schema';

describe('ticket links', () => {
  it('normalises site and key', () => {
    expect(
      validate(ticketLinkSchema, {
        site: 'Acme.Atlassian.net',
        issueKey: 'ops-12',
        ticketType: 'incident',
      }),
    ).toEqual({
      ok: true,
      value: { site: 'acme.atlassian.net', issueKey: 'OPS-12', ticketType: 'incident' },
    });
  });

  it.each([
    ['site', { site: 'https://acme.atlassian.net/' }],
    ['site', { site: 'localhost' }],
    ['issueKey', { issueKey: 'OPS-0' }],
    ['issueKey', { issueKey: '1OPS-3' }],
    ['issueKey', { issueKey: 'OPS123' }],
    ['ticketType', { ticketType: 'bug' }],
  ])('refuses a bad %s', (path, change) => {
    const result = validate(ticketLinkSchema, {
      site: 'acme.atlassian.net',
      issueKey: 'OPS-1',
      ticketType: 'change',
      ...change,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map(i => i.path)).toEqual([path]);
  });
});

describe('entity and asset links', () => {
  it('normalises the entity ref and checks its kind', () => {
    expect(validate(entityLinkSchema, { entityRef: 'component:payments', role: 'runs-on' })).toEqual(
      { ok: true, value: { entityRef: 'component:default/payments', role: 'runs-on' } },
    );
    const bad = validate(entityLinkSchema, { entityRef: 'user:default/jane', role: 'owns' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map(i => i.path).sort()).toEqual(['entityRef', 'role']);
  });

  it('checks asset link types', () => {
    expect(validate(assetLinkSchema, { type: 'installed-on', targetAssetId: 'a2' }).ok).toBe(true);
    expect(validate(assetLinkSchema, { type: 'runs', targetAssetId: '' }).ok).toBe(false);
  });
});
