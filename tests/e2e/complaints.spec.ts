/**
 * Complaints from the kiosk, by touch (issue #11): a guest's complaint with
 * their name, room and phone (with consent) gets a reference on the thank-you
 * screen; the tablet finds it by that reference, shows the details, and closes
 * it after the follow-up. A complaint with no way to reach the guest closes
 * after "guest left no contact". Text on the kiosk is entered only with tapType.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { IssuesPage } from './pages/issues.page.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, TABLET, keepScreenshot } from './support.ts';
import { tapType } from './touch.ts';

let server: TestServer;
// Typing by tapping keys is slow on a loaded machine; each test walks a kiosk and a tablet.
test.setTimeout(240_000);

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

const REF = /^C-[A-Z][2-9ACDEFGHJKMNPQRTUVWXY]{3}$/;

async function kioskAt(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, hasTouch: true });
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);
  return { context, kiosk };
}

async function tabletBoard(browser: Browser) {
  const context = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await context.newPage());
  await admin.login(server.url, 'agent1', '1111');
  const board = new IssuesPage(admin.page);
  await board.open();
  return { context, admin, board };
}

/** Each element is wholly visible: inside the viewport, not clipped by a scrolling column, not under the footer. */
async function expectOnScreen(page: Page, testids: string[]) {
  const footer = await page.locator('footer').first().boundingBox();
  for (const id of testids) {
    await expect(page.getByTestId(id), id).toBeInViewport({ ratio: 1 });
    const box = (await page.getByTestId(id).boundingBox())!;
    if (footer) expect(box.y + box.height, `${id} above the footer`).toBeLessThanOrEqual(footer.y + 1);
  }
}

test('a complaint with the guest’s details: reference on the kiosk, found on the tablet with the details, closed after the follow-up', async ({ browser }) => {
  const { context: kctx, kiosk } = await kioskAt(browser, KIOSK_PORTRAIT);
  const page = kiosk.page;
  await page.getByTestId('tile-feedback').click();
  await page.getByTestId('rating-2').click();
  await page.getByTestId('category-room').click();
  await tapType(page.getByTestId('feedback-comment'), 'The air conditioning rattles all night');
  await kiosk.keyboardDone();
  await page.getByTestId('complaint-toggle').click();
  // The details stay folded until the guest asks for them.
  await expect(page.getByTestId('feedback-name')).toHaveCount(0);
  await kiosk.guestDetails({ guestName: 'Li Wei', room: '1208', contact: '13800138000' });
  // The keyboard gave both the number pad (it keeps the field's declared inputMode in data-osk-pad).
  await expect(page.getByTestId('feedback-room')).toHaveAttribute('data-osk-pad', 'numeric');
  await expect(page.getByTestId('contact-input')).toHaveAttribute('data-osk-pad', 'numeric');
  await expectOnScreen(page, ['feedback-name', 'feedback-room', 'contact-input', 'feedback-submit']);
  await keepScreenshot(page, 'kiosk-complaint-details-en-portrait');
  await page.setViewportSize(KIOSK_LANDSCAPE);
  await expectOnScreen(page, ['feedback-name', 'feedback-room', 'contact-input', 'feedback-submit']);
  await keepScreenshot(page, 'kiosk-complaint-details-en-landscape');
  await page.setViewportSize(KIOSK_PORTRAIT);

  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('thanks-followup')).toContainText('manager');
  const reference = page.getByTestId('complaint-reference');
  await expect(reference).toHaveText(REF);
  const ref = (await reference.textContent())!.trim();
  await keepScreenshot(page, 'kiosk-complaint-thanks-en');
  await kiosk.done();

  // The tablet: staff type the reference as the guest reads it out.
  const { context: tctx, admin, board } = await tabletBoard(browser);
  await admin.page.getByTestId('issues-search').fill(ref.replace('-', ' ').toLowerCase());
  await expect(board.cards()).toHaveCount(1, { timeout: 15_000 });
  const card = board.cards().first();
  await expect(card.getByTestId('issue-reference')).toHaveText(ref);
  const id = (await card.getAttribute('data-id'))!;
  await board.select(id);
  const detail = board.detail();
  await expect(detail.getByTestId('issue-detail-reference')).toHaveText(ref);
  await expect(detail.getByTestId('issue-detail-guest')).toHaveText('Li Wei · room 1208');
  await expect(detail.getByTestId('issue-detail-contact')).toHaveText('13800138000');
  await keepScreenshot(admin.page, 'admin-complaint-with-details');

  await board.act(id, 'acknowledge', 'acknowledged');
  await board.act(id, 'resolve', 'resolved');
  // The guest can be reached: "guest left no contact" is not offered; the follow-up is a real one.
  await expect(detail.getByTestId('issue-no-contact')).toHaveCount(0);
  await board.recordFollowUp({ method: 'phone', guestView: 'Engineering fixed the unit; the guest slept well.', satisfied: true });
  await expect(board.card(id)).toHaveAttribute('data-status', 'followed_up');
  await board.action('close').click();
  await expect(detail).toHaveAttribute('data-status', 'closed');
  const row = await server.store.db.selectFrom('issues').select(['status', 'reference', 'guest_name', 'room', 'contact']).where('id', '=', id).executeTakeFirstOrThrow();
  expect(row).toEqual({ status: 'closed', reference: ref, guest_name: 'Li Wei', room: '1208', contact: '13800138000' });
  await tctx.close();
  await kctx.close();
});

test('a complaint without contact (简体中文) is closed with “guest left no contact”', async ({ browser }) => {
  const { context: kctx, kiosk } = await kioskAt(browser, KIOSK_PORTRAIT);
  const page = kiosk.page;
  await page.getByTestId('lang-zh-Hans').click();
  await page.getByTestId('tile-feedback').click();
  await page.getByTestId('rating-1').click();
  await tapType(page.getByTestId('feedback-comment'), 'The lift is broken');
  await kiosk.keyboardDone();
  await page.getByTestId('complaint-toggle').click();
  await keepScreenshot(page, 'kiosk-complaint-form-zh-Hans');
  await page.getByTestId('details-toggle').click();
  await expect(page.getByTestId('guest-details')).toContainText('房间号');
  await expectOnScreen(page, ['feedback-name', 'feedback-room', 'contact-input', 'feedback-submit']);
  await keepScreenshot(page, 'kiosk-complaint-details-zh-Hans');
  // The guest leaves the details empty.
  await page.getByTestId('feedback-submit').click();
  const reference = page.getByTestId('complaint-reference');
  await expect(reference).toHaveText(REF);
  await expect(page.getByTestId('thanks')).toHaveText('谢谢您');
  const ref = (await reference.textContent())!.trim();
  await keepScreenshot(page, 'kiosk-complaint-thanks-zh-Hans');
  await kiosk.done();

  const { context: tctx, admin, board } = await tabletBoard(browser);
  await admin.page.getByTestId('issues-search').fill(ref);
  await expect(board.cards()).toHaveCount(1, { timeout: 15_000 });
  const id = (await board.cards().first().getAttribute('data-id'))!;
  await board.select(id);
  const detail = board.detail();
  await expect(detail.getByTestId('issue-detail-contact')).toHaveText('No contact shared');
  await board.act(id, 'acknowledge', 'acknowledged');
  await board.act(id, 'resolve', 'resolved');
  await expect(board.action('close')).toHaveCount(0);
  await expect(detail.getByTestId('no-contact-panel')).toBeVisible();
  await detail.evaluate((el) => el.scrollTo(0, 0));
  await keepScreenshot(admin.page, 'admin-complaint-no-contact');
  await detail.getByTestId('issue-no-contact').click();
  await expect(board.card(id)).toHaveAttribute('data-status', 'followed_up');
  await expect(detail.getByTestId('followup-record')).toHaveAttribute('data-outcome', 'no_contact');
  await board.action('close').click();
  await expect(detail).toHaveAttribute('data-status', 'closed');
  const row = await server.store.db.selectFrom('issues').select(['status', 'reference', 'satisfied']).where('id', '=', id).executeTakeFirstOrThrow();
  expect(row).toEqual({ status: 'closed', reference: ref, satisfied: null });
  await tctx.close();
  await kctx.close();
});
