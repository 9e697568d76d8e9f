import { monthlyWindows, presetWindow } from './kpiWindows';

describe('presetWindow', () => {
  it('ends today and includes both ends', () => {
    expect(presetWindow('30d', '2026-03-31')).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(presetWindow('90d', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetWindow('12m', '2026-03-31')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
});

describe('monthlyWindows', () => {
  it('gives calendar months oldest first, the current one up to today', () => {
    expect(monthlyWindows('2026-02-10', 3)).toEqual([
      { from: '2025-12-01', to: '2025-12-31', label: 'Dec 2025' },
      { from: '2026-01-01', to: '2026-01-31', label: 'Jan 2026' },
      { from: '2026-02-01', to: '2026-02-10', label: 'Feb 2026' },
    ]);
  });

  it('knows month lengths, leap years included', () => {
    const months = monthlyWindows('2024-03-05', 6);
    expect(months).toHaveLength(6);
    expect(months[0]).toEqual({ from: '2023-10-01', to: '2023-10-31', label: 'Oct 2023' });
    expect(months[4]).toEqual({ from: '2024-02-01', to: '2024-02-29', label: 'Feb 2024' });
  });
});
