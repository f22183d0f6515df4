/** The service day (YYYY-MM-DD) of an instant in a property's time zone. */
export function serviceDayOf(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "A" + 7 → "A007". Counters past 999 grow to four digits. */
export function formatTicket(letter: string, n: number): string {
  return `${letter}${String(n).padStart(3, '0')}`;
}

export const KIOSK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'.split(''); // no I, O, S: S is the staff desk's letter
export const STAFF_TICKET_LETTER = 'S';
