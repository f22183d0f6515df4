/**
 * Whether the kiosk can still write its IndexedDB. A full disk (or a browser
 * storage quota) makes every write fail with QuotaExceededError while reads,
 * deletes and the outbox already stored keep working. The sync layer notes
 * each write's outcome here: the heartbeat reports a standing failure to
 * staff, and a guest whose request could not be stored is told so
 * (`saveFailed`) instead of being shown a number that does not exist.
 */
import type { StorageError } from '../../../shared/protocol/devices.ts';
import { setMeta, type SyncDexie } from '../../../shared/sync-client/outbox.ts';
import { saveFailed, storageTrouble } from './state.ts';

export type { StorageError };
export { dismissSaveFailed, saveFailed, storageTrouble } from './state.ts';

/** Dexie errors that mean the browser's storage itself is failing (not a bug in a query). */
const STORAGE_FAILURES = new Set(['OpenFailedError', 'DatabaseClosedError', 'MissingAPIError', 'UnknownError', 'InvalidStateError', 'AbortError']);

function chain(e: unknown): { name?: unknown; message?: unknown }[] {
  const out: { name?: unknown; message?: unknown }[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    out.push(cur as { name?: unknown });
    const next = (cur as { inner?: unknown; cause?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
    cur = next === cur ? null : next;
  }
  return out;
}

/** 'quota' when the storage is full, 'failed' for another storage failure, null when `e` is not about storage. */
export function storageErrorOf(e: unknown): StorageError | null {
  const links = chain(e);
  if (links.some((l) => l.name === 'QuotaExceededError' || (typeof l.message === 'string' && /quota/i.test(l.message)))) return 'quota';
  if (links.some((l) => typeof l.name === 'string' && STORAGE_FAILURES.has(l.name))) return 'failed';
  return null;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called whenever the standing state changes (a failure begins, changes kind or ends). */
export function onStorageChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function setTrouble(next: { kind: StorageError; since: string } | null): void {
  const prev = storageTrouble.value;
  if (prev?.kind === next?.kind) return;
  storageTrouble.value = next;
  for (const fn of listeners) fn();
}

/** A write succeeded: the storage works (again). */
export function noteWriteOk(): void {
  setTrouble(null);
}

/** A write failed: remember it when it is a storage failure. Answers the kind, or null for other errors. */
export function noteWriteFailed(e: unknown, now = new Date()): StorageError | null {
  const kind = storageErrorOf(e);
  if (kind) setTrouble({ kind, since: storageTrouble.value?.since ?? now.toISOString() });
  return kind;
}

/** Runs a local write and notes how it went; the error (if any) is thrown on. */
export async function noted<T>(write: () => Promise<T>): Promise<T> {
  try {
    const result = await write();
    noteWriteOk();
    return result;
  } catch (e) {
    noteWriteFailed(e);
    throw e;
  }
}

/**
 * For work that may write nothing at all (merging server updates that are
 * already known): a failure counts, a success proves nothing about space.
 */
export async function notedIfFails<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    noteWriteFailed(e);
    throw e;
  }
}

/**
 * A guest's request: stored with the outbox command in one transaction, or
 * not at all. When the storage refuses it, `saveFailed` tells the guest.
 */
export async function guestWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await noted(write);
  } catch (e) {
    const kind = storageErrorOf(e);
    if (kind) saveFailed.value = kind;
    throw e;
  }
}

/** About what one guest request stores (its command, its ticket row, the counter), with room to spare. */
const PROBE_BYTES = 2048;

/**
 * A small real write (one meta row, overwritten each time, about the size of
 * a guest's request), made before each heartbeat: staff learn of a full disk
 * before a guest meets it, and see it clear once a request would fit again.
 * A failure here does not reach the guest.
 */
export async function probeStorage(db: SyncDexie, now = new Date()): Promise<void> {
  const value = { at: now.toISOString(), room: '.'.repeat(PROBE_BYTES) };
  await noted(() => setMeta(db, 'storageProbe', value)).catch(() => undefined);
}
