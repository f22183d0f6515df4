import type { Page } from '@playwright/test';

/** The scratch database that fills an origin's storage in the storage tests. */
const FILLER = 'disk-filler';

/**
 * Fills the origin's storage from `page` (another tab on the kiosk's origin):
 * random (incompressible) chunks, each size until the browser refuses it,
 * then a quarter of that, down to 256 bytes. The scratch database stays open
 * in that tab, as an app holding its data would (closing it lets the browser
 * tidy its files and hand space back). Answers the browser's error for the
 * smallest chunk.
 */
export function fillStorage(page: Page): Promise<string> {
  return page.evaluate(async (name) => {
    const holder = window as unknown as { filler?: IDBDatabase };
    if (!holder.filler) {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('junk', { autoIncrement: true });
      holder.filler = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
    }
    const db = holder.filler;
    const add = (n: number) =>
      new Promise<string>((resolve) => {
        const bytes = new Uint8Array(n);
        for (let i = 0; i < n; i += 65_536) crypto.getRandomValues(bytes.subarray(i, Math.min(n, i + 65_536)));
        const tx = db.transaction('junk', 'readwrite');
        tx.objectStore('junk').add(bytes);
        tx.oncomplete = () => resolve('ok');
        tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
      });
    let last = '';
    for (let size = 4_000_000; size >= 256; size = Math.floor(size / 4)) {
      do last = await add(size);
      while (last === 'ok');
    }
    return last;
  }, FILLER);
}

/** Frees the space again: the scratch database goes. */
export function freeStorage(page: Page): Promise<void> {
  return page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        (window as unknown as { filler?: IDBDatabase }).filler?.close();
        const del = indexedDB.deleteDatabase(name);
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error);
      }),
    FILLER,
  );
}
