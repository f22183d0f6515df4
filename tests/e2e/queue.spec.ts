import { expect, test, type Browser, type Locator } from '@playwright/test';
import { loadCardKeys } from '../../server/src/members/cards.service.ts';
import { legalActions, type QueueJob, type RequestAction, type RequestStatus } from '../../shared/domain/request.machine.ts';
import { KioskDriver, StaffDriver } from '../integration/helpers.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { TABLET, keepScreenshot } from './support.ts';

const PHONE = { width: 390, height: 844 };
const NAMES: Record<string, string> = { agent1: 'Lin Mei', agent2: 'Tom Baker' };

let server: TestServer;
let kiosk: KioskDriver;
/** Another agent's tablet, over the API (one sign-in for the file: logins are rate limited per address). */
let tom: StaffDriver;

test.beforeAll(async () => {
  server = await startTestServer();
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  tom = await new StaffDriver(server.url).login('agent2', '1112');
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

/** The row is at `status` on the server and on screen, and offers exactly the machine's legal actions (for its kind's job, when given). */
async function expectSettled(admin: AdminPage, ticket: string, status: RequestStatus, job?: QueueJob): Promise<void> {
  await expect.poll(async () => (await onServer(ticket)).status).toBe(status);
  await expect(admin.row(ticket)).toHaveAttribute('data-status', status);
  await expect.poll(() => admin.shownActions(ticket)).toEqual([...legalActions(status, job)].sort());
}

/** A ticket moved by another agent's tablet (over the API) through `actions`, in order. */
async function ticketAt(staff: StaffDriver, guestName: string, path: [RequestAction, RequestStatus][], memberCard?: string): Promise<string> {
  const cmd = kiosk.create({ guestName });
  if (memberCard) cmd.payload.memberCard = memberCard;
  expect((await kiosk.push([cmd])).body.outcomes[0].outcome).toBe('applied');
  for (const [action, from] of path) {
    const r = await staff.push([staff.transition(cmd.payload.requestId, action, from)]);
    expect(r.body.outcomes[0].outcome, `${action} from ${from}`).toBe('applied');
  }
  return cmd.payload.ticket;
}

/** Every action button of the row sits on one line, inside the row. */
async function expectOneLineOfActions(row: Locator): Promise<void> {
  const rowBox = (await row.boundingBox())!;
  const boxes = await row.locator('[data-testid^="action-"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThan(0);
  const tops = new Set(boxes.map((b) => Math.round(b.top)));
  expect(tops.size, `buttons on ${tops.size} lines`).toBe(1);
  for (const b of boxes) expect(b.right).toBeLessThanOrEqual(rowBox.x + rowBox.width);
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

test('a transfer to a department leaves the desk\'s Call next, shows its note on the row, and is called from that department\'s queue', async ({ browser }) => {
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

  // Back in line — Housekeeping's line, listed apart at the desk with the note on the row; the desk may send it back, not take it.
  await expect.poll(async () => (await onServer(ticket)).status).toBe('waiting');
  const row = a1.row(ticket);
  await expect(row).toHaveAttribute('data-queue', 'elsewhere');
  await expect(a1.page.getByTestId('queue-elsewhere').locator(`[data-ticket="${ticket}"]`)).toHaveCount(1);
  await expect(row.getByTestId('transfer-target')).toHaveText('→ Housekeeping');
  await expect(row.getByTestId('transfer-note')).toHaveText('Note: Wants two extra pillows in 1208');
  await expect.poll(() => a1.shownActions(ticket)).toEqual(['cancel', 'transfer']);
  expect(await onServer(ticket)).toMatchObject({ department: 'housekeeping', transfer_note: 'Wants two extra pillows in 1208', assigned_staff_id: null });
  // "Call next" at the desk never picks it, though it has waited longest.
  await expect(a1.page.getByTestId('call-next')).not.toContainText(ticket);

  // To a desk: the row says which one, and desk 1's Call next skips it too.
  const other = await newTicket('Priya Nair');
  await a1.act(other, 'transfer');
  await dialog.getByTestId('transfer-mode-desk').check();
  await dialog.getByTestId('transfer-desk').fill('2');
  await dialog.getByTestId('transfer-submit').click();
  await expect.poll(async () => (await onServer(other)).desk).toBe('2');
  await expect(a1.row(other).getByTestId('transfer-target')).toHaveText('→ Desk 2');
  await expect(a1.row(other)).toHaveAttribute('data-queue', 'elsewhere');
  expect(await onServer(other)).toMatchObject({ desk: '2', department: null });
  await expect(a1.page.getByTestId('call-next')).not.toContainText(other);
  await a1.page.evaluate(() => window.scrollTo(0, 0));
  await keepScreenshot(a1.page, 'admin-queue-transferred');

  // Housekeeping's tablet works that queue: its Call next is the transferred ticket, with the note on the row.
  await a1.page.getByTestId('work-queue').selectOption('housekeeping');
  await expect(row).toHaveAttribute('data-queue', 'mine');
  await expect(row.getByTestId('transfer-note')).toContainText('extra pillows');
  await expect(a1.page.getByTestId('call-next')).toContainText(ticket);
  await keepScreenshot(a1.page, 'admin-queue-housekeeping');
  await a1.page.getByTestId('call-next').click();
  await expect.poll(async () => (await onServer(ticket)).status).toBe('called');
  expect(await onServer(ticket)).toMatchObject({ department: 'housekeeping', assigned_staff_id: 'agent1' });
  await expect(a1.toasts()).toHaveCount(0);
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

test('at 1280 × 800 every row keeps its buttons on one line — a called row’s seven too — and the member tier shows; a phone stacks them', async ({ browser }) => {
  const keys = await loadCardKeys(server.dataDir, null);
  const huJun = await server.store.db.selectFrom('members').select(['card_id', 'card_version']).where('name', '=', 'Hu Jun').executeTakeFirstOrThrow();
  const tickets = {
    waiting: await ticketAt(tom, 'Hu Jun', [], keys.issue(huJun.card_id, huJun.card_version)),
    called: await ticketAt(tom, 'Aiko Yamamoto', [['call', 'waiting']]),
    serving: await ticketAt(tom, 'Lucas Meyer', [
      ['call', 'waiting'],
      ['serve', 'called'],
    ]),
    on_hold: await ticketAt(tom, 'Fatima Zahra', [
      ['call', 'waiting'],
      ['hold', 'called'],
    ]),
    no_show: await ticketAt(tom, 'Ivan Petrov', [
      ['call', 'waiting'],
      ['no_show', 'called'],
    ]),
  } as const;

  const a1 = await agent(browser, 'agent1', '1111');
  for (const [status, ticket] of Object.entries(tickets)) {
    const row = a1.row(ticket);
    await expect(row).toHaveAttribute('data-status', status);
    await expectOneLineOfActions(row);
  }
  await expect.poll(() => a1.shownActions(tickets.called)).toEqual([...legalActions('called')].sort()); // all seven
  await expect(a1.row(tickets.waiting).getByTestId('member-tier')).toHaveText('Gold member');
  await expect(a1.row(tickets.waiting).getByTestId('member-tier')).toHaveAttribute('title', /Hu Jun/);
  await expect(a1.row(tickets.called).getByTestId('member-tier')).toHaveCount(0);
  expect(await a1.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(TABLET.width);
  await a1.page.evaluate(() => window.scrollTo(0, 0));
  await keepScreenshot(a1.page, 'admin-queue-rows-1280');
  await a1.page.getByTestId('lang-toggle').click();
  for (const ticket of Object.values(tickets)) await expectOneLineOfActions(a1.row(ticket));
  await expect(a1.row(tickets.waiting).getByTestId('member-tier')).toHaveText('金卡会员');
  await keepScreenshot(a1.page, 'admin-queue-rows-1280-zh');
  await a1.page.getByTestId('lang-toggle').click();

  const phone = a1; // the same tablet session, at a phone's width
  await phone.page.setViewportSize(PHONE);
  await expect(phone.row(tickets.called)).toHaveAttribute('data-status', 'called');
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  for (const ticket of Object.values(tickets)) {
    const rowBox = (await phone.row(ticket).boundingBox())!;
    for (const b of await phone.row(ticket).locator('[data-testid^="action-"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(b.left).toBeGreaterThanOrEqual(rowBox.x);
      expect(b.right).toBeLessThanOrEqual(rowBox.x + rowBox.width);
      expect(b.height).toBeGreaterThanOrEqual(44); // touch targets
    }
  }
  await phone.row(tickets.called).scrollIntoViewIfNeeded();
  await keepScreenshot(phone.page, 'admin-queue-rows-phone');
  await a1.page.context().close();
});

test('text a guest typed with HTML and script in it shows as text in the queue row, its tooltip and the transfer dialog; nothing runs', async ({ browser }) => {
  const a1 = await agent(browser, 'agent1', '1111');
  const dialogs: string[] = [];
  a1.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const name = '<img src=x onerror="window.__pwned=1">Mia';
  const note = '<script>window.__pwned=2</script><b>bold</b> <a href="javascript:window.__pwned=3">click</a>';
  const room = '<i>12</i>';
  const cmd = kiosk.create({ guestName: name, room, note });
  expect((await kiosk.push([cmd])).body.outcomes[0].outcome).toBe('applied');
  const row = a1.row(cmd.payload.ticket);
  await expect(row).toHaveAttribute('data-status', 'waiting'); // arrived live
  await expect(row.getByTestId('guest-name')).toHaveText(name);
  await expect(row.getByTestId('request-note')).toHaveText(note);
  await expect(row.getByTestId('request-note')).toHaveAttribute('title', note);
  await expect(row).toContainText(`room ${room}`);
  await expect(row.locator('img, script, b, i, a')).toHaveCount(0);
  await a1.act(cmd.payload.ticket, 'transfer');
  await expect(a1.transferDialog()).toBeVisible();
  await expect(a1.page.locator('.queue-screen img, .queue-screen a[href^="javascript"]')).toHaveCount(0);
  await keepScreenshot(a1.page, 'admin-queue-guest-markup');
  await a1.transferDialog().getByRole('button', { name: 'Back' }).click();
  expect(await a1.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await a1.page.context().close();
});

test('a shoe-care request offers no Complete, and no Cancel once accepted: its stages finish it', async ({ browser }) => {
  const a1 = await agent(browser, 'agent1', '1111');
  const cmd = kiosk.create({ guestName: 'Noah Williams', note: null });
  cmd.payload.kind = 'shoe_care';
  cmd.payload.reason = null;
  cmd.payload.details = { kind: 'shoe_care', pairs: 1, collectAt: 'lobby', neededBy: null };
  expect((await kiosk.push([cmd])).body.outcomes[0].outcome).toBe('applied');
  const ticket = cmd.payload.ticket;
  const fresh = { kind: 'shoe_care', started: false } as const;
  const started = { kind: 'shoe_care', started: true } as const;
  await expectSettled(a1, ticket, 'waiting', fresh);
  await expect(a1.row(ticket).getByTestId('shoe-stages')).toBeVisible();
  await a1.act(ticket, 'call');
  await expectSettled(a1, ticket, 'called', fresh);
  expect(await a1.shownActions(ticket)).not.toContain('complete');
  expect(await a1.shownActions(ticket)).toContain('cancel');

  // Accepted on the shoe jobs: now it cannot be cancelled from the queue either.
  await a1.page.getByTestId('nav-luggage').click();
  const job = a1.page.locator(`[data-testid="shoe-job"][data-ticket="${ticket}"]`);
  await job.getByTestId('shoe-advance').click();
  await expect(job).toHaveAttribute('data-stage', 'accepted');
  await a1.page.getByTestId('nav-queue').first().click();
  await expectSettled(a1, ticket, 'serving', started);
  expect(await a1.shownActions(ticket)).toEqual(['hold', 'transfer']);
  await a1.row(ticket).scrollIntoViewIfNeeded();
  await keepScreenshot(a1.page, 'admin-queue-shoe-care');
  await expect(a1.toasts()).toHaveCount(0);
  await a1.page.context().close();
});
