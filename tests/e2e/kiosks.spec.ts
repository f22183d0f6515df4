import { expect, test, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KiosksPage } from './pages/kiosks.page.ts';
import { KIOSK_PORTRAIT, TABLET, keepScreenshot } from './support.ts';

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

/** Commands waiting in the kiosk's outbox, read straight from its IndexedDB. */
function outboxCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('lobbydesk-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').count();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

test('a supervisor sees the kiosk’s heartbeat and revokes it; the revoked kiosk cannot push', async ({ browser }) => {
  const kioskContext = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const adminContext = await browser.newContext({ viewport: TABLET });
  const kiosk = new KioskPage(await kioskContext.newPage());
  const admin = new AdminPage(await adminContext.newPage());
  const kiosks = new KiosksPage(admin.page);

  const beat = kiosk.page.waitForResponse((r) => r.url().endsWith('/api/devices/heartbeat') && r.status() === 200);
  await kiosk.open(server.url, server.demo!.kioskToken);
  await beat;

  await admin.login(server.url, 'super1', '2222');
  await kiosks.open();
  const row = kiosks.row('Lobby kiosk A');
  await expect(row).toHaveCount(1);
  await expect(kiosks.status('Lobby kiosk A')).toHaveAttribute('data-state', 'live');
  await expect(row.getByTestId('device-version')).toHaveText('0.1.0');
  await expect(row.getByTestId('device-outbox')).toContainText('0');
  await expect(kiosks.row('Lobby wall')).toHaveCount(1);
  await keepScreenshot(admin.page, 'admin-kiosks-tablet');
  await admin.page.getByTestId('lang-toggle').click();
  await expect(kiosks.status('Lobby kiosk A')).toHaveText('在线');
  await keepScreenshot(admin.page, 'admin-kiosks-tablet-zh');
  await admin.page.getByTestId('lang-toggle').click();

  // The kiosk loses its network, a guest takes a ticket, and meanwhile staff revoke the kiosk.
  await kioskContext.setOffline(true);
  const ticket = await kiosk.callStaff('question');
  await kiosk.done();
  await expect(kiosk.pending()).toContainText('1');

  await kiosks.revoke('Lobby kiosk A');
  await expect(kiosks.row('Lobby kiosk A').getByTestId('device-revoke')).toHaveCount(0);
  await keepScreenshot(admin.page, 'admin-kiosks-revoked-tablet');

  // Back online, the kiosk learns it was revoked: it shows the pairing screen and delivers nothing.
  await kioskContext.setOffline(false);
  await expect(kiosk.page.getByTestId('pair-code')).toBeVisible({ timeout: 20_000 });
  await kiosk.page.waitForTimeout(2_000);
  expect(await outboxCount(kiosk.page)).toBe(1);
  const requests = await server.store.db.selectFrom('service_requests').select('ticket').execute();
  expect(requests.map((r) => r.ticket)).not.toContain(ticket);
  expect(requests).toHaveLength(0);

  // The tablet's list still shows it as revoked after a refresh from the server.
  await kiosks.refresh();
  await expect(kiosks.status('Lobby kiosk A')).toHaveAttribute('data-state', 'revoked');

  await kioskContext.close();
  await adminContext.close();
});
