/**
 * "Needed by 08:00" is only clear when 08:00 is today: how an instant's
 * calendar day relates to now's, in a time zone, so a screen can say
 * "08:00", "tomorrow 08:00" or "Sat 5 Dec 08:00". Pure; each app words it.
 */
import { addDays, serviceDayOf } from './ticket.ts';

export type DayRelation = 'today' | 'tomorrow' | 'other';

export function dayRelation(at: Date, now: Date, timeZone: string): DayRelation {
  const day = serviceDayOf(at, timeZone);
  const today = serviceDayOf(now, timeZone);
  return day === today ? 'today' : day === addDays(today, 1) ? 'tomorrow' : 'other';
}

/** The device's own time zone (what its clock shows), for screens that show device-local times. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "08:00", "tomorrow 08:00", "Sat 5 Dec 08:00" in `locale`, from the app's two phrases (`{time}`, `{date} {time}`). */
export function dayAndTime(
  iso: string,
  now: Date,
  o: { locale: string; timeZone?: string; tomorrow: string; onDate: string },
): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const timeZone = o.timeZone ?? localTimeZone();
  const time = at.toLocaleTimeString(o.locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const rel = dayRelation(at, now, timeZone);
  if (rel === 'today') return time;
  if (rel === 'tomorrow') return o.tomorrow.replace('{time}', time);
  const date = at.toLocaleDateString(o.locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  return o.onDate.replace('{date}', date).replace('{time}', time);
}
