import { formatMoney } from './money';

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
