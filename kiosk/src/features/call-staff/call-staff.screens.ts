/** The "Call staff" screens and its call to action on home (see app/screen-registry.ts). */
import { defineScreens } from '../../app/screen-registry.ts';
import { ticketLines } from '../../app/read-aloud.ts';
import { startCallStaff } from './flow.store.ts';

export const callStaffScreens = defineScreens([
  {
    id: 'reason',
    screen: { load: () => import('./ReasonScreen.tsx').then((m) => m.ReasonScreen) },
    read: (tr) => [tr('reason.title'), tr('reason.question'), tr('reason.luggage_help'), tr('reason.complaint'), tr('reason.other')],
    tiles: [{ place: 'primary', order: 10, testid: 'call-staff', icon: 'bell', label: 'home.callStaff', hint: 'home.callStaffHint', start: startCallStaff }],
  },
  { id: 'details', screen: { load: () => import('./DetailsScreen.tsx').then((m) => m.DetailsScreen) }, read: (tr) => [tr('details.title'), tr('details.subtitle')] },
  { id: 'confirm', screen: { load: () => import('./ConfirmScreen.tsx').then((m) => m.ConfirmScreen) }, read: (tr) => [tr('confirm.title'), tr('confirm.subtitle')] },
  { id: 'ticket', screen: { load: () => import('./TicketScreen.tsx').then((m) => m.TicketScreen) }, result: true, read: (tr, facts) => ticketLines(tr, facts, 'ticket.wait') },
]);
