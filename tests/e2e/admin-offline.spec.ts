/**
 * The staff tablet reloaded without the network: the queue, the pending-issue
 * board and the luggage ledger come back from the tablet's own store (Dexie),
 * with a clear "offline, as of …" banner, and go back to the server's view by
 * themselves when the network returns. The page itself comes from the
 * service worker, as on a real tablet.
 */
import { expect, test, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import type { Command } from '../../shared/protocol/commands.ts';
import { KioskDriver, StaffDriver } from '../integration/helpers.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { TABLET, keepScreenshot } from './support.ts';

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

/** A guest's complaint from the kiosk (it opens an issue on the board). */
async function complaint(kiosk: KioskDriver, comment: string): Promise<void> {
  const cmd: Command = {
    id: uuidv7(),
    deviceId: kiosk.me.deviceId,
    seq: kiosk.nextSeq++,
    type: 'feedback.submit',
    createdAt: new Date().toISOString(),
    payload: { feedbackId: uuidv7(), rating: 1, categories: ['room'], comment, complaint: true, contactConsent: false, contact: null, guestName: 'Grace Hopper', room: '0612', requestId: null },
  };
  expect((await kiosk.push([cmd])).body.outcomes[0].outcome).toBe('applied');
}

/** Bags checked in at the desk by another tablet. */
async function checkIn(staff: StaffDriver, claimCode: string, location: string, guestName: string): Promise<void> {
  const cmd = {
    id: uuidv7(),
    deviceId: staff.deviceId,
    seq: staff.nextSeq++,
    type: 'luggage.store',
    createdAt: new Date().toISOString(),
    payload: { itemId: uuidv7(), requestId: null, claimCode, bags: 2, tags: [`${claimCode}-1`, `${claimCode}-2`], location, guestName, room: '0907', notes: null, expectedPickupAt: null },
  } as unknown as Command;
  expect((await staff.push([cmd])).body.outcomes[0].outcome).toBe('applied');
}

/** The page is controlled by the admin service worker, so a reload works without the network. */
async function serviceWorkerControls(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 }).toBe(true);
}

test('board and ledger load online, then a reload offline still shows both (and the queue) as of the last sync', async ({ browser }) => {
  const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  const tom = await new StaffDriver(server.url).login('agent2', '1112');
  await complaint(kiosk, 'Shower drain blocked since this morning');
  await complaint(kiosk, 'Noise from the bar after midnight');
  await checkIn(tom, 'KQ7M2XPA', 'Shelf B3', 'Ada Lovelace');
  await checkIn(tom, 'RT4W9HNC', 'Locker 12', 'Alan Turing');
  const call = kiosk.create({ guestName: 'Katherine Johnson' });
  expect((await kiosk.push([call])).body.outcomes[0].outcome).toBe('applied');

  const context = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await context.newPage());
  await admin.login(server.url, 'agent1', '1111');
  await serviceWorkerControls(admin.page);
  await expect(admin.row(call.payload.ticket)).toBeVisible();

  await admin.page.getByTestId('nav-issues').click();
  const cards = admin.page.getByTestId('issue-card');
  await expect(cards).toHaveCount(2);
  await admin.page.getByTestId('nav-luggage').click();
  const ledger = admin.page.getByTestId('luggage-row');
  await expect(ledger).toHaveCount(2);
  await expect(admin.page.getByTestId('saved-view')).toHaveCount(0); // online: the server's view, no banner
  // The view is saved as the sync that brought it finishes.
  await expect.poll(() => admin.page.evaluate(() => new Promise<number>((done) => {
    const open = indexedDB.open('lobbydesk-admin');
    open.onsuccess = () => {
      const tx = open.result.transaction(['issues', 'luggage'], 'readonly');
      let n = 0;
      tx.objectStore('issues').count().onsuccess = (e) => (n += (e.target as IDBRequest<number>).result);
      tx.objectStore('luggage').count().onsuccess = (e) => (n += (e.target as IDBRequest<number>).result);
      tx.oncomplete = () => done(n);
    };
    open.onerror = () => done(-1);
  }))).toBe(4);

  // The network goes; the tablet is reloaded on the ledger.
  await context.setOffline(true);
  await admin.page.reload();
  const banner = admin.page.getByTestId('saved-view');
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toHaveText(/^Offline — showing what this tablet saved, as of \d{2}:\d{2}:\d{2}\.$/);
  expect(Date.parse((await banner.getAttribute('data-as-of'))!)).toBeLessThanOrEqual(Date.now());
  await expect(ledger).toHaveCount(2);
  await expect(admin.page.locator('[data-testid="luggage-row"][data-claim="KQ7M2XPA"]')).toContainText('Shelf B3');
  await expect(admin.page.locator('[data-testid="luggage-row"][data-claim="RT4W9HNC"]')).toContainText('Alan Turing');
  await expect(admin.page.getByTestId('live-status')).not.toHaveAttribute('data-status', 'live');
  await keepScreenshot(admin.page, 'admin-luggage-offline');

  await admin.page.getByTestId('nav-issues').click();
  await expect(cards).toHaveCount(2);
  await expect(admin.page.getByTestId('issue-summary').filter({ hasText: 'Shower drain blocked' })).toHaveCount(1);
  await expect(banner).toBeVisible();
  await keepScreenshot(admin.page, 'admin-issues-offline');

  await admin.page.getByTestId('nav-queue').first().click();
  await expect(admin.row(call.payload.ticket)).toBeVisible();
  await expect(banner).toBeVisible();

  // The network returns: the server's view replaces the saved one, and the banner goes by itself.
  await context.setOffline(false);
  await expect(admin.page.getByTestId('live-status')).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await context.close();
});
