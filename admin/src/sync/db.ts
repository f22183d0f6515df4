/**
 * The tablet's local store: the shared sync stores (outbox, rejected, meta)
 * plus a cache of the view last seen — requests, the pending-issue board and
 * the luggage ledger — and when it was last brought up to date, so a reload
 * while the server is away still shows all three, "as of" that moment. Only
 * `sync/` imports this file.
 */
import Dexie, { type Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { Issue } from '../../../shared/domain/issue.ts';
import type { LuggageItem } from '../../../shared/domain/luggage.ts';
import type { StaffMe } from '../../../shared/protocol/auth.ts';
import type { ServiceRequest } from '../../../shared/domain/request.ts';
import { SYNC_STORES, getMeta, setMeta, type SyncDexie } from '../../../shared/sync-client/outbox.ts';

export type AdminDb = SyncDexie & {
  requests: Table<ServiceRequest, string>;
  issues: Table<Issue, string>;
  luggage: Table<LuggageItem, string>;
};

export function openAdminDb(name = 'lobbydesk-admin'): AdminDb {
  const db = new Dexie(name) as AdminDb;
  db.version(1).stores({ ...SYNC_STORES, requests: 'id' });
  db.version(2).stores({ ...SYNC_STORES, requests: 'id', issues: 'id', luggage: 'id' });
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

/** What the staff screens show, as the server sent it. */
export interface ViewData {
  requests: ServiceRequest[];
  issues: Issue[];
  luggage: LuggageItem[];
}

/** The saved view, and when the server last confirmed it (null: never, or saved by an older version). */
export interface CachedView extends ViewData {
  savedAt: string | null;
}

const SAVED_AT = 'viewSavedAt';

export async function loadCachedView(d: AdminDb = db): Promise<CachedView> {
  return d.transaction('r', [d.requests, d.issues, d.luggage, d.meta], async () => ({
    requests: await d.requests.toArray(),
    issues: await d.issues.toArray(),
    luggage: await d.luggage.toArray(),
    savedAt: (await getMeta<string>(d, SAVED_AT)) ?? null,
  }));
}

/** A snapshot replaces the whole saved view. */
export async function replaceCachedView(v: ViewData, savedAt: string, d: AdminDb = db): Promise<void> {
  await d.transaction('rw', [d.requests, d.issues, d.luggage, d.meta], async () => {
    await Promise.all([d.requests.clear(), d.issues.clear(), d.luggage.clear()]);
    await d.requests.bulkPut(v.requests);
    await d.issues.bulkPut(v.issues);
    await d.luggage.bulkPut(v.luggage);
    await setMeta(d, SAVED_AT, savedAt);
  });
}

async function putNewer<T extends { id: string; rev: number }>(table: Table<T, string>, list: readonly T[]): Promise<void> {
  for (const item of list) {
    const have = await table.get(item.id);
    if (!have || have.rev < item.rev) await table.put(item);
  }
}

/** Events merge by revision: an older or equal copy changes nothing. */
export async function upsertCachedView(v: ViewData, d: AdminDb = db): Promise<void> {
  if (!v.requests.length && !v.issues.length && !v.luggage.length) return;
  await d.transaction('rw', [d.requests, d.issues, d.luggage], async () => {
    await putNewer(d.requests, v.requests);
    await putNewer(d.issues, v.issues);
    await putNewer(d.luggage, v.luggage);
  });
}

/** The server confirmed the view at `at` (a sync finished): what "as of" shows when the tablet reloads offline. */
export const markViewSaved = (at: string, d: AdminDb = db) => setMeta(d, SAVED_AT, at);

/** Forgets the whole saved view (requests, issues, luggage and its time), e.g. on sign-out. The outbox is kept. */
export async function clearCachedRequests(d: AdminDb = db): Promise<void> {
  await d.transaction('rw', [d.requests, d.issues, d.luggage, d.meta], async () => {
    await Promise.all([d.requests.clear(), d.issues.clear(), d.luggage.clear(), d.meta.delete(SAVED_AT)]);
  });
}
