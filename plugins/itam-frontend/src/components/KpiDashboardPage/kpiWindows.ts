import type { DateWindow } from '@itam/common';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The windows the dashboard's tiles can show, ending today. */
export const KPI_WINDOW_PRESETS = [
  { id: '30d', label: 'Last 30 days' },
  { id: '90d', label: 'Last 90 days' },
  { id: '12m', label: 'Last 12 months' },
] as const;

/** @public */
export type KpiWindowPreset = (typeof KPI_WINDOW_PRESETS)[number]['id'];

/** The window of a preset ending on `today` (`YYYY-MM-DD`), both days included. */
export function presetWindow(preset: KpiWindowPreset, today: string): DateWindow {
  if (preset === '30d') return { from: addDays(today, -29), to: today };
  if (preset === '90d') return { from: addDays(today, -89), to: today };
  const yearAgo = new Date(`${today}T00:00:00Z`);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  return { from: addDays(yearAgo.toISOString().slice(0, 10), 1), to: today };
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar month as a KPI window, with a short label for chart axes. */
export interface MonthWindow extends DateWindow {
  label: string;
}

/**
 * The `count` calendar months up to and including the current one, oldest first. The current
 * month ends today rather than on its last day: the register cannot be measured in the future.
 */
export function monthlyWindows(today: string, count: number): MonthWindow[] {
  const [year, month] = today.split('-').map(Number);
  const windows: MonthWindow[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const first = new Date(Date.UTC(year, month - 1 - back, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const from = first.toISOString().slice(0, 10);
    const lastDay = last.toISOString().slice(0, 10);
    windows.push({
      from,
      to: back === 0 ? today : lastDay,
      label: `${MONTH_NAMES[first.getUTCMonth()]} ${first.getUTCFullYear()}`,
    });
  }
  return windows;
}
