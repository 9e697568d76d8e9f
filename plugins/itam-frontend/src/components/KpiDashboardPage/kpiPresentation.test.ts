import { aKpi } from '../../testing/kpiFixtures';
import { chartValue, formatAxisTick, formatKpiValue, kpiBasis, kpiCurrency } from './kpiPresentation';

describe('KPI presentation', () => {
  it('shows shares as percentages with their counts', () => {
    const kpi = aKpi('asset-utilisation-rate', { numerator: 1234, denominator: 2000 });
    expect(formatKpiValue(kpi, kpi.value!)).toBe('61.7%');
    expect(kpiBasis(kpi)).toBe('1,234 deployed of 2,000 under management');
  });

  it('shows cost per asset as money in the currency of its unit', () => {
    const kpi = aKpi('cost-per-asset', { unit: 'JPY per asset', numerator: 300000, denominator: 4, value: 75000 });
    expect(kpiCurrency(kpi)).toBe('JPY');
    expect(formatKpiValue(kpi, kpi.value!)).toBe('JP¥75,000');
    expect(kpiBasis(kpi)).toBe('JP¥300,000 total cost of ownership ÷ 4 assets under management');
  });

  it('shows lifecycle value with its numerator and denominator in days', () => {
    const kpi = aKpi('asset-lifecycle-value');
    expect(formatKpiValue(kpi, kpi.value!)).toBe('75%');
    expect(kpiBasis(kpi)).toBe('1,096 days served of 1,461 days planned');
  });

  it('shows the incident rate as incidents per asset', () => {
    const kpi = aKpi('asset-failure-incident-rate', { numerator: 3, denominator: 8 });
    expect(formatKpiValue(kpi, kpi.value!)).toBe('0.38 incidents per asset');
    expect(kpiBasis(kpi)).toBe('3 incidents ÷ 8 assets under management');
  });

  it('plots percentages as 0–100 and labels the axis accordingly', () => {
    const share = aKpi('register-accuracy');
    expect(chartValue(share, 0.9)).toBe(90);
    expect(formatAxisTick(share, 90)).toBe('90%');
    const money = aKpi('cost-per-asset');
    expect(chartValue(money, 1250)).toBe(1250);
    expect(formatAxisTick(money, 1250)).toBe('1,250');
  });

  it('falls back on the unit for a KPI it does not know', () => {
    const unknown = { ...aKpi('register-accuracy'), id: 'future-kpi', unit: 'ratio' } as never;
    expect(formatKpiValue(unknown, 0.5)).toBe('50%');
    const rate = { ...aKpi('register-accuracy'), id: 'future-kpi', unit: 'repairs per asset' } as never;
    expect(formatKpiValue(rate, 1.5)).toBe('1.5 repairs per asset');
  });
});
