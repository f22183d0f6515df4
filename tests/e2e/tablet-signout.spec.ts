/**
 * A shared tablet: Lin takes an action while the tablet is offline, then signs
 * out. She is asked first; signed out anyway, her queued action is never
 * credited to Tom, who signs in next: the server refuses it and Tom is told.
 * A reload after an offline sign-out does not bring Lin's session back.
 */
import { expect, test } from '@playwright/test';
import { KioskDriver } from '../integration/helpers.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { TABLET, keepScreenshot } from './support.ts';

let server: TestServer;
let kiosk: KioskDriver;

test.beforeAll(async () => {
  server = await startTestServer();
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
});
test.afterAll(async () => {
  await server?.stop(true);
});

const onServer = (ticket: string) => server.store.db.selectFrom('service_requests').selectAll().where('ticket', '=', ticket).executeTakeFirstOrThrow();

test('an action queued by someone who signed out is refused under the next session, and said so', async ({ browser }) => {
  const cmd = kiosk.create({ guestName: 'Wang Fang' });
  expect((await kiosk.push([cmd])).body.outcomes[0].outcome).toBe('applied');
  const ticket = cmd.payload.ticket;

  const context = await browser.newContext({ viewport: TABLET });
  const tablet = new AdminPage(await context.newPage());
  await tablet.login(server.url, 'agent1', '1111');
  await expect(tablet.row(ticket)).toHaveAttribute('data-status', 'waiting');

  await context.setOffline(true);
  await tablet.act(ticket, 'call');
  await expect(tablet.row(ticket)).toHaveAttribute('data-status', 'called'); // shown at once, still queued

  // Asked before signing out; "stay" keeps her signed in.
  await tablet.page.getByTestId('logout').click();
  const dialog = tablet.page.getByTestId('signout-dialog');
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(dialog).toContainText('1 of your actions');
  await keepScreenshot(tablet.page, 'admin-signout-pending-1280');
  await tablet.page.getByTestId('signout-stay').click();
  await expect(dialog).toBeHidden();
  await expect(tablet.page.getByTestId('staff-name')).toContainText('Lin Mei');

  // Signed out anyway, offline: the server never heard of it, so a reload must not resume her session.
  await tablet.page.getByTestId('logout').click();
  await tablet.page.getByTestId('signout-anyway').click();
  await expect(tablet.page.getByTestId('login-submit')).toBeVisible();
  await context.setOffline(false);
  await tablet.page.reload();
  await expect(tablet.page.getByTestId('login-submit')).toBeVisible();
  await expect(tablet.page.getByTestId('staff-name')).toHaveCount(0);
  expect((await onServer(ticket)).status).toBe('waiting');

  // Tom signs in on the same tablet: Lin's queued call is delivered, refused, and explained to him.
  await tablet.page.getByTestId('staff-id').fill('agent2');
  await tablet.page.getByTestId('pin').fill('1112');
  await tablet.page.getByTestId('login-submit').click();
  await expect(tablet.page.getByTestId('staff-name')).toContainText('Tom Baker');
  const toast = tablet.toasts().filter({ hasText: ticket });
  await expect(toast).toHaveCount(1, { timeout: 15_000 });
  await expect(toast).toContainText('signed out before it reached the server');
  await expect(tablet.row(ticket)).toHaveAttribute('data-status', 'waiting');
  const row = await onServer(ticket);
  expect(row.status).toBe('waiting');
  expect(row.assigned_staff_id).toBeNull();
  await context.close();
});
