/**
 * The hotel's own services (the catalog a manager edits on the tablet): their home tiles, one
 * generic screen for any of them and its ticket. The two screens live in their own chunk, so the
 * kiosk's first screen does not pay for them (fetched in the background once home is up).
 */
import { ticketLines } from '../../app/read-aloud.ts';
import { defineScreens } from '../../app/screen-registry.ts';
import { locale } from '../../i18n/locale.store.ts';
import { chosenService, serviceTicket } from './service.store.ts';
import { ServiceTiles } from './ServiceTiles.tsx';

const name = (s: { names: Record<string, string> } | null | undefined) => s?.names[locale.value] ?? '';

export const serviceScreens = defineScreens([
  {
    id: 'service',
    screen: { load: () => import('./ServiceScreen.tsx').then((m) => m.ServiceScreen) },
    // The service's name (a manager's text, not the guest's) and the instruction; never what was typed.
    read: (tr) => [name(chosenService.value), tr(chosenService.value && Object.values(chosenService.value.fields).some((r) => r !== 'off') ? 'service.lead' : 'service.leadNone')],
    // After the built-in tiles (10–40), in the manager's order.
    tiles: [{ place: 'tiles', order: 100, id: 'catalog-services', Tiles: ServiceTiles, read: (facts) => [...(facts.services ?? [])] }],
  },
  {
    id: 'service_ticket',
    screen: { load: () => import('./ServiceTicketScreen.tsx').then((m) => m.ServiceTicketScreen) },
    result: true,
    read: (tr, facts) => [name(serviceTicket.value?.service), ...ticketLines(tr, facts, 'service.wait')],
  },
]);
