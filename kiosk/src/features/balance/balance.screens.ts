/** "My balance": the card-code screen and the member's balance (see app/screen-registry.ts). */
import { defineScreens } from '../../app/screen-registry.ts';
import { BalanceScreen } from './BalanceScreen.tsx';
import { openBalance } from './balance.store.ts';
import { CardCodeScreen } from './CardCodeScreen.tsx';

export const balanceScreens = defineScreens([
  {
    id: 'card',
    screen: CardCodeScreen,
    read: (tr) => [tr('card.title'), tr('card.subtitle')],
    tiles: [{ place: 'secondary', order: 10, testid: 'my-balance', icon: 'card', label: 'home.myBalance', hint: 'home.myBalanceHint', start: openBalance }],
  },
  // Never read the member's name or figures aloud in a lobby.
  { id: 'balance', screen: BalanceScreen, memberData: true, read: (tr) => [tr('home.myBalance')] },
]);
