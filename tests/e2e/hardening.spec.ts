/**
 * Hardening in the browser: no app (the guest's phone page included) trips its own Content-Security-Policy
 * (zod's eval probe, inline styles), and a guest name with bidi controls — even one stored
 * before they were removed on the way in — cannot reorder what the tablet
 * and the wall show.
 */
import { expect, test, type Page } from '@playwright/test';
import { KioskDriver, StaffDriver } from '../integration/helpers.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { WallPage } from './pages/wall.page.ts';
import { KIOSK_PORTRAIT, TABLET, WALL } from './support.ts';

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

/** Records every CSP violation the page reports, from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|unsafe-eval/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return seen;
}

test('no app reports a Content-Security-Policy violation while it starts and parses server data', async ({ browser }) => {
  const kioskCtx = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kioskPage = await kioskCtx.newPage();
  const kioskCsp = await watchCsp(kioskPage);
  const kiosk = new KioskPage(kioskPage);
  await kiosk.open(server.url, server.demo!.kioskToken);
  await expect(kioskPage.locator('body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });

  const tabletCtx = await browser.newContext({ viewport: TABLET });
  const tabletPage = await tabletCtx.newPage();
  const tabletCsp = await watchCsp(tabletPage);
  await new AdminPage(tabletPage).login(server.url, 'agent1', '1111');

  const wallCtx = await browser.newContext({ viewport: WALL });
  const wallPage = await wallCtx.newPage();
  const wallCsp = await watchCsp(wallPage);
  await new WallPage(wallPage).open(server.url, server.demo!.wallToken);
  await expect(wallPage.getByTestId('live-status')).toHaveAttribute('data-status', 'live');

  // The guest's phone page (/t/<token>), opened from a ticket's QR: the ticket live, its QR drawn.
  await kiosk.callStaff('question');
  const followUrl = (await kioskPage.getByTestId('follow-qr').getAttribute('data-url'))!;
  await expect(kioskPage.getByTestId('follow-qr').locator('img')).toBeVisible();
  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phonePage = await phoneCtx.newPage();
  const phoneCsp = await watchCsp(phonePage);
  await phonePage.goto(followUrl);
  await expect(phonePage.getByTestId('follow-ticket')).toBeVisible();

  // Every app has now parsed snapshots and events with zod; give late reports a moment.
  await kioskPage.waitForTimeout(500);
  expect({ kiosk: kioskCsp, tablet: tabletCsp, wall: wallCsp, phone: phoneCsp }).toEqual({ kiosk: [], tablet: [], wall: [], phone: [] });
  await Promise.all([kioskCtx.close(), tabletCtx.close(), wallCtx.close(), phoneCtx.close()]);
});

test('a guest name with a right-to-left override shows as typed, in order, on the tablet and the wall', async ({ browser }) => {
  const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  const agent = await new StaffDriver(server.url).login('agent1', '1111');
  const cmd = kiosk.create({ guestName: 'Ann', room: '1208' });
  expect((await kiosk.push([cmd])).body.outcomes[0].outcome).toBe('applied');
  // A row stored before the controls were removed on the way in.
  await server.store.db.updateTable('service_requests').set({ guest_name: '\u202eAnn gnp.exe\u202c', room: '\u2067801\u2069' }).where('id', '=', cmd.payload.requestId).execute();

  const ctx = await browser.newContext({ viewport: TABLET });
  const tablet = new AdminPage(await ctx.newPage());
  await tablet.login(server.url, 'agent1', '1111');
  const row = tablet.row(cmd.payload.ticket);
  await expect(row).toContainText('Ann gnp.exe');
  const text = (await row.textContent()) ?? '';
  expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);

  const call = agent.transition(cmd.payload.requestId, 'call', 'waiting');
  expect((await agent.push([call])).body.outcomes[0].outcome).toBe('applied');
  const wallCtx = await browser.newContext({ viewport: WALL });
  const wall = new WallPage(await wallCtx.newPage());
  await wall.open(server.url, server.demo!.wallToken);
  await expect(wall.nowCalling()).toHaveText(cmd.payload.ticket);
  const wallText = (await wall.page.locator('body').textContent()) ?? '';
  expect(wallText).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  await Promise.all([ctx.close(), wallCtx.close()]);
});
