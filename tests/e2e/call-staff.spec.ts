import { expect, test } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { WallPage } from './pages/wall.page.ts';
import { KIOSK_PORTRAIT, TABLET, WALL, keepScreenshot } from './support.ts';

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

test('tickets taken offline survive a reload and reach the tablet and the wall exactly once', async ({ browser }) => {
  const kioskContext = await browser.newContext({ viewport: KIOSK_PORTRAIT, serviceWorkers: 'allow' });
  const adminContext = await browser.newContext({ viewport: TABLET });
  const wallContext = await browser.newContext({ viewport: WALL });
  const kiosk = new KioskPage(await kioskContext.newPage());
  const admin = new AdminPage(await adminContext.newPage());
  const wall = new WallPage(await wallContext.newPage());

  await kiosk.open(server.url, server.demo!.kioskToken);
  await kiosk.serviceWorkerControls();
  await admin.login(server.url, 'agent1', '1111');
  await wall.open(server.url, server.demo!.wallToken);
  await keepScreenshot(kiosk.page, 'kiosk-home-portrait');

  await kioskContext.setOffline(true);
  const first = await kiosk.callStaff('question');
  await keepScreenshot(kiosk.page, 'kiosk-ticket-offline-portrait');
  await kiosk.done();
  const second = await kiosk.callStaff('luggage_help');
  await kiosk.done();
  expect(first).not.toBe(second);
  await expect(kiosk.pending()).toContainText('2');

  // Still offline: the page comes back from the service worker and the outbox is still there.
  await kiosk.page.reload();
  await kiosk.ready();
  await expect(kiosk.pending()).toContainText('2');
  await expect(admin.rows()).toHaveCount(0);

  await kioskContext.setOffline(false);
  await expect(admin.row(first)).toHaveCount(1, { timeout: 30_000 });
  await expect(admin.row(second)).toHaveCount(1);
  await expect(wall.waiting(first)).toHaveCount(1);
  await expect(wall.waiting(second)).toHaveCount(1);
  await expect(kiosk.pending()).toBeHidden();

  // Give a duplicate delivery every chance to show up, then count again on the server.
  await kiosk.page.reload();
  await kiosk.ready();
  const rows = await server.store.db.selectFrom('service_requests').select('ticket').execute();
  expect(rows.map((r) => r.ticket).sort()).toEqual([first, second].sort());
  await expect(admin.rows()).toHaveCount(2);
  await keepScreenshot(admin.page, 'admin-queue-tablet');

  // The agent calls the first ticket: the wall shows it; then completes it.
  await admin.act(first, 'call');
  await expect(admin.row(first)).toHaveAttribute('data-status', 'called');
  await expect(wall.nowCalling()).toContainText(first);
  await keepScreenshot(wall.page, 'wall-now-calling');
  await admin.act(first, 'complete');
  await expect(admin.row(first)).toHaveCount(0);
  await expect(wall.waiting(first)).toHaveCount(0);

  await kioskContext.close();
  await adminContext.close();
  await wallContext.close();
});
