/**
 * The tablet's local store: the shared sync stores (outbox, rejected, meta)
 * plus a cache of the requests last seen, so a reload while the server is
 * away still shows the queue. Only `sync/` imports this file.
 */
import Dexie, { type Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { StaffMe } from '../../../shared/protocol/auth.ts';
import type { ServiceRequest } from '../../../shared/domain/request.ts';
import { SYNC_STORES, getMeta, setMeta, type SyncDexie } from '../../../shared/sync-client/outbox.ts';

export type AdminDb = SyncDexie & { requests: Table<ServiceRequest, string> };

export function openAdminDb(name = 'lobbydesk-admin'): AdminDb {
  const db = new Dexie(name) as AdminDb;
  db.version(1).stores({ ...SYNC_STORES, requests: 'id' });
  return db;
}

export const db: AdminDb = openAdminDb();

/** This tablet's device id: a UUIDv7 made once and kept. */
export async function ensureDeviceId(d: AdminDb = db): Promise<string> {
  return d.transaction('rw', d.meta, async () => {
    const have = await getMeta<string>(d, 'deviceId');
    if (have) return have;
    const id = uuidv7();
    await setMeta(d, 'deviceId', id);
    return id;
  });
}

export const loadCachedMe = (d: AdminDb = db) => getMeta<StaffMe>(d, 'me');
export const saveCachedMe = (me: StaffMe | null, d: AdminDb = db) => (me ? setMeta(d, 'me', me) : d.meta.delete('me'));

export const loadCachedRequests = (d: AdminDb = db) => d.requests.toArray();

export async function replaceCachedRequests(list: ServiceRequest[], d: AdminDb = db): Promise<void> {
  await d.transaction('rw', d.requests, async () => {
    await d.requests.clear();
    await d.requests.bulkPut(list);
  });
}

export async function upsertCachedRequests(list: ServiceRequest[], d: AdminDb = db): Promise<void> {
  await d.transaction('rw', d.requests, async () => {
    for (const r of list) {
      const have = await d.requests.get(r.id);
      if (!have || have.rev < r.rev) await d.requests.put(r);
    }
  });
}

export const clearCachedRequests = (d: AdminDb = db) => d.requests.clear();
