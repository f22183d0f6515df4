import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { loadCardKeys } from '../../server/src/members/cards.service.ts';
import { findChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { qrFrame, writeY4m } from '../support/y4m.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_PORTRAIT, keepScreenshot } from './support.ts';
import { tapClear } from './touch.ts';

let server: TestServer;
let dir: string;

/** A browser whose only camera shows `video`, with camera permission granted as a kiosk policy would. */
async function browserWithCamera(video: string): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
}

test.beforeAll(async () => {
  server = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'lobbydesk-camera-'));
});
test.afterAll(async () => {
  await server?.stop(true);
});

async function demoMember() {
  return server.store.db.selectFrom('members').select(['name', 'card_id', 'card_version', 'balance_minor']).orderBy('name').executeTakeFirstOrThrow();
}

test('a member card held up to the camera opens that member’s balance', async () => {
  const member = await demoMember();
  const keys = await loadCardKeys(server.dataDir, null);
  const video = join(dir, 'card.y4m');
  await writeY4m(video, await qrFrame(keys.issue(member.card_id, member.card_version)));
  const browser = await browserWithCamera(video);
  try {
    const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
    await context.grantPermissions(['camera'], { origin: server.url });
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(server.url, server.demo!.kioskToken);
    await kiosk.page.getByTestId('my-balance').click();
    await expect(kiosk.page.getByTestId('balance-name')).toHaveText(`${Array.from(member.name)[0]}***`, { timeout: 20_000 });
    await expect(kiosk.page.getByTestId('balance-amount')).toBeVisible();
    await keepScreenshot(kiosk.page, 'kiosk-balance-from-camera-portrait');
  } finally {
    await browser.close();
  }
});

test('a forged card and a URL QR each get their message, and the scanner keeps running', async () => {
  const member = await demoMember();
  const keys = await loadCardKeys(server.dataDir, null);
  const genuine = keys.issue(member.card_id, member.card_version);
  // Same card, one signature character changed: a forgery.
  const forged = genuine.slice(0, -5) + (genuine.at(-5) === 'A' ? 'B' : 'A') + genuine.slice(-4);
  for (const [name, text, message] of [
    ['forged', forged, /could not be read/i],
    ['url', 'HTTPS://EXAMPLE.COM/WIFI', /not a member card/i],
  ] as const) {
    const video = join(dir, `${name}.y4m`);
    await writeY4m(video, await qrFrame(text));
    const browser = await browserWithCamera(video);
    try {
      const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
      const kiosk = new KioskPage(await context.newPage());
      await kiosk.open(server.url, server.demo!.kioskToken);
      await kiosk.page.getByTestId('my-balance').click();
      await expect(kiosk.page.getByTestId('card-error')).toHaveText(message, { timeout: 20_000 });
      await expect(kiosk.page.getByTestId('card-scanner')).toHaveAttribute('data-state', 'scanning');
      await expect(kiosk.page.getByTestId('balance-name')).toHaveCount(0);
      await keepScreenshot(kiosk.page, `kiosk-card-${name}-portrait`);
    } finally {
      await browser.close();
    }
  }
});

test('a USB scanner typing a card at scanner speed opens the balance; the same text typed slowly into a comment stays a comment', async ({ browser }) => {
  const member = await demoMember();
  const keys = await loadCardKeys(server.dataDir, null);
  const token = keys.issue(member.card_id, member.card_version);
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);

  await kiosk.page.getByTestId('tile-feedback').click();
  const comment = kiosk.page.getByTestId('feedback-comment');
  await comment.click();
  await kiosk.page.keyboard.type(token.slice(0, 24), { delay: 90 }); // a person typing
  await kiosk.page.keyboard.press('Enter');
  await expect(comment).toHaveValue(new RegExp(`^${token.slice(0, 24)}`));
  await expect(kiosk.page.getByTestId('balance-name')).toHaveCount(0);

  await tapClear(kiosk.page.getByTestId('feedback-comment'));
  await kiosk.page.keyboard.type(token); // a scanner: a burst of keystrokes…
  await kiosk.page.keyboard.press('Enter'); // …ending in Enter
  await expect(kiosk.page.getByTestId('balance-name')).toHaveText(`${Array.from(member.name)[0]}***`, { timeout: 15_000 });
  await context.close();
});

test('a truncated card and random text from a scanner each get their message on the card screen; nothing crashes', async ({ browser }) => {
  const member = await demoMember();
  const keys = await loadCardKeys(server.dataDir, null);
  const token = keys.issue(member.card_id, member.card_version);
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  const errors: string[] = [];
  kiosk.page.on('pageerror', (e) => errors.push(e.message));
  await kiosk.open(server.url, server.demo!.kioskToken);
  await kiosk.page.getByTestId('my-balance').click();

  await kiosk.page.keyboard.type(token.slice(0, 60)); // a damaged read: half a card
  await kiosk.page.keyboard.press('Enter');
  await expect(kiosk.page.getByTestId('card-error')).toHaveText(/could not be read/i);

  await kiosk.page.keyboard.type('RANDOMTEXT12345');
  await kiosk.page.keyboard.press('Enter');
  await expect(kiosk.page.getByTestId('card-error')).toHaveText(/not a member card/i);
  await expect(kiosk.page.getByTestId('balance-name')).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});
