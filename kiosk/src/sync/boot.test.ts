import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceMe } from '../../../shared/protocol/auth.ts';
import { peekIdentity } from './boot.ts';
import { KioskDb, META } from './db.ts';
import { adoptDeviceMe, saveToken } from './identity.ts';

const ME: DeviceMe = {
  deviceId: '0190a0b0-0000-7000-8000-000000000001',
  kind: 'kiosk',
  name: 'Lobby kiosk 1',
  letter: 'A',
  lastSeq: 0,
  lastTicketToday: 0,
  serviceDay: '2026-03-14',
  property: { id: '0190a0b0-0000-7000-8000-0000000000aa', name: 'Harbour Hotel', timeZone: 'Asia/Shanghai' },
  serverTime: '2026-03-14T02:00:00Z',
};

afterEach(async () => {
  await Dexie.delete('lobbydesk-kiosk');
});

describe('peekIdentity (the first screen, before Dexie loads)', () => {
  it('finds nothing on a first start and creates no database (Dexie makes it, at its own version)', async () => {
    expect(await peekIdentity()).toBeNull();
    expect(await Dexie.exists('lobbydesk-kiosk')).toBe(false);
    const db = new KioskDb();
    await db.open(); // Dexie still creates it, with every store
    expect(db.tables.map((t) => t.name).sort()).toEqual(['meta', 'outbox', 'rejected', 'services', 'tickets']);
    db.close();
  });

  it('reads the token and DeviceMe Dexie stored, and lets Dexie open the database afterwards', async () => {
    const db = new KioskDb();
    await saveToken(db, 'tok-1');
    await adoptDeviceMe(db, ME);
    db.close();
    expect(await peekIdentity()).toEqual({ token: 'tok-1', me: ME });
    const again = new KioskDb();
    expect(await again.meta.get(META.token)).toEqual({ key: 'token', value: 'tok-1' });
    again.close();
  });

  it('answers null (Dexie decides) without a token, without a DeviceMe, or for a device that is not a kiosk', async () => {
    const db = new KioskDb();
    await adoptDeviceMe(db, ME);
    expect(await peekIdentity()).toBeNull(); // no token
    await db.meta.delete(META.me);
    await saveToken(db, 'tok-1');
    expect(await peekIdentity()).toBeNull(); // no DeviceMe
    await db.meta.put({ key: META.me, value: { ...ME, kind: 'wall' } });
    expect(await peekIdentity()).toBeNull();
    db.close();
  });

  it('does not hold Dexie up while it is open', async () => {
    const db = new KioskDb();
    await saveToken(db, 'tok-1');
    await adoptDeviceMe(db, ME);
    const peek = peekIdentity();
    // Dexie keeps its connection open beside the peek's (the peek closes its own at once).
    expect(await db.meta.count()).toBeGreaterThan(0);
    expect((await peek)?.token).toBe('tok-1');
    db.close();
  });

  it('answers null where there is no IndexedDB', async () => {
    expect(await peekIdentity(null)).toBeNull();
  });
});
