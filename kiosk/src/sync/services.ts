/**
 * The hotel's service catalog on the kiosk: what the server sent (snapshot and `service.upserted`
 * events), kept in Dexie so home shows the same tiles after a reload offline. Pure Dexie logic
 * with no network, so it runs under fake-indexeddb in unit tests. Screens read it through
 * `useActiveServices()` (queries.ts), never from here.
 */
import { activeServices, Service } from '../../../shared/domain/service.ts';
import type { KioskDb } from './db.ts';

/** A snapshot is the whole catalog: what it does not name is gone (another property's, after re-pairing). */
export async function replaceServices(db: KioskDb, services: readonly Service[]): Promise<void> {
  const valid = services.filter((s) => Service.safeParse(s).success);
  await db.transaction('rw', db.services, async () => {
    await db.services.clear();
    await db.services.bulkPut(valid);
  });
}

/** Events, in order: the highest revision of each service wins, so applying one twice changes nothing. */
export async function applyServiceUpserts(db: KioskDb, services: readonly Service[]): Promise<void> {
  await db.transaction('rw', db.services, async () => {
    for (const s of services) {
      const have = await db.services.get(s.code);
      if (!have || s.rev > have.rev) await db.services.put(s);
    }
  });
}

/** The services guests may ask for now, in home order. */
export async function readActiveServices(db: KioskDb): Promise<Service[]> {
  return activeServices(await db.services.toArray());
}

/** One service by code, retired or not (a ticket's label). */
export function readService(db: KioskDb, code: string): Promise<Service | undefined> {
  return db.services.get(code);
}
