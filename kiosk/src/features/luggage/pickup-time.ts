/**
 * "When will you collect your bags?" as a day and an hour on big buttons, not
 * a time picker. Times are the kiosk's local clock (the kiosk stands in the
 * property), sent as ISO instants.
 */
export type PickupDay = 'today' | 'tomorrow';

/** The desk's luggage hours offered as choices: 07:00 … 23:00. */
export const PICKUP_HOURS = Array.from({ length: 17 }, (_, i) => i + 7);

/** The hours still ahead on that day (today: from the next full hour). */
export function hoursFor(day: PickupDay, now: Date): number[] {
  if (day === 'tomorrow') return PICKUP_HOURS;
  return PICKUP_HOURS.filter((h) => h > now.getHours());
}

export function pickupInstant(day: PickupDay, hour: number, now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + (day === 'tomorrow' ? 1 : 0), hour, 0, 0, 0);
  return d.toISOString();
}

/** "14:00" in the guest's language. */
export function hourLabel(hour: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(2000, 0, 1, hour));
}
