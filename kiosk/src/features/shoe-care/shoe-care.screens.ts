/** Shoe care (see app/screen-registry.ts). */
import { defineScreens } from '../../app/screen-registry.ts';
import { ticketLines } from '../../app/read-aloud.ts';
import { startShoeCare } from './shoe-care.store.ts';
import { ShoeCareScreen } from './ShoeCareScreen.tsx';
import { ShoeTicketScreen } from './ShoeTicketScreen.tsx';

export const shoeCareScreens = defineScreens([
  {
    id: 'shoe_care',
    screen: ShoeCareScreen,
    read: (tr) => [tr('shoe.title'), tr('shoe.subtitle')],
    tiles: [{ place: 'tiles', order: 30, testid: 'tile-shoe-care', icon: 'shoe', label: 'home.shoeCare', start: startShoeCare }],
  },
  { id: 'shoe_ticket', screen: ShoeTicketScreen, result: true, read: (tr, facts) => ticketLines(tr, facts, 'shoe.wait') },
]);
