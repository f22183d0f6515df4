/**
 * Gauntlet: the kiosk's disk is full. "The guest is told plainly, staff see
 * it in kiosk health, nothing already queued is lost."
 *
 * The full disk is real: the kiosk's origin gets a device-sized storage quota
 * (16 MB, through DevTools' Storage.overrideQuotaForOrigin — the real one is
 * a share of this machine's disk), then the test fills it — from another tab
 * on the same origin — with a scratch database of random bytes until
 * IndexedDB answers QuotaExceededError, as a full disk would. (Setting a tiny
 * quota alone is not enough: Chromium's IndexedDB keeps the space it was told
 * it has for 30 s, and asks again only when a write needs more — filling the
 * storage makes it ask.) Deleting the scratch database frees the space again.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { fillStorage, freeStorage } from './disk-filler.ts';
import { AdminPage } from './pages/admin.page.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KiosksPage } from './pages/kiosks.page.ts';
import { idbCount, KIOSK_PORTRAIT, TABLET, keepScreenshot } from './support.ts';

let server: TestServer;
let staff: TestClient;

test.beforeAll(async () => {
  server = await startTestServer();
  staff = await new TestClient(server.url).login('super1', '2222');
});
test.afterAll(async () => {
  await server?.stop(true);
});

const QUOTA = 16_000_000;


/** axe-core's serious and critical findings on the page as it is (evaluated over DevTools, so the CSP does not stop it). */
async function seriousAxeFindings(page: Page): Promise<string[]> {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  return page.evaluate(async () => {
    type Finding = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Finding[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function kioskHealth() {
  const r = await staff.get('/api/devices');
  expect(r.status).toBe(200);
  return (r.body.devices as { name: string; health: Record<string, unknown> | null }[]).find((d) => d.name === 'Lobby kiosk A')!.health;
}

async function ticketsOnServer(): Promise<string[]> {
  const rows = await server.store.db.selectFrom('service_requests').select('ticket').orderBy('ticket').execute();
  return rows.map((r) => r.ticket);
}

test('a full disk: the guest is told plainly, staff see it in kiosk health, nothing queued is lost', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  const cdp = await context.newCDPSession(kiosk.page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: QUOTA });

  await kiosk.open(server.url, server.demo!.kioskToken);
  await kiosk.serviceWorkerControls();
  await expect.poll(async () => (await kioskHealth())?.storageError, { timeout: 20_000 }).toBeNull();
  const otherTab = await context.newPage(); // on the kiosk's origin: whatever fills the disk lives here
  await otherTab.goto(`${server.url}/api/health`);

  // Offline, two guests take numbers: they wait in the outbox.
  await context.setOffline(true);
  const first = await kiosk.callStaff('question');
  await kiosk.done();
  const second = await kiosk.callStaff('luggage_help');
  await kiosk.done();
  expect([first, second]).toEqual(['A001', 'A002']);
  await expect(kiosk.pending()).toHaveText('2');

  // The disk fills up.
  expect(await fillStorage(otherTab)).toBe('QuotaExceededError');

  // The next guest is told plainly, in their language, and gets no number.
  await kiosk.page.getByTestId('call-staff').click();
  await kiosk.page.getByTestId('reason-question').click();
  await kiosk.page.getByTestId('skip-details').click();
  await kiosk.page.getByTestId('confirm').click();
  const notice = kiosk.page.getByTestId('save-failed');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('data-kind', 'quota');
  await expect(notice).toContainText('Your request could not be saved');
  await expect(notice).toContainText('no number was issued');
  await expect(notice).toContainText('Please ask at the front desk');
  await expect(kiosk.page.getByTestId('ticket-number')).toHaveCount(0);
  await expect(kiosk.page.getByTestId('storage-warning')).toBeVisible();
  await expect(kiosk.page.locator('#save-failed-title')).toBeFocused();
  expect(await seriousAxeFindings(kiosk.page)).toEqual([]);
  await keepScreenshot(kiosk.page, 'kiosk-save-failed-portrait');
  await kiosk.page.getByTestId('lang-zh-Hans').click();
  await expect(notice).toContainText('您的请求未能保存');
  await expect(notice).toContainText('未能为您取号');
  await kiosk.page.getByTestId('lang-zh-Hant').click();
  await expect(notice).toContainText('您的請求未能儲存');
  await expect(notice).toContainText('請到櫃檯詢問');
  await keepScreenshot(kiosk.page, 'kiosk-save-failed-portrait-zh-Hant');
  await kiosk.page.getByTestId('save-failed-ok').click();
  await expect(kiosk.page.getByTestId('call-staff')).toBeVisible();

  // Nothing of the failed request was kept, and nothing queued was lost.
  expect(await idbCount(kiosk.page, 'outbox')).toBe(2);
  expect(await idbCount(kiosk.page, 'tickets')).toBe(2);

  // Starting again on the full disk (still offline): the kiosk comes up from what it has stored, no white screen.
  // (Whether its first probe finds room depends on when Chromium recounts the origin's usage, so it is not asserted.)
  await kiosk.page.reload();
  await kiosk.ready();
  await expect(kiosk.page.getByTestId('call-staff')).toBeVisible();
  await expect(kiosk.pending()).toHaveText('2');

  // The network returns: the queue goes out exactly once (deleting needs no space).
  await context.setOffline(false);
  await expect.poll(ticketsOnServer, { timeout: 30_000 }).toEqual(['A001', 'A002']);
  await expect.poll(() => idbCount(kiosk.page, 'outbox'), { timeout: 10_000 }).toBe(0);
  await expect(kiosk.pending()).toBeHidden();

  // The disk stays full (topped up: Chromium may have recounted a little room since); the next guest is turned
  // away, and staff learn of it at once from the kiosk's report.
  expect(await fillStorage(otherTab)).toBe('QuotaExceededError');
  await kiosk.page.getByTestId('call-staff').click();
  await kiosk.page.getByTestId('reason-other').click();
  await kiosk.page.getByTestId('skip-details').click();
  await kiosk.page.getByTestId('confirm').click();
  await expect(notice).toBeVisible();
  await kiosk.page.getByTestId('save-failed-ok').click();
  await expect.poll(async () => (await kioskHealth())?.storageError, { timeout: 20_000 }).toBe('quota');
  const health = await kioskHealth();
  expect(typeof health?.storageErrorAt).toBe('string');
  expect(health?.storageQuota).toEqual(expect.any(Number));

  // Staff see it on the kiosks screen.
  const adminContext = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await adminContext.newPage());
  const kiosks = new KiosksPage(admin.page);
  await admin.login(server.url, 'super1', '2222');
  await kiosks.open();
  await expect(kiosks.row('Lobby kiosk A').getByTestId('device-storage-error')).toHaveAttribute('data-kind', 'quota');
  await expect(kiosks.row('Lobby kiosk A').getByTestId('device-storage-error')).toHaveText('Storage full — cannot save requests');
  await expect(admin.page.locator('[data-testid="storage-alert"][data-name="Lobby kiosk A"]')).toContainText('storage is full');
  await expect(kiosks.row('Lobby wall').getByTestId('device-storage-error')).toHaveCount(0);
  await keepScreenshot(admin.page, 'admin-kiosks-storage-full-tablet');

  // Space is freed; the next guest's number is stored (the failed attempt used none) and the warning clears.
  await freeStorage(otherTab);
  expect(await kiosk.callStaff('other')).toBe('A003');
  await kiosk.done();
  await expect(kiosk.page.getByTestId('storage-warning')).toBeHidden();
  await expect.poll(async () => (await kioskHealth())?.storageError, { timeout: 20_000 }).toBeNull();
  await expect.poll(ticketsOnServer, { timeout: 20_000 }).toEqual(['A001', 'A002', 'A003']);
  await kiosks.refresh();
  await expect(kiosks.row('Lobby kiosk A').getByTestId('device-storage-error')).toHaveCount(0);
  await expect(admin.page.getByTestId('storage-alerts')).toHaveCount(0);

  await adminContext.close();
  await context.close();
});
