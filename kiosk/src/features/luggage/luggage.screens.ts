/** Luggage check-in (claim code) and pick-up (see app/screen-registry.ts). */
import { defineScreens } from '../../app/screen-registry.ts';
import { ticketLines } from '../../app/read-aloud.ts';
import { ClaimScreen } from './ClaimScreen.tsx';
import { startLuggageIn, startLuggageOut } from './luggage.store.ts';
import { LuggageInScreen } from './LuggageInScreen.tsx';
import { PickupScreen } from './PickupScreen.tsx';
import { PickupTicketScreen } from './PickupTicketScreen.tsx';

export const luggageScreens = defineScreens([
  {
    id: 'luggage_in',
    screen: LuggageInScreen,
    read: (tr) => [tr('luggageIn.title'), tr('luggageIn.subtitle')],
    tiles: [{ place: 'tiles', order: 10, testid: 'tile-luggage-in', icon: 'luggage_help', label: 'home.luggageIn', start: startLuggageIn }],
  },
  // The claim code is never read aloud: only the number.
  { id: 'claim', screen: ClaimScreen, result: true, read: (tr, facts) => ticketLines(tr, facts, 'claim.keep') },
  {
    id: 'pickup',
    screen: PickupScreen,
    read: (tr) => [tr('pickup.title'), tr('pickup.subtitle')],
    tiles: [{ place: 'tiles', order: 20, testid: 'tile-luggage-out', icon: 'luggage_out', label: 'home.luggageOut', start: startLuggageOut }],
  },
  { id: 'pickup_ticket', screen: PickupTicketScreen, result: true, read: (tr, facts) => ticketLines(tr, facts, 'pickup.wait') },
]);
