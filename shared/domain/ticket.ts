/** One formatter per time zone: making an Intl.DateTimeFormat costs far more than using one (it showed in the push profile). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The service day (YYYY-MM-DD) of an instant in a property's time zone. */
export function serviceDayOf(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "A" + 7 → "A007". Counters past 999 grow to four digits. */
export function formatTicket(letter: string, n: number): string {
  return `${letter}${String(n).padStart(3, '0')}`;
}

export const KIOSK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'.split(''); // no I, O, S: S is the staff desk's letter
export const STAFF_TICKET_LETTER = 'S';

/** True for a number `formatTicket` makes: a letter and a counter 1..9999 (three digits below 1000, four from 1000). */
export function isTicketFormat(ticket: string): boolean {
  return /^[A-Z](?:\d{3}|[1-9]\d{3})$/.test(ticket) && !/^[A-Z]000$/.test(ticket);
}

/** `day` (YYYY-MM-DD) moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * True for a real calendar date written YYYY-MM-DD, in 2000–2999: "2026-02-30"
 * and "0000-99-99" are not, and a far year would only break date arithmetic
 * (9999-12-31 plus one day has no YYYY-MM-DD).
 */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isFinite(d.getTime()) && d.toISOString().slice(0, 10) === day && day >= '2000-01-01' && day < '3000-01-01';
}
