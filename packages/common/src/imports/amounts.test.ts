import fc from 'fast-check';
import { divideAmount, parseAmount } from './amounts';

const value = (text: string, sep?: '.' | ',') => {
  const r = parseAmount(text, sep);
  return 'error' in r ? r.error : r.value;
};

describe('parseAmount', () => {
  it('reads currency signs, codes and thousands separators', () => {
    expect(value('$12.58')).toBe(12.58);
    expect(value('1,299.99')).toBe(1299.99);
    expect(value('USD 2,399.00')).toBe(2399);
    expect(value('612')).toBe(612);
    expect(value('£1 234 567.5')).toBe(1234567.5);
    expect(value("1'299.95")).toBe(1299.95);
  });

  it('reads comma decimals when told, exactly', () => {
    expect(value('1.299,00', ',')).toBe(1299);
    expect(value('1.299,00 €', ',')).toBe(1299);
    expect(value('0,1', ',')).toBe(0.1);
    const r = parseAmount('1.299,00', ',');
    expect('exact' in r && r.exact).toEqual({ n: 1299n, d: 1n });
  });

  it('refuses what is not an amount in the layout, hinting at the other separator', () => {
    expect(value('1.299,00')).toMatch(/decimalSeparator=comma/);
    expect(value('12,50')).toMatch(/decimalSeparator=comma/);
    expect(value('a lot')).toMatch(/is not an amount/);
    expect(value('-5')).toMatch(/negative/);
    expect(value('1.23456')).toMatch(/more than 4 decimals/);
    expect(value('1,29,9.00')).toMatch(/is not an amount/);
  });

  it('gives the number nearest the written decimal for any amount of cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), cents => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(value(text)).toBe(Number(text));
        const grouped = Number(Math.floor(cents / 100)).toLocaleString('de-DE') + ',' + String(cents % 100).padStart(2, '0');
        expect(value(grouped, ',')).toBe(Number(text));
      }),
    );
  });
});

describe('divideAmount', () => {
  it('divides exactly and rounds once, half away from zero, to 4 decimals', () => {
    const total = (text: string) => {
      const r = parseAmount(text);
      if ('error' in r) throw new Error(r.error);
      return r.exact;
    };
    expect(divideAmount(total('1000'), 3)).toBe(333.3333);
    expect(divideAmount(total('0.3'), 3)).toBe(0.1);
    expect(divideAmount(total('2'), 3)).toBe(0.6667);
    expect(divideAmount(total('12.58'), 56)).toBe(0.2246);
  });
});
