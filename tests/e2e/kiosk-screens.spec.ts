/**
 * Every kiosk screen in portrait and landscape and in all three languages:
 * a screenshot of each (test-results/screenshots/kiosk-<screen>-<orientation>-<lang>.png,
 * to be looked at), every button at least 48×48 CSS px, no text running out
 * of its box, and the touchscreen guards (no zoom, selection, context menu,
 * overscroll).
 */
import { expect, test, type Page } from '@playwright/test';
import { cardCode } from '../../shared/domain/card-token.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { tourGuestScreens, tourSetupScreen } from './kiosk-tour.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, keepScreenshot } from './support.ts';

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

/** Buttons smaller than 48×48, and elements whose text is wider than their box, on the page as it is. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (el: Element) => el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
    const problems: string[] = [];
    for (const el of document.querySelectorAll('button, [role="button"], input, textarea')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown
      if (r.width < 48 || r.height < 48) problems.push(`small target ${name(el)}: ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    for (const el of document.querySelectorAll('#main *, .topbar *')) {
      if (!(el instanceof HTMLElement) || el.children.length > 0 || !el.textContent?.trim() || el.clientWidth <= 1) continue; // <= 1: visually hidden on purpose
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') problems.push(`clipped text ${name(el)}`);
    }
    // The screen itself must fit: nothing of the main area hidden below the footer.
    const main = document.getElementById('main');
    const screen = main?.firstElementChild as HTMLElement | null;
    if (main && screen && screen.scrollHeight > main.clientHeight + 2) problems.push(`screen taller than the display: ${screen.scrollHeight} > ${main.clientHeight}`);
    // The way on (submit, confirm, done) is fully on screen without scrolling.
    const primary = document.querySelector('#main .btn--primary');
    if (primary) {
      const r = primary.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) problems.push(`primary action off screen: ${name(primary)}`);
    }
    if (document.documentElement.scrollWidth > innerWidth) problems.push(`page wider than the display: ${document.documentElement.scrollWidth}`);
    return problems;
  });
}

for (const [orientation, viewport] of [
  ['portrait', KIOSK_PORTRAIT],
  ['landscape', KIOSK_LANDSCAPE],
] as const) {
  test(`every screen in ${orientation}, in each language: screenshot, 48 px targets, nothing clipped`, async ({ browser }) => {
    test.setTimeout(240_000);
    const m = await server.store.db.selectFrom('members').select(['card_id', 'card_version']).orderBy('name').executeTakeFirstOrThrow();
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(server.url, server.demo!.kioskToken);
    const problems: string[] = [];
    const visit = (page: Page) => async (screen: string, lang: string) => {
      await keepScreenshot(page, `kiosk-${screen}-${orientation}-${lang}`);
      for (const p of await layoutProblems(page)) problems.push(`${screen} [${lang}] ${p}`);
    };
    await tourGuestScreens(kiosk.page, cardCode(m.card_id, m.card_version), visit(kiosk.page));
    await context.close();

    const fresh = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const setup = await fresh.newPage();
    await tourSetupScreen(setup, server.url, visit(setup));
    await fresh.close();
    expect(problems, problems.join('\n')).toEqual([]);
  });
}

test('the kiosk cannot be zoomed, selected, context-clicked or overscrolled', async ({ browser }) => {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT, hasTouch: true });
  const kiosk = new KioskPage(await context.newPage());
  const page = kiosk.page;
  await kiosk.open(server.url, server.demo!.kioskToken);

  const viewportMeta = await page.locator('meta[name="viewport"]').getAttribute('content');
  expect(viewportMeta).toContain('user-scalable=no');
  expect(viewportMeta).toContain('maximum-scale=1');

  const guards = await page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const html = getComputedStyle(document.documentElement);
    const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.querySelector('[data-testid="call-staff"]')!.dispatchEvent(menu);
    const select = new Event('selectstart', { bubbles: true, cancelable: true });
    document.querySelector('h1')!.dispatchEvent(select);
    return {
      userSelect: body.userSelect,
      touchAction: body.touchAction,
      overscroll: [html.overscrollBehaviorY, body.overscrollBehaviorY],
      menuBlocked: menu.defaultPrevented,
      selectBlocked: select.defaultPrevented,
    };
  });
  expect(guards).toEqual({ userSelect: 'none', touchAction: 'manipulation', overscroll: ['none', 'none'], menuBlocked: true, selectBlocked: true });

  // Text fields still take a selection (a guest fixing a typo).
  await page.getByTestId('call-staff').click();
  await page.getByTestId('reason-question').click();
  const fieldSelect = await page.getByTestId('guest-name').evaluate((el) => {
    const e = new Event('selectstart', { bubbles: true, cancelable: true });
    el.dispatchEvent(e);
    return e.defaultPrevented;
  });
  expect(fieldSelect).toBe(false);
  await context.close();
});
