import { validate } from '../validation';
import { assetLinkSchema, entityLinkSchema, TICKET_TEXT_LIMITS, ticketLinkSchema, ticketTextOf } from './schema';

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

describe('ticket text limits', () => {
  it('cut a ticket’s summary and status to what a link keeps, which the link schema then accepts', () => {
    const ticket = { summary: 'S'.repeat(TICKET_TEXT_LIMITS.summary + 20), status: 'T'.repeat(TICKET_TEXT_LIMITS.status + 1) };
    const cut = ticketTextOf(ticket);
    expect([cut.summary.length, cut.status.length]).toEqual([TICKET_TEXT_LIMITS.summary, TICKET_TEXT_LIMITS.status]);
    expect(ticketTextOf({ summary: 'Disk full', status: 'Open' })).toEqual({ summary: 'Disk full', status: 'Open' });
    const link = { site: 'acme.atlassian.net', issueKey: 'OPS-1', ticketType: 'incident' };
    expect(ticketLinkSchema.safeParse({ ...link, ...cut }).success).toBe(true);
    expect(ticketLinkSchema.safeParse({ ...link, ...ticket }).success).toBe(false);
  });
});
