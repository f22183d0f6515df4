/** How the kiosk words a shoe job: its state in the list (a room job goes back to the room), and when it is needed by. */
import { isRoomShoeJob } from '../../../../shared/domain/luggage.machine.ts';
import { dayAndTime } from '../../../../shared/domain/when.ts';
import type { Locale } from '../../../../shared/i18n/locale.ts';
import { locale, t, type KioskKey } from '../../i18n/locale.store.ts';
import type { TicketRow } from '../../sync/queries.ts';

const INTL: Record<Locale, string> = { en: 'en-GB', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' };

/** The list's state for a row: "Ready — please come to the desk" only when the guest is to come; a room job says the room. */
export function shoeStatusKey(r: Pick<TicketRow, 'kind' | 'status' | 'details'>): KioskKey {
  if (isRoomShoeJob(r) && r.status === 'called') return 'shoe.statusRoomReady';
  if (isRoomShoeJob(r) && r.status === 'completed') return 'shoe.statusRoomDone';
  return `ticketStatus.${r.status}`;
}

/** "Back by 19:00", "Back by tomorrow 08:00", or by a weekday and date, on the property's clock. */
export function backByText(iso: string, now: Date, timeZone?: string): string {
  const when = dayAndTime(iso, now, { locale: INTL[locale.value], timeZone, tomorrow: t('when.tomorrow'), onDate: t('when.onDate') });
  return t('shoe.backBy', { when });
}
