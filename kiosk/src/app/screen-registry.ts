/**
 * How a feature registers its guest screens (conventions: "register, don't wire"). A
 * registration names the screen's step id, its component (or a loader, for a screen in its own
 * chunk), whether it is a result screen (it counts down and returns home itself) or shows a
 * member's data (a sooner idle reset), what "Read aloud" says on it, and the home tiles that
 * open the feature. `app/screens.ts` collects every feature's registrations; the `Step` union,
 * the result and member-data lists, the App's switch and the home tiles are derived from them.
 * Pure: no screen, store or storage is imported here, so it is unit-tested in Node.
 */
import type { ComponentType } from 'preact';
import type { KioskKey } from '../i18n/kiosk.ts';
import type { IconName } from '../components/Icon.tsx';
import type { ScreenFacts, Translate } from './read-aloud.ts';

/** Where a tile sits on home: the large call to action on top, the grid of tiles, the secondary action under it. */
export type TilePlace = 'primary' | 'tiles' | 'secondary';

interface TileBase {
  place: TilePlace;
  /** Ascending within its place. Built-in tiles use 10, 20, 30…; the catalog's tiles come after them. */
  order: number;
}

/** One button on home. */
export interface ButtonTile extends TileBase {
  testid: string;
  icon: IconName;
  label: KioskKey;
  /** A second line under the label (the primary and secondary calls to action have one). */
  hint?: KioskKey;
  start: () => void;
}

/** Several buttons drawn by the feature itself (the hotel's service catalog): its tiles are data, not code. */
export interface TileList extends TileBase {
  id: string;
  Tiles: ComponentType;
  /** What "Read aloud" says for these tiles, from what home shows (`facts.services`). */
  read: (facts: ScreenFacts) => string[];
}

export type HomeTile = ButtonTile | TileList;

export const isTileList = (t: HomeTile): t is TileList => 'Tiles' in t;

/** What every screen component is given (home draws the tiles; the others ignore it). */
export interface ScreenProps {
  tiles: readonly HomeTile[];
}

/** A screen loaded on first use, in its own chunk (`() => import('./X.tsx').then((m) => m.X)`). */
export interface LazyScreen {
  load: () => Promise<ComponentType<ScreenProps>>;
}

export const isLazy = (s: ComponentType<ScreenProps> | LazyScreen): s is LazyScreen => typeof s === 'object' && s !== null && 'load' in s;

export interface ReadContext {
  /** Every home tile of every feature, in home order (home reads their labels). */
  tiles: readonly HomeTile[];
}

export interface ScreenDef<Id extends string = string> {
  id: Id;
  screen: ComponentType<ScreenProps> | LazyScreen;
  /** Shown after a flow is finished: it counts down and returns home itself; the idle warning leaves it alone. */
  result?: boolean;
  /** Shows a member's data (balance, points, tier): the idle reset comes sooner (main.tsx). */
  memberData?: boolean;
  /** The lines "Read aloud" says on this screen, in order (never a member's figures or anything typed). */
  read: (tr: Translate, facts: ScreenFacts, ctx: ReadContext) => string[];
  /** Home tiles that open this feature. */
  tiles?: readonly HomeTile[];
}

/** A feature's screens; `const` keeps each id a literal, so the `Step` union is derived from them. */
export function defineScreens<const Id extends string>(defs: readonly ScreenDef<Id>[]): readonly ScreenDef<Id>[] {
  return defs;
}

export interface Registry<Id extends string> {
  steps: readonly Id[];
  byId: Readonly<Record<Id, ScreenDef<Id>>>;
  resultSteps: readonly Id[];
  memberDataSteps: readonly Id[];
  /** All home tiles, by place then order (ties keep registration order). */
  tiles: readonly HomeTile[];
}

const PLACE_ORDER: Record<TilePlace, number> = { primary: 0, tiles: 1, secondary: 2 };

/** Collects the features' registrations; a step registered twice, or a tile id used twice, is a programming error. */
export function buildRegistry<Id extends string>(features: readonly (readonly ScreenDef<Id>[])[]): Registry<Id> {
  const defs = features.flat();
  const byId = {} as Record<Id, ScreenDef<Id>>;
  for (const d of defs) {
    if (Object.hasOwn(byId, d.id)) throw new Error(`kiosk screen "${d.id}" is registered twice`);
    byId[d.id] = d;
  }
  const tiles = defs
    .flatMap((d) => d.tiles ?? [])
    .map((t, i) => ({ t, i }))
    .sort((a, b) => PLACE_ORDER[a.t.place] - PLACE_ORDER[b.t.place] || a.t.order - b.t.order || a.i - b.i)
    .map(({ t }) => t);
  const tileIds = tiles.map((t) => (isTileList(t) ? t.id : t.testid));
  const dup = tileIds.find((id, i) => tileIds.indexOf(id) !== i);
  if (dup) throw new Error(`kiosk home tile "${dup}" is registered twice`);
  return {
    steps: defs.map((d) => d.id),
    byId,
    resultSteps: defs.filter((d) => d.result).map((d) => d.id),
    memberDataSteps: defs.filter((d) => d.memberData).map((d) => d.id),
    tiles,
  };
}

/** The tiles of one place on home, in order. */
export function tilesAt(tiles: readonly HomeTile[], place: TilePlace): HomeTile[] {
  return tiles.filter((t) => t.place === place);
}

/** What home reads aloud for its tiles: each button's label, and each list's own lines, in home order. */
export function tileLines(tiles: readonly HomeTile[], tr: Translate, facts: ScreenFacts): string[] {
  return tiles.flatMap((t) => (isTileList(t) ? t.read(facts) : [tr(t.label)]));
}
