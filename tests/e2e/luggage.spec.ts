import { expect, test } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/server.ts';
import { KioskDriver } from '../integration/helpers.ts';
import { AdminPage } from './pages/admin.page.ts';
import { TABLET, keepScreenshot } from './support.ts';

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

test('an agent checks in a kiosk drop-off, and hands it back only with the right claim code and bag count', async ({ browser }) => {
  // The guest's drop-off request, as the kiosk pushes it.
  const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  const code = 'K7PQ2MXR';
  const drop = kiosk.create({ guestName: 'Wang Fang', room: '0816', note: null });
  drop.payload.kind = 'luggage_in';
  drop.payload.reason = null;
  drop.payload.details = { kind: 'luggage_in', bags: 2, expectedPickupAt: new Date(Date.now() + 4 * 3600_000).toISOString(), claimCode: code };
  expect((await kiosk.push([drop])).body.outcomes[0].outcome).toBe('applied');

  const context = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await context.newPage());
  const page = admin.page;
  await admin.login(server.url, 'agent1', '1111');
  await page.getByTestId('nav-luggage').click();
  await expect(page.getByTestId('checkin-open')).toContainText('1');

  // Check in: pick the kiosk request, tag each bag, say where they are.
  await page.getByTestId('checkin-open').click();
  await page.getByTestId('checkin-request').selectOption(drop.payload.requestId);
  await expect(page.getByTestId('checkin-claim')).toHaveText(code);
  await page.getByTestId('tag-input-1').fill('T-0451');
  await page.getByTestId('tag-input-2').fill('T-0452');
  await page.getByTestId('location-input').fill('Shelf A3');
  await keepScreenshot(page, 'admin-luggage-checkin');
  await page.getByTestId('checkin-submit').click();
  const row = page.locator(`[data-testid="luggage-row"][data-claim="${code}"]`);
  await expect(row).toHaveAttribute('data-status', 'stored');
  await expect(row.getByTestId('luggage-location')).toHaveText('Shelf A3');
  await expect(page.getByTestId('checkin-dialog')).toHaveCount(0);
  await keepScreenshot(page, 'admin-luggage-ledger');

  // A wrong claim code is refused by the server, and the agent is told why.
  await row.getByTestId('release-open').click();
  await page.getByTestId('release-claim').fill('ABCDEFGH');
  await page.getByTestId('release-bags').fill('2');
  await page.getByTestId('release-submit').click();
  await expect(page.getByTestId('release-error')).toContainText('claim code does not match');
  await expect(page.locator('[data-testid="toast"][data-code="claim_mismatch"]')).toHaveCount(1);
  await keepScreenshot(page, 'admin-luggage-release-refused');
  await expect(row).toHaveAttribute('data-status', 'stored');

  // The right code (as a scanner types it, ending in Enter) and the right count.
  await page.getByTestId('release-claim').fill('');
  await page.getByTestId('release-claim').pressSequentially(code.toLowerCase());
  await page.getByTestId('release-claim').press('Enter');
  await page.getByTestId('release-bags').fill('2');
  await page.getByTestId('release-submit').click();
  await expect(row).toHaveAttribute('data-status', 'released');
  await expect(page.getByTestId('release-dialog')).toHaveCount(0);

  await row.getByTestId('custody-toggle').click();
  await expect(row.getByTestId('custody-entry')).toHaveCount(3);
  await expect(row.locator('[data-testid="custody-entry"][data-action="released"]')).toContainText('Shelf A3');
  await page.locator('[data-testid="toast"] .toast-close').click();
  await keepScreenshot(page, 'admin-luggage-released');
  await context.close();
});
