/**
 * The staff tablet at a busy desk (issue #11): notices that close by
 * themselves and stay off the issue panel and off other screens; a panel
 * "Back" that cannot be mistaken for closing the complaint; Cancel with an
 * undo window; shoe care that says the day and the room; and the pairing
 * control the kiosk's setup text names, present on the tablet in both
 * languages. Tablet tests may use `fill`; the kiosk part types by touch.
 */
import { expect, test, type Browser, type Locator } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import type { ShoeStage } from '../../shared/domain/luggage.machine.ts';
import { adminCatalog } from '../../admin/src/i18n/admin.ts';
import { kioskCatalog } from '../../kiosk/src/i18n/kiosk.ts';
import type { Command, CommandOf } from '../../shared/protocol/commands.ts';
import { KioskDriver, StaffDriver } from '../integration/helpers.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { IssuesPage } from './pages/issues.page.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_PORTRAIT, TABLET, keepScreenshot } from './support.ts';
import { tapType } from './touch.ts';

let server: TestServer;
let kiosk: KioskDriver;
/** Another agent's tablet, over the API. */
let tom: StaffDriver;

test.beforeAll(async () => {
  server = await startTestServer();
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  tom = await new StaffDriver(server.url).login('agent2', '1112');
});
test.afterAll(async () => {
  await server?.stop(true);
});

async function agent(browser: Browser, viewport = TABLET): Promise<AdminPage> {
  const context = await browser.newContext({ viewport });
  const admin = new AdminPage(await context.newPage());
  await admin.login(server.url, 'agent1', '1111');
  return admin;
}

async function newTicket(guestName: string): Promise<{ id: string; ticket: string }> {
  const cmd = kiosk.create({ guestName });
  expect((await kiosk.push([cmd])).body.outcomes[0].outcome).toBe('applied');
  return { id: cmd.payload.requestId, ticket: cmd.payload.ticket };
}

const serverStatus = async (id: string) => (await server.store.db.selectFrom('service_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

/** Boxes of two elements do not overlap. */
async function apart(a: Locator, b: Locator): Promise<void> {
  const [x, y] = [(await a.boundingBox())!, (await b.boundingBox())!];
  const overlap = x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
  expect(overlap, `${JSON.stringify(x)} overlaps ${JSON.stringify(y)}`).toBe(false);
}

test('a refusal toast closes by itself, never covers the issue panel, and does not follow staff to another screen', async ({ browser }) => {
  const a1 = await agent(browser);
  // A lost race on the queue: Lin taps Call offline while Tom calls the same ticket.
  const t1 = await newTicket('Grace Okafor');
  await expect(a1.row(t1.ticket)).toHaveAttribute('data-status', 'waiting');
  await a1.page.context().setOffline(true);
  await a1.act(t1.ticket, 'call');
  expect((await tom.push([tom.transition(t1.id, 'call', 'waiting')])).body.outcomes[0].outcome).toBe('applied');
  await a1.page.context().setOffline(false);
  const toast = a1.toasts().filter({ hasText: t1.ticket });
  await expect(toast).toHaveCount(1, { timeout: 15_000 });
  await expect(toast).toHaveAttribute('data-tone', 'info');
  await expect(toast.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  const shownAt = Date.now();
  await expect(toast).toHaveCount(0, { timeout: 15_000 }); // nobody touched it
  expect(Date.now() - shownAt).toBeGreaterThan(4_000); // long enough to read

  // Another one, then staff move to the issue board: it stays behind.
  const t2 = await newTicket('Hana Kim');
  await expect(a1.row(t2.ticket)).toHaveAttribute('data-status', 'waiting');
  await a1.page.context().setOffline(true);
  await a1.act(t2.ticket, 'serve');
  expect((await tom.push([tom.transition(t2.id, 'call', 'waiting')])).body.outcomes[0].outcome).toBe('applied');
  await a1.page.context().setOffline(false);
  await expect(a1.toasts().filter({ hasText: t2.ticket })).toHaveCount(1, { timeout: 15_000 });
  const board = new IssuesPage(a1.page);
  await board.open();
  await expect(a1.toasts()).toHaveCount(0);

  // On the board, with a complaint's panel open: a refused step shows beside the list, not over the panel's actions.
  const fb = kiosk.feedback({ rating: 1, complaint: true, comment: 'Hot water stopped at 7am', categories: ['room'], guestName: 'Pablo Ruiz', room: '0412' });
  const pushed = await kiosk.push([fb]);
  const issueId = pushed.body.outcomes[0].result.issueId as string;
  await expect(board.card(issueId)).toHaveCount(1, { timeout: 15_000 });
  await board.select(issueId);
  await a1.page.context().setOffline(true);
  await board.action('acknowledge').click();
  const ack: Command = { id: uuidv7(), deviceId: tom.deviceId, seq: tom.nextSeq++, type: 'issue.transition', createdAt: new Date().toISOString(), payload: { issueId, action: 'acknowledge', expectedStatus: 'new', note: null, followUp: null } };
  expect((await tom.push([ack])).body.outcomes[0].outcome).toBe('applied');
  await a1.page.context().setOffline(false);
  const issueToast = a1.toasts().first();
  await expect(issueToast).toHaveAttribute('data-code', 'conflict', { timeout: 15_000 });
  await expect(issueToast).toHaveAttribute('data-tone', 'error');
  await apart(a1.page.getByTestId('toasts'), board.detail());
  await apart(a1.page.getByTestId('toasts'), board.detail().locator('.issue-actions'));
  await keepScreenshot(a1.page, 'admin-toast-beside-issue-panel');
  // The panel's own button leaves the panel; "Close complaint" is the issue's (not offered before the follow-up).
  await expect(board.detail().getByTestId('issue-detail-close')).toHaveText('← Back to list');
  await expect(board.detail().getByRole('button', { name: 'Close complaint' })).toHaveCount(0);
  await issueToast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(a1.toasts()).toHaveCount(0);
  await a1.page.context().close();
});

test('a "Call next" tapped before the tablet heard of a transfer is refused by the server and explained', async ({ browser }) => {
  const a1 = await agent(browser);
  const waitingNow = await server.store.db.selectFrom('service_requests').select('id').where('status', '=', 'waiting').execute();
  for (const r of waitingNow) expect((await tom.push([tom.transition(r.id, 'cancel', 'waiting')])).body.outcomes[0].outcome).toBe('applied');
  const t = await newTicket('Yusuf Demir');
  await expect(a1.page.getByTestId('call-next')).toContainText(t.ticket);
  // Tom sends it to Engineering while Lin's tablet is offline; Lin taps Call next on the old view.
  await a1.page.context().setOffline(true);
  const move = tom.transition(t.id, 'transfer', 'waiting') as CommandOf<'request.transition'>;
  expect((await tom.push([{ ...move, payload: { ...move.payload, desk: null, department: 'engineering', note: 'Lamp sparks in 0312' } }])).body.outcomes[0].outcome).toBe('applied');
  await a1.page.getByTestId('call-next').click();
  await a1.page.context().setOffline(false);
  const toast = a1.toasts().filter({ hasText: t.ticket });
  await expect(toast).toContainText(`Ticket ${t.ticket} was transferred to Engineering`, { timeout: 15_000 });
  expect(await server.store.db.selectFrom('service_requests').select(['status', 'department', 'assigned_staff_id']).where('id', '=', t.id).executeTakeFirstOrThrow()).toEqual({
    status: 'waiting',
    department: 'engineering',
    assigned_staff_id: null,
  });
  await expect(a1.row(t.ticket)).toHaveAttribute('data-queue', 'elsewhere');
  await expect(a1.row(t.ticket).getByTestId('transfer-note')).toHaveText('Note: Lamp sparks in 0312');
  await keepScreenshot(a1.page, 'admin-queue-stale-call-next');
  await a1.page.context().close();
});

test('the issue panel says "Back to list" and the issue action "Close complaint", in both languages', async ({ browser }) => {
  const a1 = await agent(browser);
  const fb = kiosk.feedback({ rating: 2, complaint: true, comment: 'Noisy corridor', guestName: 'Lea Roth', room: '0710' });
  const issueId = (await kiosk.push([fb])).body.outcomes[0].result.issueId as string;
  const board = new IssuesPage(a1.page);
  await board.open();
  await board.select(issueId);
  await board.act(issueId, 'acknowledge', 'acknowledged');
  await board.act(issueId, 'start', 'in_progress');
  await board.act(issueId, 'resolve', 'resolved');
  await board.recordFollowUp({ method: 'phone', guestView: 'Quiet now, thanks.', satisfied: true });
  await expect(board.card(issueId)).toHaveAttribute('data-status', 'followed_up');
  const close = board.action('close');
  await expect(close).toHaveText('Close complaint');
  await expect(board.detail().getByTestId('issue-detail-close')).toHaveText('← Back to list');
  await expect(board.detail().getByRole('button', { name: /^Close$/ })).toHaveCount(0);
  await board.detail().evaluate((el) => el.scrollTo(0, 0));
  await keepScreenshot(a1.page, 'admin-issue-panel-buttons');
  await a1.page.getByTestId('lang-toggle').click();
  await expect(close).toHaveText('关闭投诉');
  await expect(board.detail().getByTestId('issue-detail-close')).toHaveText('← 返回列表');
  await a1.page.getByTestId('lang-toggle').click();
  // Back leaves the panel; the complaint is untouched.
  await board.detail().getByTestId('issue-detail-close').click();
  await expect(board.detail()).toHaveCount(0);
  expect((await server.store.db.selectFrom('issues').select('status').where('id', '=', issueId).executeTakeFirstOrThrow()).status).toBe('followed_up');
  await a1.page.context().close();
});

test('Cancel waits out an undo window: Undo keeps the ticket, Call next skips it meanwhile, and it is cancelled only when the window ends', async ({ browser }) => {
  const a1 = await agent(browser);
  // Nothing else waits at the desk: tickets earlier tests left are taken first.
  const snap = await server.store.db.selectFrom('service_requests').select(['id', 'status']).where('status', '=', 'waiting').execute();
  for (const r of snap) expect((await tom.push([tom.transition(r.id, 'cancel', 'waiting')])).body.outcomes[0].outcome).toBe('applied');
  const first = await newTicket('Ada Lovelace');
  const second = await newTicket('Alan Turing');
  await expect(a1.row(second.ticket)).toHaveAttribute('data-status', 'waiting');
  await expect(a1.page.getByTestId('call-next')).toContainText(first.ticket);

  await a1.act(first.ticket, 'cancel'); // the mis-tap
  const pending = a1.row(first.ticket).getByTestId('cancel-pending');
  await expect(pending).toBeVisible();
  await expect(pending).toContainText(/Cancelling in \d s/);
  await expect(a1.row(first.ticket).locator('[data-testid^="action-"]')).toHaveCount(0);
  await expect(a1.page.getByTestId('call-next')).toContainText(second.ticket);
  await keepScreenshot(a1.page, 'admin-queue-cancel-undo');
  await a1.row(first.ticket).getByRole('button', { name: `Undo cancelling ticket ${first.ticket}` }).click();
  await expect(pending).toHaveCount(0);
  await expect(a1.page.getByTestId('call-next')).toContainText(first.ticket);
  await a1.page.waitForTimeout(7_000); // past the window: nothing was sent
  expect(await serverStatus(first.id)).toBe('waiting');
  await expect(a1.row(first.ticket)).toHaveAttribute('data-status', 'waiting');

  // Meant this time: it goes once the window ends.
  await a1.act(first.ticket, 'cancel');
  await expect(pending).toBeVisible();
  expect(await serverStatus(first.id)).toBe('waiting');
  await expect.poll(() => serverStatus(first.id), { timeout: 15_000 }).toBe('cancelled');
  await expect(a1.row(first.ticket)).toHaveCount(0);
  await expect(a1.toasts()).toHaveCount(0);
  await a1.page.context().close();
});

test('shoe care says the day it is needed by, and a room collection says the room — never "desk 1" — on the tablet and the kiosk', async ({ browser }) => {
  test.setTimeout(150_000); // a kiosk and a tablet, each loading the app
  // The guest asks at the kiosk, by touch: from their room, back tomorrow morning.
  const kctx = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kpage = new KioskPage(await kctx.newPage());
  await kpage.open(server.url, server.demo!.kioskToken);
  await kpage.page.getByTestId('tile-shoe-care').click();
  await kpage.page.getByTestId('collect-room').click();
  await tapType(kpage.page.getByTestId('room-input'), '1208');
  await kpage.page.getByTestId('needed-morning').click();
  await kpage.page.getByTestId('confirm').click();
  const ticket = (await kpage.page.getByTestId('ticket-number').textContent())!.trim();
  await expect(kpage.page.getByTestId('shoe-back-by')).toHaveText('Back by tomorrow 08:00');
  await keepScreenshot(kpage.page, 'kiosk-shoe-back-by');

  const a1 = await agent(browser);
  const row = a1.row(ticket);
  await expect(row.getByTestId('shoe-needed-by')).toHaveText('needed by tomorrow 08:00');
  await a1.page.getByTestId('nav-luggage').click();
  const job = a1.page.locator(`[data-testid="shoe-job"][data-ticket="${ticket}"]`);
  await expect(job).toContainText('needed by tomorrow 08:00');
  const stages: ShoeStage[] = ['accepted', 'collected', 'ready'];
  for (const stage of stages) {
    await job.getByTestId('shoe-advance').click();
    await expect(job).toHaveAttribute('data-stage', stage);
  }
  await expect(job.getByTestId('shoe-stage')).toHaveText('Ready · to the room');
  await keepScreenshot(a1.page, 'admin-shoe-room-ready');
  await a1.page.getByTestId('nav-queue').first().click();
  await expect(row).toHaveAttribute('data-status', 'called');
  await expect(row.getByTestId('shoe-room')).toHaveText('ready · to return to room 1208');
  await expect(row).not.toContainText(/desk 1/i);
  await row.scrollIntoViewIfNeeded();
  await keepScreenshot(a1.page, 'admin-queue-shoe-room');
  await a1.page.getByTestId('lang-toggle').click();
  await expect(row.getByTestId('shoe-room')).toHaveText('已完成 · 待送回 1208 房间');
  await expect(row.getByTestId('shoe-needed-by')).toHaveText('明天 08:00 前需要');
  await a1.page.getByTestId('lang-toggle').click();

  // The kiosk's shoe list: ready, on its way to the room.
  const status = kpage.page.locator(`.shoe-status__item[data-ticket="${ticket}"]`);
  // The ticket screen may have timed out meanwhile: then the guest opens Shoe care, whose header lists today's jobs.
  await expect(async () => {
    if (!(await status.isVisible()) && (await kpage.page.getByTestId('tile-shoe-care').isVisible())) await kpage.page.getByTestId('tile-shoe-care').click();
    await expect(status).toHaveAttribute('data-status', 'called', { timeout: 2_000 });
    await expect(status).toContainText(kioskCatalog.en['shoe.statusRoomReady'], { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(status).not.toContainText('come to the desk');
  await keepScreenshot(kpage.page, 'kiosk-shoe-status-room');
  // Home (after a restart): "Now calling" does not send this guest to a desk for shoes going back to their room.
  await kpage.page.reload();
  await kpage.ready();
  await expect(kpage.page.getByTestId('tile-shoe-care')).toBeVisible();
  await expect(kpage.page.getByTestId('now-calling').filter({ hasText: ticket })).toHaveCount(0);
  await kctx.close();
  await a1.page.context().close();
});

test('the pairing control the kiosk setup text names is on the tablet, in both tablet languages', async ({ browser }) => {
  const context = await browser.newContext({ viewport: TABLET });
  const sup = new AdminPage(await context.newPage());
  await sup.login(server.url, 'super1', '2222');
  for (const lang of ['en', 'zh'] as const) {
    const label = adminCatalog[lang]['pair.open'];
    // The kiosk's text, in every language that names this tablet language's label.
    for (const k of lang === 'en' ? (['en'] as const) : (['zh-Hans', 'zh-Hant'] as const)) expect(kioskCatalog[k]['setup.intro']).toContain(label);
    const open = sup.page.locator('.app-header').getByRole('button', { name: label, exact: true });
    await expect(open).toBeVisible();
    await open.click();
    await expect(sup.page.getByRole('dialog')).toContainText(adminCatalog[lang]['pair.kind.kiosk']);
    await keepScreenshot(sup.page, `admin-pair-named-${lang}`);
    await sup.page.getByRole('dialog').getByRole('button', { name: adminCatalog[lang]['pair.close'] }).first().click();
    if (lang === 'en') await sup.page.getByTestId('lang-toggle').click();
  }
  await context.close();
});
