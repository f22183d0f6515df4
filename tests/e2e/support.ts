import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';

export const SCREENSHOTS = 'test-results/screenshots';

/** Keeps a screenshot in the test output, to be looked at. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

export const KIOSK_PORTRAIT = { width: 1080, height: 1920 };
export const KIOSK_LANDSCAPE = { width: 1920, height: 1080 };
export const TABLET = { width: 1280, height: 800 };
export const WALL = { width: 1920, height: 1080 };

/** Rows of a table in the kiosk's IndexedDB, read with the raw API (no app code involved). */
export function idbCount(page: Page, store: 'outbox' | 'rejected' | 'tickets'): Promise<number> {
  return page.evaluate(
    (s) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('lobbydesk-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(s, 'readonly').objectStore(s).count();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
