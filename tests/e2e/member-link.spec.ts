/**
 * A member card scanned on the kiosk goes with the requests that guest makes
 * next: the tablet's queue row shows the member's tier, verified by the
 * server. The card belongs to that guest's session only: once their request's
 * ticket screen closes, or the kiosk resets after they walk away (idle), the
 * next request carries nothing — the card must never reach the next guest.
 *
 * Time: Playwright's clock jumps over the 60 s idle (+ 20 s countdown), as in
 * kiosk-privacy.spec.ts. The card arrives as a USB scanner's burst of keystrokes.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loadCardKeys } from '../../server/src/members/cards.service.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { WallPage } from './pages/wall.page.ts';
import { KIOSK_PORTRAIT, TABLET, WALL, keepScreenshot } from './support.ts';

let server: TestServer;
let card: { memberId: string; name: string; token: string };

test.beforeAll(async () => {
  server = await startTestServer();
  const m = await server.store.db.selectFrom('members').select(['id', 'name', 'card_id', 'card_version']).where('name', '=', 'Hu Jun').executeTakeFirstOrThrow();
  const keys = await loadCardKeys(server.dataDir, null);
  card = { memberId: m.id, name: m.name, token: keys.issue(m.card_id, m.card_version) };
});
test.afterAll(async () => {
  await server?.stop(true);
});

async function openKiosk(browser: Browser, clock = false): Promise<KioskPage> {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  if (clock) await context.clock.install();
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);
  return kiosk;
}

/**
 * The guest holds their card to the USB scanner on the home screen: the balance opens; Done goes home.
 * The scanner's keystrokes are dispatched in one burst inside the page, as fast as a scanner types: sent one
 * by one over the DevTools protocol on a busy machine they can arrive slower than any scanner, and the kiosk
 * rightly takes them for a person (the wedge itself is tested in scan.spec.ts).
 */
async function scanCardThenDone(kiosk: KioskPage): Promise<void> {
  await kiosk.page.evaluate((token) => {
    for (const key of [...token, 'Enter']) dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }, card.token);
  await expect(kiosk.page.getByTestId('balance-name')).toHaveText('H***', { timeout: 15_000 });
  await kiosk.page.getByTestId('balance-done').click();
  await expect(kiosk.page.getByTestId('call-staff')).toBeVisible();
}

/** The request behind a ticket, once the kiosk delivered it; and whether a card came with it at all. */
async function delivered(ticket: string): Promise<{ id: string; memberId: string | null; cardRefused: boolean }> {
  let row: { id: string; member_id: string | null } | undefined;
  await expect
    .poll(async () => (row = await server.store.db.selectFrom('service_requests').select(['id', 'member_id']).where('ticket', '=', ticket).executeTakeFirst()), { timeout: 15_000 })
    .toBeTruthy();
  const refused = await server.store.db.selectFrom('audit_log').select('id').where('subject_id', '=', row!.id).execute();
  return { id: row!.id, memberId: row!.member_id, cardRefused: refused.length > 0 };
}

/** The guest walks away: 60 s without a touch, then (mid-flow) the 20 s "Continue?" countdown runs out. */
async function walkAway(page: Page, midFlow: boolean): Promise<void> {
  await page.clock.fastForward('01:01');
  if (midFlow) {
    await expect(page.getByTestId('idle-warning')).toBeVisible();
    await page.clock.fastForward('00:21');
  }
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  await expect(page.getByTestId('call-staff')).toBeVisible();
}

test('a scanned member card puts the tier on the tablet’s row; the wall and the kiosk show none of it; the next ticket carries nothing', async ({ browser }) => {
  const admin = new AdminPage(await (await browser.newContext({ viewport: TABLET })).newPage());
  await admin.login(server.url, 'agent1', '1111');
  const wall = new WallPage(await (await browser.newContext({ viewport: WALL })).newPage());
  await wall.open(server.url, server.demo!.wallToken);
  const kiosk = await openKiosk(browser);

  await scanCardThenDone(kiosk);
  const first = await kiosk.callStaff('question');
  const linked = await delivered(first);
  expect(linked.memberId).toBe(card.memberId);
  const tier = admin.row(first).getByTestId('member-tier');
  await expect(tier).toHaveText('Gold member');
  await expect(tier).toHaveAttribute('title', `Member card scanned at the kiosk: ${card.name}`);
  await expect(admin.row(first).getByTestId('guest-name')).toHaveText(card.name); // no name typed: the card's
  await keepScreenshot(admin.page, 'admin-queue-member-tier');

  // The lobby screens know the ticket, and nothing of the member.
  await expect(wall.waiting(first)).toHaveCount(1);
  for (const page of [wall.page, kiosk.page]) {
    const text = await page.evaluate(() => document.body.innerText + JSON.stringify(localStorage));
    expect(text).not.toContain(card.name);
    expect(text).not.toMatch(/gold/i);
  }

  // Done on the ticket: that request was made, the card is let go; the next ticket has no member.
  await kiosk.done();
  const second = await kiosk.callStaff('other');
  expect(await delivered(second)).toMatchObject({ memberId: null, cardRefused: false });
  await expect(admin.row(second)).toBeVisible();
  await expect(admin.row(second).getByTestId('member-tier')).toHaveCount(0);
  await kiosk.page.context().close();
  await wall.page.context().close();
  await admin.page.context().close();
});

test('the idle reset forgets the scanned card: the next guest’s request carries none, at home or mid-flow', async ({ browser }) => {
  const kiosk = await openKiosk(browser, true);
  const page = kiosk.page;

  // Guest A scans, goes back home, and walks away: the kiosk resets for idleness.
  await scanCardThenDone(kiosk);
  await walkAway(page, false);
  const next = await kiosk.callStaff('question'); // guest B
  expect(await delivered(next)).toMatchObject({ memberId: null, cardRefused: false });
  await kiosk.done();

  // Guest C scans, starts calling staff, and walks away at the details step.
  await scanCardThenDone(kiosk);
  await page.getByTestId('call-staff').click();
  await page.getByTestId('reason-question').click();
  await expect(page.getByTestId('guest-name')).toBeVisible();
  await walkAway(page, true);
  const after = await kiosk.callStaff('other'); // guest D
  expect(await delivered(after)).toMatchObject({ memberId: null, cardRefused: false });
  await kiosk.done();

  // The same kiosk, no reset in between: the card does go with the request (what the resets above prevented).
  await scanCardThenDone(kiosk);
  const own = await kiosk.callStaff('question');
  expect(await delivered(own)).toMatchObject({ memberId: card.memberId, cardRefused: false });
  await page.context().close();
});
