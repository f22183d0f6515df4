/** Calendar arithmetic on local days (YYYY-MM-DD): the day, ISO week (Monday first) or month that contains a date. */
import { addDays } from '../../../shared/domain/ticket.ts';
import type { ReportPeriod } from '../../../shared/protocol/reports.ts';

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
function fmt(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** First local day of the period and the first day after it. */
export function periodRange(period: ReportPeriod, date: string): { from: string; toExclusive: string } {
  const d = parseDay(date);
  if (period === 'day') return { from: fmt(d), toExclusive: addDays(fmt(d), 1) };
  if (period === 'week') {
    const monday = addDays(fmt(d), -((d.getUTCDay() + 6) % 7));
    return { from: monday, toExclusive: addDays(monday, 7) };
  }
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return { from: fmt(first), toExclusive: fmt(next) };
}
