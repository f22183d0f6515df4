import { expect, test } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver } from '../integration/helpers.ts';
import { WallPage } from './pages/wall.page.ts';
import { WALL, keepScreenshot } from './support.ts';

let server: TestServer;

test.afterAll(async () => {
  await server?.stop(true);
});

/** A guest's ticket over HTTP, then an agent calls it to a desk; returns the ticket. */
async function callNew(kiosk: KioskDriver, staff: StaffDriver, guestName: string): Promise<string> {
  const cmd = kiosk.create({ guestName });
  const pushed = await kiosk.push([cmd]);
  expect(pushed.body.outcomes[0].outcome).toBe('applied');
  const call = staff.transition(cmd.payload.requestId, 'call', 'waiting');
  if (call.type === 'request.transition') call.payload.desk = '3'; // as the tablet sends it: the desk number
  const called = await staff.push([call]);
  expect(called.body.outcomes[0].outcome).toBe('applied');
  return cmd.payload.ticket;
}

test('the wall keeps the last state through a server restart, reconnects by itself, and shows guest text only as masked text', async ({ browser }) => {
  server = await startTestServer();
  const { dataDir } = server;
  const port = Number(new URL(server.url).port);
  const tokens = server.demo!;
  const context = await browser.newContext({ viewport: WALL });
  const wall = new WallPage(await context.newPage());
  const dialogs: string[] = [];
  wall.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await wall.open(server.url, tokens.wallToken);
  await expect(wall.page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
  await expect(wall.page.getByTestId('wall-speak')).toHaveAttribute('aria-pressed', 'false'); // spoken calls are off by default

  let kiosk = await new KioskDriver(server.url, tokens.kioskToken).init();
  let staff = await new StaffDriver(server.url).login('agent1', '1111');
  const before = await callNew(kiosk, staff, 'Li Wei');
  await expect(wall.nowCalling()).toHaveText(before);

  // The server goes away; the lobby still sees what it knew, and that the wall is reconnecting.
  await server.stop();
  const badge = wall.page.getByTestId('live-status');
  await expect(badge).toHaveAttribute('data-status', 'reconnecting', { timeout: 15_000 });
  await expect(badge).toContainText('Reconnecting');
  await expect(wall.page.getByTestId('wall-stale')).toContainText('Last updated');
  await expect(wall.nowCalling()).toHaveText(before);
  await keepScreenshot(wall.page, 'wall-reconnecting');

  // The same data on the same port: the wall comes back by itself, no reload.
  server = await startTestServer({ dataDir, port });
  await expect(badge).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
  await expect(wall.page.getByTestId('wall-stale')).toHaveCount(0);
  kiosk = await new KioskDriver(server.url, tokens.kioskToken).init();
  staff = await new StaffDriver(server.url).login('agent1', '1111');
  const xss = '<img src=x onerror=alert(1)>';
  const after = await callNew(kiosk, staff, xss);
  expect(after).not.toBe(before);
  await expect(wall.nowCalling()).toHaveText(after);
  await expect(wall.page.getByTestId('recent-ticket').filter({ hasText: before })).toHaveCount(1);
  // The guest's markup arrives masked and is shown as text: no element made of it, nothing run.
  await expect(wall.page.locator('.now-meta .masked')).toHaveText('<***');
  await expect(wall.page.locator('img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await keepScreenshot(wall.page, 'wall-after-restart');
  await context.close();
});
