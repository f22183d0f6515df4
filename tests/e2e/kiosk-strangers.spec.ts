/**
 * The kiosk is shared by strangers: what belongs to one guest is never offered
 * to the next. A ticket is rated on its guest's own phone, never on the kiosk, and
 * its phone link leaves with its guest; a member's balance resets after
 * at most 30 s without a touch; a called number names its desk plainly.
 *
 * Staff work the queue through the real API (call, complete); time jumps with
 * Playwright's clock (`context.clock.install()` then `fastForward`), so the
 * idle countdowns are not waited out in real time. Guests act by touch only.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RequestAction, RequestStatus } from '../../shared/domain/request.machine.ts';
import { cardCode } from '../../shared/domain/card-token.ts';
import { StaffDriver } from '../integration/helpers.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_PORTRAIT, keepScreenshot } from './support.ts';

let server: TestServer;
let staff: StaffDriver;

test.beforeAll(async () => {
  test.setTimeout(180_000); // a server start on a busy machine
  server = await startTestServer();
  staff = await new StaffDriver(server.url).login('super1', '2222');
});
test.afterAll(async () => {
  await server?.stop(true);
});

async function openKiosk(page: Page): Promise<KioskPage> {
  await page.context().clock.install();
  const kiosk = new KioskPage(page);
  await kiosk.open(server.url, server.demo!.kioskToken);
  return kiosk;
}

/** Staff move a ticket on through the API, as the tablet does; `desk` is the desk number the tablet sends. */
async function staffDo(ticket: string, steps: [RequestAction, RequestStatus][], desk = '1'): Promise<void> {
  const row = await server.store.db.selectFrom('service_requests').select('id').where('ticket', '=', ticket).executeTakeFirstOrThrow();
  for (const [action, expected] of steps) {
    const cmd = staff.transition(row.id, action, expected);
    if (cmd.type === 'request.transition') cmd.payload.desk = desk;
    const r = await staff.push([cmd]);
    expect(r.body.outcomes[0].outcome, JSON.stringify(r.body)).toBe('applied');
  }
}

/** The kiosk's own view of a ticket, read from its IndexedDB with the raw API (no app code involved). */
function localStatus(page: Page, ticket: string): Promise<string | null> {
  return page.evaluate(
    (want) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('lobbydesk-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('tickets', 'readonly').objectStore('tickets').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { ticket: string; status: string }[]).find((r) => r.ticket === want)?.status ?? null);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    ticket,
  );
}

/** No rating of a ticket, in any form, on the screen as it is (the guest's phone asks, never the shared kiosk). */
async function expectNoRatingPrompt(page: Page, ticket: string): Promise<void> {
  await expect(page.locator('[data-testid^="rate-last"]')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(`How did we do with ${ticket}`);
}

test("a served ticket is never rated on the shared kiosk, and one guest's phone link is never shown to the next", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(KIOSK_PORTRAIT);
  const kiosk = await openKiosk(page);

  // Guest A takes a number; staff call and serve it while A is still at the kiosk: no stars here, A's own phone link.
  const first = await kiosk.callStaff('question');
  const link = page.getByTestId('follow-qr');
  await expect(link).toHaveAttribute('data-url', /\/t\/[A-Za-z0-9_-]{22}$/);
  const firstUrl = (await link.getAttribute('data-url'))!;
  await staffDo(first, [
    ['call', 'waiting'],
    ['complete', 'called'],
  ]);
  await expect.poll(() => localStatus(page, first), { timeout: 15_000 }).toBe('completed');
  await expectNoRatingPrompt(page, first);
  await keepScreenshot(page, 'kiosk-served-in-session-portrait-en');
  await page.getByTestId('done').click();

  // The idle home screen shows nothing of it.
  await expect(page.getByTestId('call-staff')).toBeVisible();
  await expectNoRatingPrompt(page, first);
  await expect(link).toHaveCount(0);
  await keepScreenshot(page, 'kiosk-home-after-served-portrait-en');

  // Guest C takes a number of their own: nothing of A's ticket on any of their screens, a link of their own.
  await page.getByTestId('call-staff').click();
  await expectNoRatingPrompt(page, first);
  await page.getByTestId('reason-question').click();
  await page.getByTestId('skip-details').click();
  await expectNoRatingPrompt(page, first);
  await page.getByTestId('confirm').click();
  await expect(link).toHaveAttribute('data-url', /\/t\/[A-Za-z0-9_-]{22}$/);
  expect(await link.getAttribute('data-url')).not.toBe(firstUrl);
  await expect(page.locator('body')).not.toContainText(first);

  // Once the countdown ends the session, C's link is gone too; the general feedback screen asks about no ticket.
  await page.clock.fastForward('00:16');
  await expect(page.getByTestId('call-staff')).toBeVisible();
  await expect(link).toHaveCount(0);
  await page.getByTestId('tile-feedback').click();
  await expectNoRatingPrompt(page, first);
  await page.getByTestId('rating-5').click();
  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('thanks')).toBeVisible();

  // No rating of a ticket came from the kiosk.
  const ratings = await server.store.db.selectFrom('feedback').select(['request_id']).where('request_id', 'is not', null).execute();
  expect(ratings).toHaveLength(0);
});

test('a member balance resets after 30 s without a touch, with a countdown; other screens keep 60 s + 20 s', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(KIOSK_PORTRAIT);
  const m = await server.store.db.selectFrom('members').select(['card_id', 'card_version']).where('name', '=', 'Hu Jun').executeTakeFirstOrThrow();
  const kiosk = await openKiosk(page);

  // The code typed on the card screen's own keypad.
  await page.getByTestId('my-balance').click();
  for (const ch of cardCode(m.card_id, m.card_version).replace(/-/g, '')) await page.locator('.card-entry__keypad .key', { hasText: new RegExp(`^${ch}$`) }).click();
  await page.getByTestId('card-submit').click();
  await expect(page.getByTestId('balance-name')).toHaveText('H***');
  const amount = (await page.getByTestId('balance-amount').textContent())!;

  // A touch restarts the clock; 20 s after the last one the countdown shows 10 s, and at 30 s the balance is gone.
  await page.clock.fastForward('00:15');
  await page.getByTestId('balance-name').click();
  await page.clock.fastForward('00:15');
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  await expect(page.getByTestId('balance-amount')).toHaveText(amount);
  await page.clock.fastForward('00:06');
  const warning = page.getByTestId('idle-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/Returning to the start in (10|9) s/);
  await keepScreenshot(page, 'kiosk-balance-idle-warning-portrait-en');
  await page.clock.fastForward('00:11');
  await expect(warning).toBeHidden();
  await expect(page.getByTestId('call-staff')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('H***');
  await expect(page.locator('body')).not.toContainText(amount);

  // "Continue" keeps the balance for another 30 s.
  await page.getByTestId('my-balance').click();
  for (const ch of cardCode(m.card_id, m.card_version).replace(/-/g, '')) await page.locator('.card-entry__keypad .key', { hasText: new RegExp(`^${ch}$`) }).click();
  await page.getByTestId('card-submit').click();
  await expect(page.getByTestId('balance-name')).toHaveText('H***');
  await page.clock.fastForward('00:21');
  await expect(warning).toBeVisible();
  // A finger on Continue: the warning goes at the touch itself (any touch means the guest is here).
  const box = (await page.getByTestId('idle-continue').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(warning).toBeHidden();
  await page.clock.fastForward('00:15');
  await expect(page.getByTestId('balance-name')).toBeVisible();
  await page.getByTestId('balance-done').click();

  // A screen without member data keeps today's timing: nothing at 30 s, the warning at 60 s, home at 80 s.
  await page.getByTestId('tile-feedback').click();
  await page.getByTestId('rating-3').click();
  await page.clock.fastForward('00:35');
  await expect(warning).toBeHidden();
  await expect(page.getByTestId('feedback-submit')).toBeVisible();
  await page.clock.fastForward('00:26');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/Returning to the start in (20|19) s/);
  await page.clock.fastForward('00:21');
  await expect(page.getByTestId('call-staff')).toBeVisible();
  await kiosk.ready();
});

test('a called number names its desk, in each language, on home and over other screens', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(KIOSK_PORTRAIT);
  const kiosk = await openKiosk(page);
  const ticket = await kiosk.callStaff('question');
  await kiosk.done();
  await staffDo(ticket, [['call', 'waiting']], '1');

  const where = page.getByTestId('now-calling').locator('.now-calling__where');
  await expect(page.getByTestId('now-calling')).toContainText(ticket);
  await expect(where).toHaveText('Please come to Desk 1');
  await page.getByTestId('lang-zh-Hans').click();
  await expect(where).toHaveText('请到 1号柜台');
  await page.getByTestId('lang-zh-Hant').click();
  await expect(where).toHaveText('請到 1號櫃檯');

  // Over another screen, the banner says it too.
  await page.getByTestId('tile-feedback').click();
  const banner = page.getByTestId('called-banner');
  await expect(banner).toHaveText(`請 ${ticket} 號到 1號櫃檯`);
  await page.getByTestId('lang-zh-Hans').click();
  await expect(banner).toHaveText(`请 ${ticket} 号到 1号柜台`);
  await page.getByTestId('lang-en').click();
  await expect(banner).toHaveText(`Your number ${ticket} is being called — please come to Desk 1`);
});
