import { formatValue } from './formatValue';

describe('formatValue', () => {
  it('says "not set" for absent values', () => {
    expect(formatValue(undefined)).toBe('not set');
    expect(formatValue(null)).toBe('not set');
    expect(formatValue('')).toBe('not set');
  });

  it('writes scalars as they are', () => {
    expect(formatValue('HQ')).toBe('HQ');
    expect(formatValue(3)).toBe('3');
    expect(formatValue(true)).toBe('yes');
  });

  it('writes records as key: value phrases, never JSON', () => {
    expect(formatValue({ date: '2026-01-02', cost: 10, currency: 'EUR', supplier: undefined })).toBe(
      'date: 2026-01-02, cost: 10, currency: EUR',
    );
    expect(formatValue({})).toBe('none');
  });

  it('writes external ids as source:id and lists with semicolons', () => {
    expect(
      formatValue([
        { source: 'glpi', sourceId: '42' },
        { source: 'snipe-it', sourceId: '7' },
      ]),
    ).toBe('glpi:42; snipe-it:7');
    expect(formatValue([])).toBe('none');
  });
});
