import { validate } from '../validation';
import { compileRecognition, recognitionRuleSchema } from './recognition';

describe('recognition rules', () => {
  const recognise = compileRecognition([
    { id: 'sql-2022-ent', recognition: [{ publisher: 'Microsoft', namePattern: 'SQL Server 2022 Enterprise' }] },
    { id: 'sql-any', recognition: [{ namePattern: 'SQL Server' }] },
    { id: 'office', recognition: [{ namePattern: '/^microsoft (office|365) .*professional plus/' }] },
    { id: 'unrecognised' },
  ]);

  it('matches a case-insensitive substring of the name, with the publisher as a substring too', () => {
    expect(recognise({ productName: 'microsoft sql server 2022 enterprise (64-bit)', publisher: 'Microsoft Corporation' })).toBe('sql-2022-ent');
  });

  it('prefers the more specific rule and falls back to the broader one', () => {
    // The publisher rule does not apply without the publisher; the broader rule still does.
    expect(recognise({ productName: 'Microsoft SQL Server 2022 Enterprise' })).toBe('sql-any');
    expect(recognise({ productName: 'Microsoft SQL Server 2019 Standard', publisher: 'Microsoft Corporation' })).toBe('sql-any');
  });

  it('reads a pattern wrapped in slashes as a case-insensitive regular expression', () => {
    expect(recognise({ productName: 'Microsoft Office Professional Plus 2021' })).toBe('office');
    expect(recognise({ productName: 'Office Professional Plus 2021' })).toBeUndefined();
  });

  it('names no product when nothing matches', () => {
    expect(recognise({ productName: 'Mozilla Firefox', publisher: 'Mozilla' })).toBeUndefined();
  });

  it('does not depend on the order of products', () => {
    const a = compileRecognition([
      { id: 'b', recognition: [{ namePattern: 'Acrobat' }] },
      { id: 'a', recognition: [{ namePattern: 'acrobat' }] },
    ]);
    const b = compileRecognition([
      { id: 'a', recognition: [{ namePattern: 'acrobat' }] },
      { id: 'b', recognition: [{ namePattern: 'Acrobat' }] },
    ]);
    expect(a({ productName: 'Adobe Acrobat' })).toBe('a');
    expect(b({ productName: 'Adobe Acrobat' })).toBe('a');
  });

  it('refuses an empty pattern and a regular expression that does not compile', () => {
    expect(validate(recognitionRuleSchema, { namePattern: ' ' })).toMatchObject({
      ok: false,
      issues: [{ path: 'namePattern', message: 'must not be empty' }],
    });
    const bad = validate(recognitionRuleSchema, { namePattern: '/sql(/' });
    expect(bad).toMatchObject({ ok: false, issues: [{ path: 'namePattern' }] });
    expect(validate(recognitionRuleSchema, { namePattern: '/^sql server \\d{4}$/', publisher: 'Microsoft' })).toMatchObject({ ok: true });
  });

  it('runs a catastrophic pattern in linear time and still answers correctly', () => {
    // /^(a+)+$/ against "aaaa…a!" backtracks through 2^n ways in JavaScript's own engine; on
    // the linear-time engine it is one pass over the name.
    const evil = compileRecognition([{ id: 'evil', recognition: [{ namePattern: '/^(a+)+$/' }] }]);
    expect(evil({ productName: `${'a'.repeat(100_000)}!` })).toBeUndefined();
    expect(evil({ productName: 'a'.repeat(100_000) })).toBe('evil');
    const nested = compileRecognition([{ id: 'nested', recognition: [{ namePattern: '/(x+x+)+y/' }] }]);
    expect(nested({ productName: 'x'.repeat(50_000) })).toBeUndefined();
    expect(nested({ productName: `${'x'.repeat(50_000)}y` })).toBe('nested');
  });

  it('refuses JavaScript-only syntax the linear-time engine cannot run, and ignores such stored rules', () => {
    expect(validate(recognitionRuleSchema, { namePattern: '/(a)\\1/' })).toMatchObject({ ok: false, issues: [{ path: 'namePattern' }] });
    expect(validate(recognitionRuleSchema, { namePattern: '/sql(?= server)/' })).toMatchObject({ ok: false });
    const stored = compileRecognition([
      { id: 'legacy', recognition: [{ namePattern: '/sql(?= server)/' }] },
      { id: 'plain', recognition: [{ namePattern: 'sql' }] },
    ]);
    expect(stored({ productName: 'SQL Server' })).toBe('plain');
  });
});
