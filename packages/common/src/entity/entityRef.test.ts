import { normalizeEntityRef, parseEntityRef } from './entityRef';

describe('parseEntityRef', () => {
  it('parses full references and lower-cases kind and namespace', () => {
    expect(parseEntityRef('Component:Default/payments-api')).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'payments-api',
    });
  });

  it('fills the default namespace and an optional default kind', () => {
    expect(normalizeEntityRef('group:sre')).toBe('group:default/sre');
    expect(normalizeEntityRef('jane', { defaultKind: 'user' })).toBe('user:default/jane');
  });

  it.each([
    ['', /non-empty/],
    ['jane', /no kind/],
    ['ns/user:jane', /namespace before its kind/],
    ['us er:default/jane', /invalid kind/],
    ['user:Bad_NS/jane', /invalid namespace/],
    ['user:default/-jane', /invalid name/],
    [`user:default/${'a'.repeat(64)}`, /invalid name/],
  ])('refuses %p', (ref, message) => {
    expect(() => parseEntityRef(ref)).toThrow(message);
  });
});
