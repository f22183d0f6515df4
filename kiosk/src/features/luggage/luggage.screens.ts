/** Luggage check-in (claim code) and pick-up (see app/screen-registry.ts). */
import { defineScreens } from '../../app/screen-registry.ts';
import { ticketLines } from '../../app/read-aloud.ts';
import { startLuggageIn, startLuggageOut } from './luggage.store.ts';

export const luggageScreens = defineScreens([
  {
    id: 'luggage_in',
    screen: { load: () => import('./LuggageInScreen.tsx').then((m) => m.LuggageInScreen) },
    read: (tr) => [tr('luggageIn.title'), tr('luggageIn.subtitle')],
    tiles: [{ place: 'tiles', order: 10, testid: 'tile-luggage-in', icon: 'luggage_help', label: 'home.luggageIn', start: startLuggageIn }],
  },
  // The claim code is never read aloud: only the number.
  { id: 'claim', screen: { load: () => import('./ClaimScreen.tsx').then((m) => m.ClaimScreen) }, result: true, read: (tr, facts) => ticketLines(tr, facts, 'claim.keep') },
  {
    id: 'pickup',
    screen: { load: () => import('./PickupScreen.tsx').then((m) => m.PickupScreen) },
    read: (tr) => [tr('pickup.title'), tr('pickup.subtitle')],
    tiles: [{ place: 'tiles', order: 20, testid: 'tile-luggage-out', icon: 'luggage_out', label: 'home.luggageOut', start: startLuggageOut }],
  },
  { id: 'pickup_ticket', screen: { load: () => import('./PickupTicketScreen.tsx').then((m) => m.PickupTicketScreen) }, result: true, read: (tr, facts) => ticketLines(tr, facts, 'pickup.wait') },
]);
