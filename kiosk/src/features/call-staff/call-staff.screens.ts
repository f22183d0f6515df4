/** The "Call staff" screens and its call to action on home (see app/screen-registry.ts). */
import { defineScreens } from '../../app/screen-registry.ts';
import { ticketLines } from '../../app/read-aloud.ts';
import { ConfirmScreen } from './ConfirmScreen.tsx';
import { DetailsScreen } from './DetailsScreen.tsx';
import { startCallStaff } from './flow.store.ts';
import { ReasonScreen } from './ReasonScreen.tsx';
import { TicketScreen } from './TicketScreen.tsx';

export const callStaffScreens = defineScreens([
  {
    id: 'reason',
    screen: ReasonScreen,
    read: (tr) => [tr('reason.title'), tr('reason.question'), tr('reason.luggage_help'), tr('reason.complaint'), tr('reason.other')],
    tiles: [{ place: 'primary', order: 10, testid: 'call-staff', icon: 'bell', label: 'home.callStaff', hint: 'home.callStaffHint', start: startCallStaff }],
  },
  { id: 'details', screen: DetailsScreen, read: (tr) => [tr('details.title'), tr('details.subtitle')] },
  { id: 'confirm', screen: ConfirmScreen, read: (tr) => [tr('confirm.title'), tr('confirm.subtitle')] },
  { id: 'ticket', screen: TicketScreen, result: true, read: (tr, facts) => ticketLines(tr, facts, 'ticket.wait') },
]);
