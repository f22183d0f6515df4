/** "When do you need them back?" as a few choices, turned into an instant on the kiosk's clock. */
export const NEEDED_BY = ['1h', '2h', 'evening', 'morning', 'none'] as const;
export type NeededBy = (typeof NEEDED_BY)[number];

/** ISO instant for a choice; `none` (no rush) is null. Evening is 19:00 today (or in 1 h if later), morning 08:00 tomorrow. */
export function neededByInstant(choice: NeededBy, now: Date): string | null {
  const at = (d: number, h: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + d, h, 0, 0, 0);
  switch (choice) {
    case '1h':
      return new Date(now.getTime() + 60 * 60_000).toISOString();
    case '2h':
      return new Date(now.getTime() + 120 * 60_000).toISOString();
    case 'evening': {
      const e = at(0, 19);
      return (e.getTime() > now.getTime() + 60 * 60_000 ? e : new Date(now.getTime() + 60 * 60_000)).toISOString();
    }
    case 'morning':
      return at(1, 8).toISOString();
    case 'none':
      return null;
  }
}
