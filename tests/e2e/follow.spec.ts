/**
 * The guest's own phone follows the ticket (issue #14): the kiosk's ticket screen shows a QR of
 * `/t/<token>`; the phone page (a 390×844 touch profile) shows the number, its place and wait, the call
 * within a second, the one-tap rating that reaches Reports, and for luggage the claim code and its QR,
 * which staff scan to hand the bags back. None of the guest's typed data crosses the phone's wire.
 */
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import zxing from '@zxing/library';
import { makeFollowToken } from '../../shared/domain/follow.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, TABLET, keepScreenshot } from './support.ts';
import { tapType } from './touch.ts';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 };
const LANGS = ['en', 'zh-Hans', 'zh-Hant'] as const;

const { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing; // a CommonJS package in Node
let server: TestServer;

// Three devices, typing by touch and screenshots in three languages: longer than the default minute.
test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

/** Reads a QR <img> as a scanner would: drawn on a white canvas at a few sizes, decoded with zxing (the kiosk's reader). */
async function readQr(img: Locator): Promise<string> {
  await expect(img).toBeVisible();
  const frames = await img.evaluate(async (el: HTMLImageElement) => {
    await el.decode();
    // Whole multiples of the image's own pixels first, drawn without smoothing (crisp modules), then a few other sizes.
    const whole = [2, 3, 4, 5, 6, 8, 10].map((k) => el.naturalWidth * k).filter((s) => s >= 200 && s <= 600);
    return [...whole, 280, 333, 400, 466].map((size, i) => {
      const c = document.createElement('canvas');
      c.width = c.height = size + 60;
      const g = c.getContext('2d')!;
      g.imageSmoothingEnabled = i >= whole.length;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, c.width, c.height);
      g.drawImage(el, 30, 30, size, size);
      const rgba = g.getImageData(0, 0, c.width, c.height).data;
      const luma: number[] = [];
      for (let i = 0; i < rgba.length; i += 4) luma.push(Math.round((rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000));
      return { luma, side: c.width };
    });
  });
  const hints = new Map([[DecodeHintType.TRY_HARDER, true]]);
  for (const f of frames) {
    try {
      const source = new RGBLuminanceSource(Uint8ClampedArray.from(f.luma), f.side, f.side);
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
    } catch {
      // another size
    }
  }
  throw new Error('the QR code did not decode at any size');
}

/** Everything the phone receives: each response body and each server-sent event's data. */
async function recordWire(page: Page): Promise<string[]> {
  const seen: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.eventSourceMessageReceived', (e: { eventName: string; data: string }) => seen.push(`${e.eventName} ${e.data}`));
  page.on('response', (r) => {
    if ((r.headers()['content-type'] ?? '').includes('text/event-stream')) return; // read as events above
    r.text().then(
      (t) => seen.push(t),
      () => undefined,
    );
  });
  return seen;
}

async function phoneAt(ctx: BrowserContext, url: string): Promise<{ page: Page; wire: string[] }> {
  const page = await ctx.newPage();
  const wire = await recordWire(page);
  await page.goto(url);
  return { page, wire };
}

/** The URL the ticket screen's QR holds: the data attribute, and the same read off the image. */
async function followUrlOn(kiosk: Page): Promise<string> {
  const fig = kiosk.getByTestId('follow-qr');
  await expect(fig).toHaveAttribute('data-url', /\/t\/[A-Za-z0-9_-]{22}$/);
  const url = (await fig.getAttribute('data-url'))!;
  expect(await readQr(fig.locator('img'))).toBe(url);
  return url;
}

async function shootLanguages(phone: Page, name: string): Promise<void> {
  for (const l of LANGS) {
    await phone.getByTestId(`lang-${l}`).tap();
    await expect(phone.locator('html')).toHaveAttribute('lang', l);
    await keepScreenshot(phone, `follow-${name}-${l}`);
  }
  await phone.getByTestId('lang-en').tap();
}

test('a ticket taken by touch is followed on the phone: place in line, called within a second, rated there and counted in Reports', async ({ browser }) => {
  const kioskCtx = await browser.newContext({ viewport: KIOSK_PORTRAIT, hasTouch: true });
  const kiosk = new KioskPage(await kioskCtx.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);
  // Two guests before this one.
  for (const reason of ['question', 'other'] as const) {
    await kiosk.callStaff(reason);
    await kiosk.done();
  }

  // The guest's ticket, with a name and room typed on the on-screen keyboard, in Simplified Chinese.
  const name = 'Ottoline Quarrington';
  const room = '7316';
  const page = kiosk.page;
  await page.getByTestId('lang-zh-Hans').tap();
  await page.getByTestId('call-staff').tap();
  await page.getByTestId('reason-question').tap();
  await tapType(page.getByTestId('guest-name'), name);
  await tapType(page.getByTestId('guest-room'), room);
  await kiosk.keyboardDone();
  await page.getByTestId('details-next').tap();
  await page.getByTestId('confirm').tap();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z]\d{3,4}$/);
  const ticket = (await page.getByTestId('ticket-number').textContent())!.trim();
  await expect(page.getByTestId('follow-qr')).toContainText('扫码');
  const url = await followUrlOn(page);
  expect(url.startsWith(server.url)).toBe(true); // no public URL configured: the kiosk's own origin
  await keepScreenshot(page, 'kiosk-ticket-follow-qr-portrait');
  await page.setViewportSize(KIOSK_LANDSCAPE);
  await keepScreenshot(page, 'kiosk-ticket-follow-qr-landscape');
  await page.setViewportSize(KIOSK_PORTRAIT);

  // The phone opens the QR's URL: the page starts in the kiosk guest's language.
  const phoneCtx = await browser.newContext(PHONE);
  const { page: phone, wire } = await phoneAt(phoneCtx, url);
  await expect(phone.getByTestId('follow-number')).toHaveText(ticket);
  await expect(phone.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await phone.getByTestId('lang-en').tap();
  await expect(phone.getByTestId('follow-ticket')).toHaveAttribute('data-status', 'waiting');
  await expect(phone.getByTestId('follow-ahead')).toHaveAttribute('data-ahead', '2');
  await expect(phone.getByTestId('follow-ahead')).toHaveText('2 ahead of you');
  await shootLanguages(phone, 'waiting');

  // Staff call it on the tablet: the phone shows it within a second of the call being applied.
  const tabletCtx = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await tabletCtx.newPage());
  await admin.login(server.url, 'agent1', '1111');
  await expect(admin.row(ticket)).toHaveCount(1);
  const pushed = admin.page.waitForResponse((r) => r.url().endsWith('/api/sync/push') && r.ok());
  await admin.act(ticket, 'call');
  await pushed;
  await expect(phone.getByTestId('follow-called')).toBeVisible({ timeout: 1000 });
  await expect(phone.getByTestId('follow-called')).toContainText(`Your number ${ticket} is called`);
  await expect(phone).toHaveTitle(new RegExp(`^${ticket} called`));
  await shootLanguages(phone, 'called');

  // Served: the phone offers the rating; one tap sends it; it is in the day's report.
  await admin.act(ticket, 'complete');
  await expect(admin.row(ticket)).toHaveCount(0);
  await expect(phone.getByTestId('follow-rating')).toBeVisible();
  await shootLanguages(phone, 'rating');
  await phone.getByTestId('follow-rate-4').tap();
  await expect(phone.getByTestId('follow-rated')).toHaveAttribute('data-rating', '4');
  await expect(phone.getByTestId('follow-rated')).toContainText('Thank you');
  await keepScreenshot(phone, 'follow-rated-en');
  const req = await server.store.db.selectFrom('service_requests').select(['service_day']).where('ticket', '=', ticket).executeTakeFirstOrThrow();
  const manager = await new TestClient(server.url).login('manager1', '3333');
  const csv = await (await fetch(`${server.url}/api/reports/tickets.csv?period=day&date=${req.service_day}&lang=en`, { headers: { cookie: manager.cookie, 'x-lobbydesk-protocol': '1' } })).text();
  const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
  const line = csv.split('\r\n').find((l) => l.startsWith(`${ticket},`));
  expect(line?.split(',')[header.indexOf('Rating')]).toBe('4');
  const report = await manager.get(`/api/reports?period=day&date=${req.service_day}`);
  expect(report.body.satisfaction.count).toBeGreaterThanOrEqual(1);

  // Reloaded, the phone remembers the rating instead of asking again.
  await phone.reload();
  await expect(phone.getByTestId('follow-rated')).toHaveAttribute('data-rating', '4');

  // Nothing the guest typed reached the phone.
  expect(wire.length).toBeGreaterThan(2);
  expect(wire.some((w) => w.includes(ticket))).toBe(true);
  expect(wire.some((w) => w.startsWith('view ') && w.includes('"status":"called"'))).toBe(true); // the stream was read too
  for (const w of wire) {
    expect(w).not.toContain(name);
    expect(w).not.toContain('Ottoline');
    expect(w).not.toContain(room);
  }
  await Promise.all([kioskCtx.close(), phoneCtx.close(), tabletCtx.close()]);
});

test("a luggage ticket's phone page is the claim ticket: its QR, scanned at the desk, hands the bags back", async ({ browser }) => {
  const kioskCtx = await browser.newContext({ viewport: KIOSK_PORTRAIT, hasTouch: true });
  const kiosk = new KioskPage(await kioskCtx.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);
  const room = '5521';
  const { ticket, claimCode } = await kiosk.luggageIn({ bags: 2, room, hour: 10 });
  const url = await followUrlOn(kiosk.page);
  await keepScreenshot(kiosk.page, 'kiosk-claim-follow-qr-portrait');
  await kiosk.page.setViewportSize(KIOSK_LANDSCAPE);
  await keepScreenshot(kiosk.page, 'kiosk-claim-follow-qr-landscape');
  // The printed receipt carries the same phone link.
  await kiosk.page.emulateMedia({ media: 'print' });
  await expect(kiosk.page.locator('.receipt__follow img')).toBeVisible();
  expect(await readQr(kiosk.page.locator('.receipt__follow img'))).toBe(url);
  await keepScreenshot(kiosk.page, 'kiosk-claim-receipt-print');
  await kioskCtx.close();

  const phoneCtx = await browser.newContext(PHONE);
  const { page: phone, wire } = await phoneAt(phoneCtx, url);
  await expect(phone.getByTestId('follow-number')).toHaveText(ticket);
  await expect(phone.getByTestId('follow-claim-code')).toHaveText(claimCode);
  const fromPhone = await readQr(phone.getByTestId('follow-claim-qr'));
  expect(fromPhone).toBe(claimCode);
  await shootLanguages(phone, 'luggage');

  // The desk checks the bags in against the kiosk's request, then hands them back by scanning the phone.
  const requestId = (await server.store.db.selectFrom('service_requests').select('id').where('ticket', '=', ticket).executeTakeFirstOrThrow()).id;
  const tabletCtx = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await tabletCtx.newPage());
  await admin.login(server.url, 'agent1', '1111');
  const tablet = admin.page;
  await tablet.getByTestId('nav-luggage').click();
  await tablet.getByTestId('checkin-open').click();
  await tablet.getByTestId('checkin-request').selectOption(requestId);
  await tablet.getByTestId('tag-input-1').fill('T-7701');
  await tablet.getByTestId('tag-input-2').fill('T-7702');
  await tablet.getByTestId('location-input').fill('Shelf F1');
  await tablet.getByTestId('checkin-submit').click();
  const row = tablet.locator(`[data-testid="luggage-row"][data-claim="${claimCode}"]`);
  await expect(row).toHaveAttribute('data-status', 'stored');

  await row.getByTestId('release-open').click();
  // A scanner wedge types what it read and presses Enter.
  await tablet.getByTestId('release-claim').fill('');
  await tablet.getByTestId('release-claim').pressSequentially(fromPhone);
  await tablet.getByTestId('release-claim').press('Enter');
  await tablet.getByTestId('release-bags').fill('2');
  await tablet.getByTestId('release-submit').click();
  await expect(row).toHaveAttribute('data-status', 'released');
  const item = await server.store.db.selectFrom('luggage_items').select(['status']).where('claim_code', '=', claimCode).executeTakeFirstOrThrow();
  expect(item.status).toBe('released');

  for (const w of wire) {
    expect(w).not.toContain(room);
    expect(w).not.toContain('Shelf F1');
    expect(w).not.toContain('T-7701');
  }
  await Promise.all([phoneCtx.close(), tabletCtx.close()]);
});

test('an unknown token gets a kind page in three languages; one that has not reached the desk yet says so and keeps trying', async ({ browser }) => {
  const ctx = await browser.newContext(PHONE);
  const page = await ctx.newPage();
  await page.goto(`${server.url}/t/not-a-token`);
  await expect(page.getByTestId('follow-unknown')).toBeVisible();
  await expect(page.getByTestId('follow-unknown')).toContainText('We cannot find this ticket');
  await expect(page.getByTestId('follow-unknown')).toContainText('找不到此号码');
  await expect(page.getByTestId('follow-unknown')).toContainText('找不到此號碼');
  await keepScreenshot(page, 'follow-unknown');

  const asked: string[] = [];
  page.on('request', (r) => r.url().includes('/api/follow/') && asked.push(r.url()));
  await page.clock.install();
  await page.goto(`${server.url}/t/${makeFollowToken()}`);
  await expect(page.getByTestId('follow-not-yet')).toBeVisible();
  await expect(page.getByTestId('follow-not-yet')).toContainText('Your ticket has not reached the desk yet');
  await keepScreenshot(page, 'follow-not-yet');
  const first = asked.length;
  await page.clock.runFor(15_500);
  await expect.poll(() => asked.length).toBeGreaterThan(first);
  await expect(page.getByTestId('follow-not-yet')).toBeVisible();
  await ctx.close();
});
