import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskDb, META } from './db.ts';
import { mirroredIdentity, mirrorIdentity } from './identity-mirror.ts';
import { adoptDeviceMe, forgetToken, readIdentity, saveToken } from './identity.ts';
import { testKiosk } from './test-device.ts';

const ME = testKiosk();

/** The browser's localStorage, in memory (Node has none). */
class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, String(v));
  removeItem = (k: string) => void this.items.delete(k);
}
const g = globalThis as { localStorage?: unknown };
let storage: MemoryStorage;
let db: KioskDb;

beforeEach(() => {
  storage = new MemoryStorage();
  g.localStorage = storage;
  db = new KioskDb();
});
afterEach(async () => {
  delete g.localStorage;
  db.close();
  await Dexie.delete('lobbydesk-kiosk');
});

describe('the identity mirror (home before the sync layer has loaded)', () => {
  it('is empty on a first start', () => {
    expect(mirroredIdentity()).toBeNull();
  });

  it('follows what Dexie is told: pairing stores token and DeviceMe, losing the token removes it', async () => {
    await saveToken(db, 'tok-1');
    expect(mirroredIdentity()).toBeNull(); // a token alone does not draw home
    await adoptDeviceMe(db, ME);
    expect(mirroredIdentity()).toEqual({ token: 'tok-1', me: ME });
    await forgetToken(db);
    expect(mirroredIdentity()).toBeNull();
    expect(await db.meta.get(META.token)).toBeUndefined();
  });

  it('is set to match Dexie whenever the sync layer reads the identity (Dexie is the truth)', async () => {
    mirrorIdentity({ token: 'stale', me: ME }); // say, left from before the database was wiped
    await readIdentity(db);
    expect(mirroredIdentity()).toBeNull();
    await db.meta.bulkPut([
      { key: META.token, value: 'tok-2' },
      { key: META.me, value: ME },
    ]);
    await readIdentity(db); // a kiosk from before the mirror: its first start writes it
    expect(mirroredIdentity()).toEqual({ token: 'tok-2', me: ME });
  });

  it('answers null for a device that is not a kiosk, or for damaged contents', () => {
    mirrorIdentity({ token: 'tok-1', me: { ...ME, kind: 'wall' } });
    expect(mirroredIdentity()).toBeNull();
    storage.setItem('lobbydesk-kiosk:me', '{not json');
    expect(mirroredIdentity()).toBeNull();
    storage.setItem('lobbydesk-kiosk:me', 'null');
    expect(mirroredIdentity()).toBeNull();
  });

  it('costs only the quick start where storage refuses or is missing', async () => {
    g.localStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(mirroredIdentity()).toBeNull();
    await saveToken(db, 'tok-1'); // Dexie still takes it
    expect(await db.meta.get(META.token)).toEqual({ key: 'token', value: 'tok-1' });
    delete g.localStorage;
    expect(mirroredIdentity()).toBeNull();
    mirrorIdentity({ token: 'x' });
  });
});
