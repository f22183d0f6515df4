/** Home: the welcome and every feature's tiles (registered by the features themselves). */
import { defineScreens, tileLines } from '../../app/screen-registry.ts';
import { HomeScreen } from './HomeScreen.tsx';

export const homeScreens = defineScreens([
  { id: 'home', screen: HomeScreen, read: (tr, facts, ctx) => [tr('home.welcome'), tr('home.subtitle'), ...tileLines(ctx.tiles, tr, facts)] },
]);
