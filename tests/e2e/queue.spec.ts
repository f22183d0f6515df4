import { expect, test, type Browser } from '@playwright/test';
import { legalActions, type RequestStatus } from '../../shared/domain/request.machine.ts';
import { KioskDriver } from '../integration/helpers.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { TABLET, keepScreenshot } from './support.ts';

const PHONE = { width: 390, height: 844 };
const NAMES: Record<string, string> = { agent1: 'Lin Mei', agent2: 'Tom Baker' };

let server: TestServer;
let kiosk: KioskDriver;

test.beforeAll(async () => {
  server = await startTestServer();
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
});
test.afterAll(async () => {
  await server?.stop(true);
});

/** A guest's waiting ticket, pushed as the kiosk sends it. */
async function newTicket(guestName = 'Li Wei'): Promise<string> {
  const cmd = kiosk.create({ guestName });
  const r = await kiosk.push([cmd]);
  expect(r.body.outcomes[0].outcome).toBe('applied');
  return cmd.payload.ticket;
}

async function onServer(ticket: string) {
  return server.store.db.selectFrom('service_requests').selectAll().where('ticket', '=', ticket).executeTakeFirstOrThrow();
}

async function agent(browser: Browser, staffId: string, pin: string, viewport = TABLET): Promise<AdminPage> {
  const context = await browser.newContext({ viewport });
  const admin = new AdminPage(await context.newPage());
  await admin.login(server.url, staffId, pin);
  return admin;
}

/** The row is at `status` on the server and on screen, and offers exactly the machine's legal actions. */
async function expectSettled(admin: AdminPage, ticket: string, status: RequestStatus): Promise<void> {
  await expect.poll(async () => (await onServer(ticket)).status).toBe(status);
  await expect(admin.row(ticket)).toHaveAttribute('data-status', status);
  await expect.poll(() => admin.shownActions(ticket)).toEqual([...legalActions(status)].sort());
}

test('two agents call the same ticket at once: exactly one wins, the other is told who took it', async ({ browser }) => {
  const a1 = await agent(browser, 'agent1', '1111');
  const a2 = await agent(browser, 'agent2', '1112');
  const ticket = await newTicket();
  await expect(a1.row(ticket)).toHaveAttribute('data-status', 'waiting');
  await expect(a2.row(ticket)).toHaveAttribute('data-status', 'waiting');

  // Both tap Call before either can hear of the other's (their tablets are briefly offline, so the taps
  // cannot be ordered by the live stream): both commands expect "waiting", and the server must pick one.
  await Promise.all([a1.page.context().setOffline(true), a2.page.context().setOffline(true)]);
  await Promise.all([a1.act(ticket, 'call'), a2.act(ticket, 'call')]);
  await Promise.all([a1.page.context().setOffline(false), a2.page.context().setOffline(false)]);

  await expect.poll(async () => (await onServer(ticket)).status).toBe('called');
  const row = await onServer(ticket);
  expect([NAMES.agent1, NAMES.agent2]).toContain(row.assigned_staff_name);
  const [winner, loser] = row.assigned_staff_id === 'agent1' ? [a1, a2] : [a2, a1];
  const loserToast = loser.toasts().filter({ hasText: ticket });
  await expect(loserToast).toHaveCount(1, { timeout: 15_000 });
  await expect(loserToast).toContainText(row.assigned_staff_name!);
  await expect(loser.row(ticket)).toHaveAttribute('data-status', 'called');
  await expect(loser.row(ticket)).toContainText(row.assigned_staff_name!);
  await expect(winner.row(ticket)).toHaveAttribute('data-status', 'called');
  await expect(winner.toasts()).toHaveCount(0);
  // Exactly one call was applied: the request moved once.
  expect(row.rev).toBe(2);
  await a1.page.context().close();
  await a2.page.context().close();
});

test('a transfer to a department shows on the row and puts the request back in line', async ({ browser }) => {
  const a1 = await agent(browser, 'agent1', '1111');
  await newTicket('Ana Souza');
  const ticket = await newTicket('Chen Jie');
  await a1.act(ticket, 'call');
  await expectSettled(a1, ticket, 'called');

  await a1.act(ticket, 'transfer');
  const dialog = a1.transferDialog();
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('transfer-mode-department').check();
  await dialog.getByTestId('transfer-department').selectOption('housekeeping');
  await dialog.getByTestId('transfer-note').fill('Wants two extra pillows in 1208');
  await keepScreenshot(a1.page, 'admin-queue-transfer');
  await dialog.getByTestId('transfer-submit').click();
  await expect(dialog).toBeHidden();

  await expectSettled(a1, ticket, 'waiting');
  await expect(a1.row(ticket).getByTestId('transfer-target')).toHaveText('→ Housekeeping');
  const row = await onServer(ticket);
  expect(row).toMatchObject({ department: 'housekeeping', transfer_note: 'Wants two extra pillows in 1208', assigned_staff_id: null });

  // To a desk: the row says which one.
  const other = await newTicket('Priya Nair');
  await a1.act(other, 'transfer');
  await dialog.getByTestId('transfer-mode-desk').check();
  await dialog.getByTestId('transfer-desk').fill('2');
  await dialog.getByTestId('transfer-submit').click();
  await expectSettled(a1, other, 'waiting');
  await expect(a1.row(other).getByTestId('transfer-target')).toHaveText('→ Desk 2');
  expect(await onServer(other)).toMatchObject({ desk: '2', department: null });
  await keepScreenshot(a1.page, 'admin-queue-transferred');
  await a1.page.context().close();
});

test('hold → requeue and no-show → recall work, and each status shows only its legal actions', async ({ browser }) => {
  const a1 = await agent(browser, 'agent1', '1111');
  const ticket = await newTicket('Omar Haddad');
  await expectSettled(a1, ticket, 'waiting');
  await a1.act(ticket, 'call');
  await expectSettled(a1, ticket, 'called');
  await a1.act(ticket, 'serve');
  await expectSettled(a1, ticket, 'serving');
  await a1.act(ticket, 'hold');
  await expectSettled(a1, ticket, 'on_hold');
  await a1.act(ticket, 'requeue');
  await expectSettled(a1, ticket, 'waiting');
  await a1.act(ticket, 'call');
  await expectSettled(a1, ticket, 'called');
  await a1.act(ticket, 'no_show');
  await expectSettled(a1, ticket, 'no_show');
  const calledBefore = (await onServer(ticket)).called_at;
  await a1.act(ticket, 'call'); // recall the guest who did not come
  await expectSettled(a1, ticket, 'called');
  expect(new Date((await onServer(ticket)).called_at!).getTime()).toBeGreaterThan(new Date(calledBefore!).getTime());
  await expect(a1.row(ticket).getByTestId('action-call')).toHaveText('Call again');
  await a1.act(ticket, 'complete');
  await expect.poll(async () => (await onServer(ticket)).status).toBe('completed');
  await expect(a1.row(ticket)).toHaveCount(0);
  await expect(a1.toasts()).toHaveCount(0);
  await a1.page.context().close();
});

test('the queue fits a phone', async ({ browser }) => {
  await newTicket('Sofia Rossi');
  const phone = await agent(browser, 'agent2', '1112', PHONE);
  await expect(phone.rows().first()).toBeVisible();
  const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
  await keepScreenshot(phone.page, 'admin-queue-phone');
  const first = await phone.rows().first().getAttribute('data-ticket');
  await phone.act(first!, 'transfer');
  await expect(phone.transferDialog()).toBeVisible();
  const box = await phone.transferDialog().boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  await keepScreenshot(phone.page, 'admin-queue-phone-transfer');
  await phone.page.context().close();
});
