import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { getMeta, type SyncDexie } from '../../../shared/sync-client/outbox.ts';
import { KioskDb } from './db.ts';
import {
  dismissSaveFailed,
  guestWrite,
  noted,
  notedIfFails,
  noteWriteOk,
  onStorageChange,
  probeStorage,
  saveFailed,
  storageErrorOf,
  storageTrouble,
} from './storage-health.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

beforeEach(() => {
  noteWriteOk();
  dismissSaveFailed();
});

describe('storageErrorOf', () => {
  it('calls a full storage quota, however Dexie wraps it', () => {
    expect(storageErrorOf(quota())).toBe('quota');
    expect(storageErrorOf(new Dexie.QuotaExceededError('full'))).toBe('quota');
    expect(storageErrorOf(new Dexie.AbortError('Transaction aborted', quota()))).toBe('quota');
  });

  it('calls other storage breakdowns failed, and leaves everything else alone', () => {
    expect(storageErrorOf(new Dexie.DatabaseClosedError('closed'))).toBe('failed');
    expect(storageErrorOf(new Dexie.OpenFailedError('cannot open'))).toBe('failed');
    expect(storageErrorOf(new Error('the kiosk has no identity yet'))).toBeNull();
    expect(storageErrorOf(new Dexie.ConstraintError('key exists'))).toBeNull();
    expect(storageErrorOf(null)).toBeNull();
  });
});

describe('noted', () => {
  it('marks the storage in trouble from the first failure on, and clears it at the next write that works', async () => {
    const changes: (string | null)[] = [];
    const stop = onStorageChange(() => changes.push(storageTrouble.value?.kind ?? null));
    await expect(noted(() => Promise.reject(quota()))).rejects.toThrow('quota');
    const since = storageTrouble.value?.since;
    expect(storageTrouble.value).toEqual({ kind: 'quota', since: expect.any(String) });
    await expect(noted(() => Promise.reject(quota()))).rejects.toThrow();
    expect(storageTrouble.value?.since).toBe(since); // the spell started at the first failure
    expect(await noted(() => Promise.resolve(7))).toBe(7);
    expect(storageTrouble.value).toBeNull();
    expect(changes).toEqual(['quota', null]);
    stop();
  });

  it('lets work that may write nothing report a failure but never clear one', async () => {
    await expect(notedIfFails(() => Promise.reject(quota()))).rejects.toThrow();
    expect(storageTrouble.value?.kind).toBe('quota');
    expect(await notedIfFails(() => Promise.resolve('nothing to store'))).toBe('nothing to store');
    expect(storageTrouble.value?.kind).toBe('quota');
  });

  it('does not take a bug for a storage failure', async () => {
    await expect(noted(() => Promise.reject(new Error('details must match the kind luggage_in')))).rejects.toThrow();
    expect(storageTrouble.value).toBeNull();
  });
});

describe('guestWrite', () => {
  it('tells the guest when their request could not be stored, and throws on', async () => {
    await expect(guestWrite(() => Promise.reject(new Dexie.AbortError('aborted', quota())))).rejects.toThrow();
    expect(saveFailed.value).toBe('quota');
    dismissSaveFailed();
    expect(saveFailed.value).toBeNull();
  });

  it('says nothing to the guest about errors that are not the storage', async () => {
    await expect(guestWrite(() => Promise.reject(new Error('the kiosk has no identity yet')))).rejects.toThrow();
    expect(saveFailed.value).toBeNull();
  });
});

describe('probeStorage', () => {
  it('writes one meta row and clears a standing failure when it works', async () => {
    const db = new KioskDb(`probe-${Math.random()}`);
    await expect(noted(() => Promise.reject(quota()))).rejects.toThrow();
    await probeStorage(db, new Date('2026-03-14T02:00:00Z'));
    expect(storageTrouble.value).toBeNull();
    expect(await getMeta(db, 'storageProbe')).toMatchObject({ at: '2026-03-14T02:00:00.000Z' });
    db.close();
  });

  it('notes a full storage without throwing', async () => {
    const full = { meta: { put: () => Promise.reject(quota()) } } as unknown as SyncDexie;
    await probeStorage(full);
    expect(storageTrouble.value?.kind).toBe('quota');
    expect(saveFailed.value).toBeNull(); // nobody asked for anything
  });
});
