import { describe, expect, it } from 'vitest';
import { buildRegistry, defineScreens, tileLines, tilesAt, type HomeTile } from './screen-registry.ts';
import { HOME_TILES, MEMBER_DATA_STEPS, RESULT_STEPS, SCREENS, type Step } from './screens.ts';

const Blank = () => null;
const tr = (k: string) => `<${k}>`;
const start = () => undefined;

describe('buildRegistry', () => {
  const a = defineScreens([
    { id: 'a_form', screen: Blank, read: () => ['A'], tiles: [{ place: 'tiles', order: 20, testid: 'tile-a', icon: 'bell', label: 'home.feedback', start }] },
    { id: 'a_done', screen: Blank, result: true, read: () => [] },
  ]);
  const b = defineScreens([
    { id: 'b_secret', screen: { load: async () => Blank }, memberData: true, read: () => [] },
    {
      id: 'b_form',
      screen: Blank,
      read: () => [],
      tiles: [
        { place: 'secondary', order: 10, testid: 'tile-b2', icon: 'card', label: 'home.myBalance', start },
        { place: 'tiles', order: 10, testid: 'tile-b', icon: 'shoe', label: 'home.shoeCare', start },
        { place: 'primary', order: 50, testid: 'tile-b0', icon: 'bell', label: 'home.callStaff', start },
        { place: 'tiles', order: 100, id: 'list', Tiles: Blank, read: (f) => [...(f.services ?? [])] },
      ],
    },
  ]);

  it('derives the steps, the result screens and the member-data screens from the registrations', () => {
    const r = buildRegistry([a, b]);
    expect(r.steps).toEqual(['a_form', 'a_done', 'b_secret', 'b_form']);
    expect(r.resultSteps).toEqual(['a_done']);
    expect(r.memberDataSteps).toEqual(['b_secret']);
    expect(r.byId.b_form.id).toBe('b_form');
  });

  it('orders home tiles by place, then order, whichever feature registered them', () => {
    const r = buildRegistry([a, b]);
    const ids = r.tiles.map((t: HomeTile) => ('Tiles' in t ? t.id : t.testid));
    expect(ids).toEqual(['tile-b0', 'tile-b', 'tile-a', 'list', 'tile-b2']);
    expect(tilesAt(r.tiles, 'tiles').length).toBe(3);
    expect(tileLines(r.tiles, tr as never, { services: ['Taxi'] })).toEqual(['<home.callStaff>', '<home.shoeCare>', '<home.feedback>', 'Taxi', '<home.myBalance>']);
  });

  it('refuses a step or a tile registered twice', () => {
    expect(() => buildRegistry([a, a])).toThrow(/registered twice/);
    const twin = defineScreens([{ id: 'c', screen: Blank, read: () => [], tiles: [{ place: 'tiles', order: 1, testid: 'tile-a', icon: 'bell', label: 'home.feedback', start }] }]);
    expect(() => buildRegistry([a, twin])).toThrow(/tile "tile-a"/);
  });
});

describe('the kiosk’s screens', () => {
  it('registers every guest screen once, with home', () => {
    const all: Step[] = ['home', 'reason', 'details', 'confirm', 'ticket', 'card', 'balance', 'luggage_in', 'claim', 'pickup', 'pickup_ticket', 'shoe_care', 'shoe_ticket', 'feedback', 'thanks', 'service', 'service_ticket'];
    expect([...SCREENS.steps].sort()).toEqual([...all].sort());
  });

  it('keeps the result screens and the member-data screens as before, plus the service ticket', () => {
    expect([...RESULT_STEPS].sort()).toEqual(['claim', 'pickup_ticket', 'service_ticket', 'shoe_ticket', 'thanks', 'ticket']);
    expect(MEMBER_DATA_STEPS).toEqual(['balance']);
  });

  it('puts Call staff on top, the built-in tiles, then the hotel’s services, then My balance', () => {
    const ids = HOME_TILES.map((t) => ('Tiles' in t ? t.id : t.testid));
    expect(ids).toEqual(['call-staff', 'tile-luggage-in', 'tile-luggage-out', 'tile-shoe-care', 'tile-feedback', 'catalog-services', 'my-balance']);
  });

  it('keeps the service screens in their own chunk', () => {
    expect('load' in SCREENS.byId.service.screen).toBe(true);
    expect('load' in SCREENS.byId.service_ticket.screen).toBe(true);
    expect('load' in SCREENS.byId.home.screen).toBe(false);
  });
});
