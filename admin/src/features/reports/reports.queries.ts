/** Pure helpers for the reports screen: moving between periods, today in the property's zone, readable durations. */
import type { ReportPeriod } from '../../../../shared/protocol/reports.ts';

function shiftUtc(day: string, f: (d: Date) => void): string {
  const d = new Date(`${day}T00:00:00Z`);
  f(d);
  return d.toISOString().slice(0, 10);
}

/** The same date one period earlier (-1) or later (+1); a month step keeps the day where the month has it. */
export function shiftPeriod(period: ReportPeriod, date: string, dir: -1 | 1): string {
  if (period === 'day') return shiftUtc(date, (d) => d.setUTCDate(d.getUTCDate() + dir));
  if (period === 'week') return shiftUtc(date, (d) => d.setUTCDate(d.getUTCDate() + 7 * dir));
  return shiftUtc(date, (d) => {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + dir);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  });
}

/** Today's date (YYYY-MM-DD) in the property's time zone; the tablet's own zone if that one is unknown. */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

export type Duration = { unit: 's'; n: number } | { unit: 'm'; m: number; s: number } | { unit: 'h'; h: number; m: number } | null;

/** Seconds as the biggest sensible unit: 45 s, 3 min 20 s, 2 h 5 min. */
export function splitDuration(seconds: number | null): Duration {
  if (seconds === null) return null;
  const total = Math.round(seconds);
  if (total < 60) return { unit: 's', n: total };
  if (total < 3600) return { unit: 'm', m: Math.floor(total / 60), s: total % 60 };
  return { unit: 'h', h: Math.floor(total / 3600), m: Math.round((total % 3600) / 60) };
}

/** 0.8333 → "83%"; null stays null. */
export function percent(rate: number | null): string | null {
  return rate === null ? null : `${Math.round(rate * 100)}%`;
}
