import { formatNumber, formatPercent } from './formatAmounts';

describe('formatPercent', () => {
  it('rounds to one decimal and drops a trailing zero', () => {
    expect(formatPercent(0.755)).toBe('75.5%');
    expect(formatPercent(0.75)).toBe('75%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('says n/a without a share', () => {
    expect(formatPercent(null)).toBe('n/a');
    expect(formatPercent(undefined)).toBe('n/a');
  });
});

describe('formatNumber', () => {
  it('groups thousands and limits decimals', () => {
    expect(formatNumber(1461)).toBe('1,461');
    expect(formatNumber(0.125)).toBe('0.13');
    expect(formatNumber(0.125, 3)).toBe('0.125');
  });
});
