/**
 * Nothing of a guest outlives their session: after the idle reset (or a
 * finished flow's countdown) no name, room, member or card code is left in
 * the page, the language is the house language, "Read aloud" is off, the
 * camera is off, and Back does not bring any of it back.
 *
 * Time: Playwright's clock (`context.clock.install()` then `fastForward`)
 * jumps over the 60 s idle + 20 s countdown (20 s + 10 s on a balance). The kiosk has no test hook for
 * its timeouts at all, so there is nothing a guest could switch on.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { cardCode } from '../../shared/domain/card-token.ts';
import { findChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_PORTRAIT } from './support.ts';
import { tapType } from './touch.ts';

let server: TestServer;

// Guest text goes in by tapping keys (tests/e2e/touch.ts): slower than `fill`.
test.describe.configure({ timeout: 120_000 });
let browser: Browser;

test.beforeAll(async () => {
  test.setTimeout(180_000); // a loaded machine starts the server slowly
  server = await startTestServer();
  // A fake camera, so the card screen really opens a stream that must be stopped.
  browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.stop(true);
});

/** Keeps every camera stream the page opens, to check later that each was stopped. */
const recordStreams = () => {
  const streams: MediaStream[] = [];
  (window as unknown as { __streams: MediaStream[] }).__streams = streams;
  const md = navigator.mediaDevices;
  if (!md?.getUserMedia) return;
  const original = md.getUserMedia.bind(md);
  md.getUserMedia = async (c?: MediaStreamConstraints) => {
    const s = await original(c);
    streams.push(s);
    return s;
  };
};

async function openKiosk(): Promise<KioskPage> {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  await context.addInitScript(recordStreams);
  await context.clock.install();
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);
  return kiosk;
}

/** Everything the page shows or holds in a field. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value)].join('\n'));
}

async function expectNothingOf(page: Page, traces: string[]): Promise<void> {
  await expect(page.getByTestId('call-staff')).toBeVisible();
  const text = await pageText(page);
  for (const s of traces) expect(text, `"${s}" still on the kiosk`).not.toContain(s);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const readAloud = page.getByTestId('read-aloud');
  if (await readAloud.count()) await expect(readAloud).toHaveAttribute('aria-pressed', 'false');
}

/**
 * The guest walks away: 60 s without a touch, then the 20 s "Continue?" countdown runs out
 * (on a member's balance: 20 s, then 10 s).
 */
async function walkAway(page: Page, { idle, warn }: { idle: string; warn: string } = { idle: '01:01', warn: '00:21' }): Promise<void> {
  await page.clock.fastForward(idle);
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  await page.clock.fastForward(warn);
  await expect(page.getByTestId('idle-warning')).toBeHidden();
}

test('a guest who walks away from call staff and from their balance leaves nothing behind', async () => {
  const m = await server.store.db.selectFrom('members').select(['card_id', 'card_version']).where('name', '=', 'Hu Jun').executeTakeFirstOrThrow();
  const code = cardCode(m.card_id, m.card_version);
  const kiosk = await openKiosk();
  const page = kiosk.page;
  const name = 'Quintessa Marlowe-Dubois';
  const room = '8842';

  // Call staff: a name and a room typed, on the confirm screen, in Traditional Chinese, read aloud.
  await page.getByTestId('lang-zh-Hant').click();
  const readAloud = page.getByTestId('read-aloud');
  if (await readAloud.count()) await readAloud.click();
  await page.getByTestId('call-staff').click();
  await page.getByTestId('reason-complaint').click();
  await tapType(page.getByTestId('guest-name'), name);
  await tapType(page.getByTestId('guest-room'), room);
  await page.getByTestId('details-next').click();
  await expect(page.locator('.summary')).toContainText(name);
  await walkAway(page);
  await expectNothingOf(page, [name, room]);

  // My balance: the card code typed, the camera on, the balance shown.
  await page.getByTestId('lang-zh-Hans').click();
  await page.getByTestId('my-balance').click();
  await expect(page.getByTestId('card-scanner')).toHaveAttribute('data-state', 'scanning');
  await tapType(page.getByTestId('card-code'), code);
  await page.getByTestId('card-submit').click();
  await expect(page.getByTestId('balance-name')).toHaveText('H***');
  const amount = (await page.getByTestId('balance-amount').textContent())!;
  await walkAway(page, { idle: '00:21', warn: '00:11' });
  await expectNothingOf(page, [name, room, 'H***', amount, code, code.replace(/-/g, '')]);

  const camera = await page.evaluate(() => {
    const streams = (window as unknown as { __streams: MediaStream[] }).__streams;
    return { opened: streams.length, live: streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState !== 'ended').length };
  });
  expect(camera.opened).toBeGreaterThan(0);
  expect(camera.live).toBe(0);

  // Back (and forward again) shows nothing of it either, from history or the back-forward cache.
  await page.goBack();
  const back = await page.evaluate(() => document.body?.innerText ?? '');
  for (const s of [name, room, 'H***', amount]) expect(back).not.toContain(s);
  await page.goForward();
  await kiosk.ready();
  await expectNothingOf(page, [name, room, 'H***', amount, code]);
  await page.context().close();
});

test('a few seconds after a flow finishes the kiosk is back home, in English, with nothing of the guest', async () => {
  const kiosk = await openKiosk();
  const page = kiosk.page;
  const name = 'Bartholomew Okonkwo-Lindqvist';
  await page.getByTestId('lang-zh-Hant').click();
  await page.getByTestId('call-staff').click();
  await page.getByTestId('reason-question').click();
  await tapType(page.getByTestId('guest-name'), name);
  await tapType(page.getByTestId('guest-room'), '5150');
  await page.getByTestId('details-next').click();
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  await page.clock.fastForward('00:16'); // the ticket screen stays 15 s
  await expectNothingOf(page, [name, '5150']);
  await page.context().close();
});
