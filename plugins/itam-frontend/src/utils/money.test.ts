import { formatComputedAt, formatMoney } from './money';

describe('formatMoney', () => {
  it('writes the amount in its own currency, with its minor units', () => {
    expect(formatMoney(115200, 'EUR')).toBe('€115,200.00');
    expect(formatMoney(1290, 'USD')).toBe('US$1,290.00');
    expect(formatMoney(5000, 'JPY')).toBe('JP¥5,000');
  });

  it('writes an amount without a currency as a plain number, converting nothing', () => {
    expect(formatMoney(1234.5, null)).toBe('1,234.5');
  });
});

describe('formatComputedAt', () => {
  it('writes the time in UTC to the minute', () => {
    expect(formatComputedAt('2026-12-01T09:00:12.345Z')).toBe('2026-12-01 09:00 UTC');
  });

  it('keeps a value it cannot read as it is', () => {
    expect(formatComputedAt('yesterday')).toBe('yesterday');
  });
});
