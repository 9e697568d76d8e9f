import fc from 'fast-check';
import { z } from 'zod';
import { validate } from '../validation';
import { isSafeText, safeText, UNSAFE_TEXT_MESSAGE } from './safeText';

describe('isSafeText', () => {
  it.each([
    ['plain text', 'ThinkPad T14', true],
    ['an astral character (a surrogate pair)', 'laptop 😀', true],
    ['the empty string', '', true],
    ['a NUL character', 'a\u0000b', false],
    ['a lone high surrogate', 'a\uD800b', false],
    ['a lone low surrogate', '\uDC00', false],
    ['a reversed pair', '\uDE00\uD83D', false],
  ])('%s -> %s', (_what, value, safe) => {
    expect(isSafeText(value)).toBe(safe);
  });

  it('agrees with a UTF-8 round trip for any string without NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), value => {
        const roundTrips = Buffer.from(value, 'utf8').toString('utf8') === value;
        expect(isSafeText(value)).toBe(roundTrips && !value.includes('\u0000'));
      }),
    );
  });
});

describe('safeText', () => {
  it('names the field and keeps the schema’s own checks', () => {
    const schema = z.object({ name: safeText(z.string().trim().max(5)) });
    expect(validate(schema, { name: 'a\u0000' })).toEqual({
      ok: false,
      issues: [{ path: 'name', message: UNSAFE_TEXT_MESSAGE }],
    });
    expect(validate(schema, { name: ' ok ' })).toEqual({ ok: true, value: { name: 'ok' } });
    expect(validate(schema, { name: 'too long' }).ok).toBe(false);
  });
});
