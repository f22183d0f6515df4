/**
 * Accessibility of the guest kiosk: axe-core on every screen in every
 * language, the page language following the guest's choice, a keyboard-only
 * "Call staff" with a visible focus ring, and "Read aloud".
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { cardCode } from '../../shared/domain/card-token.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { tourGuestScreens, tourSetupScreen } from './kiosk-tour.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT } from './support.ts';

const require = createRequire(import.meta.url);
let server: TestServer;
let axeSource: string;

test.beforeAll(async () => {
  server = await startTestServer();
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
});
test.afterAll(async () => {
  await server?.stop(true);
});

async function memberCode(): Promise<string> {
  const m = await server.store.db.selectFrom('members').select(['card_id', 'card_version']).orderBy('name').executeTakeFirstOrThrow();
  return cardCode(m.card_id, m.card_version);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe on the page as it is. axe is evaluated through the DevTools
 * protocol (`page.evaluate`), which the page's CSP (`script-src 'self'`) does
 * not govern — unlike `addScriptTag`, whose inline <script> the CSP blocks.
 * So the audit needs no `bypassCSP` and sees the kiosk exactly as served.
 */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

const serious = (vs: AxeViolation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');
const describeViolations = (vs: AxeViolation[]) => vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`).join('\n');

for (const [orientation, viewport] of [
  ['portrait', KIOSK_PORTRAIT],
  ['landscape', KIOSK_LANDSCAPE],
] as const) {
  test(`axe finds nothing serious on any kiosk screen in any language (${orientation})`, async ({ browser }) => {
    test.setTimeout(240_000);
    // Screens slide in; axe would measure contrast mid-animation. The kiosk honours reduced motion.
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(server.url, server.demo!.kioskToken);
    const found: string[] = [];
    const audit = async (screen: string, lang: string) => {
      const bad = serious(await axeViolations(kiosk.page));
      if (bad.length) found.push(`${screen} [${lang}]:\n  ${describeViolations(bad)}`);
    };
    await tourGuestScreens(kiosk.page, await memberCode(), audit);
    await context.close();

    // The pairing screen, on a fresh kiosk without a token.
    const fresh = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const setupPage = await fresh.newPage();
    await tourSetupScreen(setupPage, server.url, async (screen, lang) => {
      const bad = serious(await axeViolations(setupPage));
      if (bad.length) found.push(`${screen} [${lang}]:\n  ${describeViolations(bad)}`);
    });
    await fresh.close();
    expect(found, found.join('\n')).toEqual([]);
  });
}

test('the page language follows the guest’s choice', async ({ browser }) => {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);
  const html = kiosk.page.locator('html');
  await expect(html).toHaveAttribute('lang', 'en');
  await kiosk.page.getByTestId('lang-zh-Hans').click();
  await expect(html).toHaveAttribute('lang', 'zh-Hans');
  await kiosk.page.getByTestId('lang-zh-Hant').click();
  await expect(html).toHaveAttribute('lang', 'zh-Hant');
  await expect(kiosk.page.getByTestId('call-staff')).toContainText('呼叫服務人員');
  await context.close();
});

test('a guest calls staff with the keyboard alone, and always sees where the focus is', async ({ browser }) => {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  const page = kiosk.page;
  await kiosk.open(server.url, server.demo!.kioskToken);

  /** Each new screen puts the focus on its heading: wait for that before tabbing on. */
  const arrived = () => expect(page.locator('#main [data-autofocus]')).toBeFocused();
  /** Tabs until `testid` has the focus (at most `max` presses) and checks the focus ring is drawn. */
  const tabTo = async (testid: string, max = 30) => {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testid)) break;
      await page.keyboard.press('Tab');
    }
    const target = page.getByTestId(testid);
    await expect(target).toBeFocused();
    const outline = await target.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style, `focus ring on ${testid}`).not.toBe('none');
    expect(outline.width, `focus ring on ${testid}`).toBeGreaterThanOrEqual(2);
  };

  await arrived();
  await tabTo('call-staff');
  await page.keyboard.press('Enter');
  await arrived();
  await tabTo('reason-question');
  await page.keyboard.press('Space');
  await arrived();
  await tabTo('guest-name');
  // At a person's pace: a burst at machine speed ending in Tab is a barcode scanner (features/scan/hid-wedge.ts).
  await page.keyboard.type('Keyboard Guest', { delay: 80 });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('guest-room')).toBeFocused();
  await page.keyboard.type('305', { delay: 80 });
  await page.keyboard.press('Enter'); // submits the details form
  await arrived();
  await expect(page.locator('.summary')).toContainText('Keyboard Guest');
  await tabTo('confirm');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z]\d{3,4}$/);
  await arrived();
  await tabTo('done');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('call-staff')).toBeVisible();
  await arrived();

  // Every button and field on home is reachable with Tab.
  const reachable = new Set<string>();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    if (id) reachable.add(id);
  }
  for (const id of ['lang-en', 'lang-zh-Hans', 'lang-zh-Hant', 'read-aloud', 'call-staff', 'tile-luggage-in', 'tile-luggage-out', 'tile-shoe-care', 'tile-feedback', 'my-balance']) {
    expect(reachable, id).toContain(id);
  }
  await context.close();
});

/** Replaces speechSynthesis with a recorder: the utterances' text and language. */
const recordSpeech = () => {
  const spoken: { text: string; lang: string }[] = [];
  (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
  const fake = {
    speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }),
    cancel: () => undefined,
    getVoices: () => [],
    speaking: false,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
};

test('"Read aloud" is off at first and reads each main screen in the guest’s language', async ({ browser }) => {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  await context.addInitScript(recordSpeech);
  const kiosk = new KioskPage(await context.newPage());
  const page = kiosk.page;
  await kiosk.open(server.url, server.demo!.kioskToken);
  const spoken = () => page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
  const toggle = page.getByTestId('read-aloud');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await spoken()).toEqual([]);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await spoken()).at(-1)).toMatchObject({ lang: 'en-US', text: expect.stringContaining('Welcome') });

  await page.getByTestId('lang-zh-Hant').click();
  await expect.poll(async () => (await spoken()).at(-1)).toMatchObject({ lang: 'zh-TW', text: expect.stringContaining('歡迎') });
  await page.getByTestId('call-staff').click();
  await expect.poll(async () => (await spoken()).at(-1)?.text).toContain('需要');
  await page.getByTestId('lang-zh-Hans').click();
  await expect.poll(async () => (await spoken()).at(-1)?.lang).toBe('zh-CN');

  // Back home, the same guest: still on. Off when pressed again (the idle reset is in kiosk-privacy.spec.ts).
  await page.getByTestId('back').click();
  await expect.poll(async () => (await spoken()).at(-1)?.text).toContain('欢迎');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await context.close();
});

test('without speechSynthesis the kiosk still works and offers no "Read aloud"', async ({ browser }) => {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  await context.addInitScript(() => Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true }));
  const kiosk = new KioskPage(await context.newPage());
  const errors: string[] = [];
  kiosk.page.on('pageerror', (e) => errors.push(e.message));
  await kiosk.open(server.url, server.demo!.kioskToken);
  await expect(kiosk.page.getByTestId('read-aloud')).toHaveCount(0);
  await kiosk.callStaff();
  expect(errors).toEqual([]);
  await context.close();
});
