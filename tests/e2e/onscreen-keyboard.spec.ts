/**
 * The on-screen keyboard: every guest text field gets it, in the guest's language — QWERTY,
 * pinyin with 简体 or 繁體 candidates, a number pad for rooms — with keys of at least 48 px, never
 * covering the field or the screen's primary action (portrait and landscape), and it keeps working
 * with "Read aloud", the idle reset and a USB scanner. Text goes in only by tapping keys.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { loadCardKeys } from '../../server/src/members/cards.service.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, keepScreenshot } from './support.ts';
import { tapPinyin, tapType } from './touch.ts';

let server: TestServer;

// Every character is a tap (and a layout switch may be another): slower than `fill`, on purpose.
test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000); // a loaded machine starts the server slowly
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

async function openKiosk(browser: Browser, viewport = KIOSK_PORTRAIT, init?: () => void): Promise<KioskPage> {
  const context = await browser.newContext({ viewport });
  if (init) await context.addInitScript(init);
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);
  return kiosk;
}

const osk = (page: Page) => page.getByTestId('osk');

/** Home → Call staff → A question → the name / room screen. */
async function toDetails(page: Page): Promise<void> {
  await page.getByTestId('call-staff').click();
  await page.getByTestId('reason-question').click();
  await expect(page.getByTestId('guest-name')).toBeVisible();
}

/** The field and `action` lie wholly inside the viewport and above the keyboard; every key is at least 48 × 48 px. */
async function expectUncovered(page: Page, field: Locator, action: Locator): Promise<void> {
  const board = (await osk(page).boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(board.y + board.height).toBeLessThanOrEqual(viewport.height + 1);
  for (const el of [field, action]) {
    await expect(el).toBeVisible();
    const box = (await el.boundingBox())!;
    expect(box.y, 'below the top of the screen').toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, 'above the keyboard').toBeLessThanOrEqual(board.y + 1);
  }
  const keys = await osk(page).locator('.hg-button, li.hg-candidate-box-list-item').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]));
  expect(keys.length).toBeGreaterThan(10);
  for (const [w, h] of keys) {
    expect(w).toBeGreaterThanOrEqual(48);
    expect(h).toBeGreaterThanOrEqual(48);
  }
}

test('English: QWERTY for a name, the number pad for a room, Enter goes on; nothing covered in portrait and landscape', async ({ browser }) => {
  for (const [viewport, name] of [
    [KIOSK_PORTRAIT, 'portrait'],
    [KIOSK_LANDSCAPE, 'landscape'],
  ] as const) {
    const kiosk = await openKiosk(browser, viewport);
    const page = kiosk.page;
    await expect(osk(page)).toHaveCount(0); // loaded only when a guest first needs it
    await toDetails(page);
    const nameField = page.getByTestId('guest-name');
    await tapType(nameField, 'Ada Lovelace-King, 2nd');
    await expect(nameField).toHaveValue('Ada Lovelace-King, 2nd');
    await expect(nameField).toHaveAttribute('inputmode', 'none'); // no OS keyboard on top of ours
    await expect(osk(page)).toHaveAttribute('data-layout', /letters|symbols/);
    await expectUncovered(page, nameField, page.getByTestId('details-next'));
    await keepScreenshot(page, `osk-en-${name}`);

    const room = page.getByTestId('guest-room');
    await room.click();
    await expect(osk(page)).toHaveAttribute('data-layout', 'numeric');
    await tapType(room, '1208');
    await expect(room).toHaveValue('1208');
    await expectUncovered(page, room, page.getByTestId('details-next'));
    await keepScreenshot(page, `osk-numeric-${name}`);
    await osk(page).locator('[data-skbtn="{enter}"]').click(); // Enter submits the form, as on a keyboard
    await expect(page.getByTestId('confirm')).toBeVisible();
    await expect(osk(page)).toBeHidden();
    await page.context().close();
  }
});

test('简体中文: pinyin "shu" offers 书; the comment box and Send stay above the keyboard', async ({ browser }) => {
  for (const [viewport, name] of [
    [KIOSK_PORTRAIT, 'portrait'],
    [KIOSK_LANDSCAPE, 'landscape'],
  ] as const) {
    const kiosk = await openKiosk(browser, viewport);
    const page = kiosk.page;
    await page.getByTestId('lang-zh-Hans').click();
    await page.getByTestId('tile-feedback').click();
    await page.getByTestId('rating-4').click();
    const comment = page.getByTestId('feedback-comment');
    await tapPinyin(comment, 'shu', '书');
    await tapPinyin(comment, 'hao', '好');
    await expect(comment).toHaveValue('书好');
    await expect(osk(page).locator('[data-skbtn="{lang}"]')).toHaveText('ABC');
    await comment.click();
    for (const k of 'shu') await osk(page).locator(`[data-skbtn="${k}"]`).click();
    await expect(osk(page).locator('.hg-candidate-box')).toContainText('书');
    await expectUncovered(page, comment, page.getByTestId('feedback-submit'));
    await keepScreenshot(page, `osk-zh-Hans-${name}`);
    await page.context().close();
  }
});

test('繁體中文: pinyin offers Traditional characters (書, not 书)', async ({ browser }) => {
  for (const [viewport, name] of [
    [KIOSK_PORTRAIT, 'portrait'],
    [KIOSK_LANDSCAPE, 'landscape'],
  ] as const) {
    const kiosk = await openKiosk(browser, viewport);
    const page = kiosk.page;
    await page.getByTestId('lang-zh-Hant').click();
    await toDetails(page);
    const nameField = page.getByTestId('guest-name');
    await nameField.click();
    await expect(osk(page)).toHaveAttribute('data-candidates', 'zh-Hant');
    for (const k of 'shu') await osk(page).locator(`[data-skbtn="${k}"]`).click();
    const box = osk(page).locator('.hg-candidate-box');
    await expect(box).toContainText('書');
    await expect(box).not.toContainText('书');
    await expectUncovered(page, nameField, page.getByTestId('details-next'));
    await keepScreenshot(page, `osk-zh-Hant-${name}`);
    await box.locator('li', { hasText: /^書$/ }).click();
    await expect(nameField).toHaveValue('書');
    await tapPinyin(nameField, 'li', '李');
    await expect(nameField).toHaveValue('書李');
    await page.context().close();
  }
});

/** Replaces speechSynthesis with a recorder. */
const recordSpeech = () => {
  const spoken: string[] = [];
  (window as unknown as { __spoken: string[] }).__spoken = spoken;
  const fake = { speak: (u: SpeechSynthesisUtterance) => spoken.push(u.text), cancel: () => undefined, getVoices: () => [], speaking: false, addEventListener: () => undefined, removeEventListener: () => undefined };
  Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
};

test('with the keyboard open, Read aloud still reads, key taps keep the guest’s session, and the idle reset closes it and forgets what was typed', async ({ browser }) => {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  await context.addInitScript(recordSpeech);
  await context.clock.install();
  const kiosk = new KioskPage(await context.newPage());
  const page = kiosk.page;
  await kiosk.open(server.url, server.demo!.kioskToken);
  await toDetails(page);
  const nameField = page.getByTestId('guest-name');
  await tapType(nameField, 'Walks Away');

  await page.getByTestId('read-aloud').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.length)).toBeGreaterThan(0);
  await expect(osk(page)).toBeVisible(); // the top bar does not close it
  await tapType(nameField, 'r');
  await expect(nameField).toHaveValue('Walks Awayr');

  // Taps on keys are activity: 50 s, a tap, 50 s more — no warning yet.
  await context.clock.fastForward(50_000);
  await osk(page).locator('[data-skbtn="{bksp}"]').click();
  await context.clock.fastForward(50_000);
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  await expect(nameField).toHaveValue('Walks Away');

  // Then the guest walks away: warning, reset, the keyboard closes.
  await context.clock.fastForward(61_000);
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  await context.clock.fastForward(21_000);
  await expect(page.getByTestId('call-staff')).toBeVisible();
  await expect(osk(page)).toBeHidden();

  // The next guest starts with an empty field and an empty keyboard.
  await toDetails(page);
  await expect(nameField).toHaveValue('');
  await tapType(nameField, 'x');
  await expect(nameField).toHaveValue('x');
  await context.close();
});

test('a USB scanner still works with the keyboard open: a member card opens the balance and the keyboard closes', async ({ browser }) => {
  const member = await server.store.db.selectFrom('members').select(['name', 'card_id', 'card_version']).orderBy('name').executeTakeFirstOrThrow();
  const keys = await loadCardKeys(server.dataDir, null);
  const token = keys.issue(member.card_id, member.card_version);
  const kiosk = await openKiosk(browser);
  const page = kiosk.page;
  await page.getByTestId('tile-feedback').click();
  const comment = page.getByTestId('feedback-comment');
  await tapType(comment, 'Lovely stay');
  await expect(osk(page)).toBeVisible();
  await page.keyboard.type(token); // the scanner: a burst of keystrokes…
  await page.keyboard.press('Enter'); // …ending in Enter
  await expect(page.getByTestId('balance-name')).toHaveText(`${Array.from(member.name)[0]}***`, { timeout: 15_000 });
  await expect(osk(page)).toBeHidden();
  await page.context().close();
});
