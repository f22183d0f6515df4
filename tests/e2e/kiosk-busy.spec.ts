/**
 * Every kiosk screen in its busiest state fits its display, portrait and
 * landscape, in all three languages: several numbers called (the "Now calling"
 * card on home, the called banner over other screens), the ticket's phone QR
 * ("Scan to follow your number on your phone") on every result screen, the kiosk offline with requests waiting to be sent, and the storage
 * full; home carries twelve of the hotel's own services (the catalog a manager
 * edits), one with a 39-character name, and a service's form shows all four
 * fields. All of it is real: staff call and complete tickets through the API,
 * the network goes with `context.setOffline`, the disk fills as in
 * gauntlet-kiosk-storage.spec.ts (a device-sized quota, filled from another
 * tab until IndexedDB answers QuotaExceededError).
 *
 * A full disk issues no number, so the result screens (ticket, claim, pick-up,
 * shoe and service tickets, thanks) are visited offline before the disk fills; every
 * other screen is visited with the storage-full line as well.
 *
 * On each screen × language: every control (buttons, tiles, fields) lies fully
 * inside the display, above the status footer and not cut off by a scrolling
 * box; nothing is wider than the display; the screen needs no scrolling. A
 * screenshot of each is kept: test-results/screenshots/kiosk-busy-<screen>-<orientation>-<lang>.png.
 *
 * Text fields are not focused (the on-screen keyboard opens on focus; it is
 * checked by its own spec), codes are typed on the screens' keypads.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cardCode } from '../../shared/domain/card-token.ts';
import type { RequestAction, RequestStatus } from '../../shared/domain/request.machine.ts';
import { LOCALES } from '../../shared/i18n/locale.ts';
import type { ServiceBody } from '../../shared/domain/service.ts';
import { StaffDriver } from '../integration/helpers.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { fillStorage } from './disk-filler.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, keepScreenshot } from './support.ts';

let server: TestServer;
let staff: StaffDriver;

test.beforeAll(async () => {
  test.setTimeout(180_000); // a server start on a busy machine
  server = await startTestServer();
  staff = await new StaffDriver(server.url).login('super1', '2222');
  await fillCatalog(await new TestClient(server.url).login('manager1', '3333'));
});

/** Twelve active catalog services (the demo's and more): a busy home. The first asks for everything, the second only a count. */
async function fillCatalog(manager: TestClient): Promise<void> {
  const base = { department: 'housekeeping', callOnWall: true, retired: false } as const;
  const mine: ServiceBody[] = [
    { ...base, code: 'busy_all', icon: 'concierge', names: { en: 'Airport transfer and luggage assistance', 'zh-Hans': '机场接送及行李协助服务', 'zh-Hant': '機場接送及行李協助服務' }, fields: { room: 'required', neededAt: 'required', count: 'required', note: 'required' } },
    { ...base, code: 'busy_count', icon: 'umbrella', names: { en: 'Umbrella to borrow', 'zh-Hans': '借用雨伞', 'zh-Hant': '借用雨傘' }, fields: { room: 'off', neededAt: 'off', count: 'optional', note: 'off' } },
  ];
  const active = ((await manager.get('/api/settings/services')).body as ServiceBody[]).filter((s) => !s.retired).length;
  for (let i = 0; active + mine.length < 12; i++)
    mine.push({ ...base, code: `busy_${i}`, icon: 'question', names: { en: `Restaurant reservation ${i + 1}`, 'zh-Hans': `餐厅预订 ${i + 1}`, 'zh-Hant': `餐廳預訂 ${i + 1}` }, fields: { room: 'optional', neededAt: 'off', count: 'off', note: 'off' } });
  for (const s of mine) {
    const r = await manager.post('/api/settings/services', s);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
}
test.afterAll(async () => {
  await server?.stop(true);
});

const QUOTA = 16_000_000;

/** Staff move a ticket on through the API, as the tablet does (the desk is the number the tablet sends). */
async function staffDo(ticket: string, steps: [RequestAction, RequestStatus][], desk: string): Promise<void> {
  const row = await server.store.db.selectFrom('service_requests').select('id').where('ticket', '=', ticket).executeTakeFirstOrThrow();
  for (const [action, expected] of steps) {
    const cmd = staff.transition(row.id, action, expected);
    if (cmd.type === 'request.transition') cmd.payload.desk = desk;
    const r = await staff.push([cmd]);
    expect(r.body.outcomes[0].outcome, JSON.stringify(r.body)).toBe('applied');
  }
}

/**
 * What does not fit, on the page as it is: controls outside the display, under the footer or cut off by a
 * scrolling box; anything wider than the display; a screen taller than its room.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const W = innerWidth;
    const H = innerHeight;
    const name = (el: Element) =>
      el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
    const box = (r: DOMRect) => `[${Math.round(r.left)},${Math.round(r.top)} → ${Math.round(r.right)},${Math.round(r.bottom)}]`;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };
    const footer = document.querySelector('.footer')?.getBoundingClientRect() ?? null;
    if (footer && footer.bottom > H + 0.5) problems.push(`footer below the display: ${box(footer)}`);
    const overlay = document.querySelector('.idle');
    const roots = overlay ? [overlay] : [...document.querySelectorAll('.topbar, .called-banner, #main')];
    for (const root of roots) {
      const floor = root.closest('.idle') || root.classList.contains('topbar') || !footer ? H : footer.top;
      for (const el of root.querySelectorAll('button, input, textarea, select, [role="button"]')) {
        if (!shown(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.top < -0.5 || r.left < -0.5 || r.right > W + 0.5 || r.bottom > floor + 0.5) {
          problems.push(`off screen or under the footer: ${name(el)} ${box(r)}`);
          continue;
        }
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const cs = getComputedStyle(a);
          if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
          const ar = a.getBoundingClientRect();
          if (r.top < ar.top - 0.5 || r.bottom > ar.bottom + 0.5 || r.left < ar.left - 0.5 || r.right > ar.right + 0.5) {
            problems.push(`cut off by ${name(a)}: ${name(el)} ${box(r)} in ${box(ar)}`);
            break;
          }
        }
      }
    }
    for (const el of document.querySelectorAll('.kiosk *')) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > W + 1 || r.left < -1) problems.push(`wider than the display: ${name(el)} ${box(r)}`);
    }
    if (document.documentElement.scrollWidth > W) problems.push(`page wider than the display: ${document.documentElement.scrollWidth}`);
    const main = document.getElementById('main');
    const screen = main?.firstElementChild as HTMLElement | null;
    if (main && screen && screen.scrollHeight > screen.clientHeight + 2) problems.push(`screen needs scrolling: ${screen.scrollHeight} > ${screen.clientHeight}`);
    return problems;
  });
}

type Orientation = 'portrait' | 'landscape';

/** Looks at the screen as it is in each language: a screenshot and the layout checks. `before` / `after` run around each look. */
function visitor(page: Page, orientation: Orientation, problems: string[]) {
  return async (screen: string, around: { before?: () => Promise<void>; after?: () => Promise<void> } = {}) => {
    for (const lang of LOCALES) {
      await page.getByTestId(`lang-${lang}`).click();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await around.before?.();
      await keepScreenshot(page, `kiosk-busy-${screen}-${orientation}-${lang}`);
      for (const p of await layoutProblems(page)) problems.push(`${screen} ${orientation} [${lang}] ${p}`);
      await around.after?.();
    }
    await page.getByTestId('lang-en').click();
  };
}

async function tapCode(page: Page, keypad: string, code: string): Promise<void> {
  for (const ch of code.replace(/-/g, '')) await page.locator(`${keypad} .key`, { hasText: new RegExp(`^${ch}$`) }).click();
}

async function cancel(page: Page): Promise<void> {
  await page.locator('#main .actions .btn--ghost').first().click();
  await expect(page.getByTestId('call-staff')).toBeVisible();
}

async function busyKiosk(context: BrowserContext): Promise<{ kiosk: KioskPage; otherTab: Page }> {
  await context.clock.install(); // time runs as usual; the idle warning is reached with fastForward
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: QUOTA });
  const kiosk = new KioskPage(page);
  await kiosk.open(server.url, server.demo!.kioskToken);
  await kiosk.serviceWorkerControls(); // offline, the lazily loaded parts (claim QR) come from its cache
  const otherTab = await context.newPage(); // on the kiosk's origin: whatever fills the disk lives here
  await otherTab.goto(`${server.url}/api/health`);
  await page.bringToFront();
  return { kiosk, otherTab };
}

for (const [orientation, viewport] of [
  ['portrait', KIOSK_PORTRAIT],
  ['landscape', KIOSK_LANDSCAPE],
] as const) {
  test(`every kiosk screen fits in its busiest state, ${orientation}, in each language`, async ({ browser }) => {
    test.setTimeout(420_000);
    const m = await server.store.db.selectFrom('members').select(['card_id', 'card_version']).orderBy('name').executeTakeFirstOrThrow();
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const { kiosk, otherTab } = await busyKiosk(context);
    const page = kiosk.page;
    const problems: string[] = [];
    const at = visitor(page, orientation, problems);
    await expect(page.locator('[data-service-tile]')).toHaveCount(12);

    // Several numbers called: three guests take numbers, staff call them to desks 1–3.
    for (const [i, reason] of (['question', 'luggage_help', 'other'] as const).entries()) {
      const ticket = await kiosk.callStaff(reason);
      await kiosk.done();
      await staffDo(ticket, [['call', 'waiting']], String(i + 1));
    }
    await expect(page.locator('.now-calling__item')).toHaveCount(3);

    // A guest takes a number and staff serve it at once: their ticket screen with its phone QR (the phone rates it), then offline.
    const mine = await kiosk.callStaff('question');
    await staffDo(mine, [['call', 'waiting'], ['complete', 'called']], '4');
    await expect(page.getByTestId('follow-qr').locator('img')).toBeVisible();
    await context.setOffline(true);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
    await expect(page.getByTestId('called-banner')).toBeVisible();
    await at('ticket-served');
    await kiosk.done();

    // Offline, each flow's result screen: numbers saved on this kiosk, waiting to be sent.
    await kiosk.callStaff('luggage_help');
    await expect(kiosk.pending()).toHaveText('1');
    await at('ticket');
    await kiosk.done();

    await page.getByTestId('tile-luggage-in').click();
    await page.getByTestId('pickup-tomorrow').click();
    await page.getByTestId('pickup-hour-10').click();
    await page.getByTestId('confirm').click();
    await expect(page.getByTestId('claim-qr')).toBeVisible();
    const claimCode = (await page.getByTestId('claim-code').textContent())!.trim();
    await at('claim');
    await kiosk.done();

    await page.getByTestId('tile-luggage-out').click();
    await tapCode(page, '.pickup__keypad', claimCode);
    await page.getByTestId('claim-submit').click();
    await expect(page.getByTestId('ticket-number')).toBeVisible();
    await at('pickup-ticket');
    await kiosk.done();

    await page.getByTestId('tile-shoe-care').click();
    await page.getByTestId('collect-lobby').click();
    await page.getByTestId('confirm').click();
    await expect(page.getByTestId('shoe-status')).toBeVisible();
    await at('shoe-ticket');
    await kiosk.done();

    await page.getByTestId('tile-feedback').click();
    await page.getByTestId('rating-2').click();
    await page.getByTestId('category-service').click();
    await page.getByTestId('feedback-submit').click();
    await expect(page.getByTestId('thanks')).toBeVisible();
    await at('thanks');
    await kiosk.done();

    await page.getByTestId('tile-service-busy_count').click();
    await page.getByTestId('service-count-plus').click();
    await page.getByTestId('confirm').click();
    await expect(page.getByTestId('ticket-service')).toBeVisible();
    await at('service-ticket');
    await kiosk.done();
    await expect(kiosk.pending()).toHaveText('6');

    // The disk fills: the next guest is told no number was issued; the footer keeps saying so.
    expect(await fillStorage(otherTab)).toBe('QuotaExceededError');
    await page.bringToFront();
    await page.getByTestId('call-staff').click();
    await page.getByTestId('reason-question').click();
    await page.getByTestId('skip-details').click();
    await page.getByTestId('confirm').click();
    await expect(page.getByTestId('save-failed')).toBeVisible();
    await expect(page.getByTestId('storage-warning')).toBeVisible();
    await at('save-failed');
    await page.getByTestId('save-failed-ok').click();

    // Every other screen, with everything at once.
    await expect(page.locator('.now-calling__item')).toHaveCount(3);
    await expect(page.getByTestId('storage-warning')).toBeVisible();
    await at('home');
    await page.getByTestId('call-staff').click();
    await at('reason');
    await page.getByTestId('reason-complaint').click();
    await at('details');
    await page.getByTestId('skip-details').click();
    await at('confirm');
    await page.getByTestId('confirm').click();
    await page.getByTestId('save-failed-ok').click();

    await page.getByTestId('tile-luggage-in').click();
    await page.getByTestId('bags-plus').click();
    await page.getByTestId('pickup-tomorrow').click();
    await page.getByTestId('pickup-hour-10').click();
    await at('luggage-in');
    await cancel(page);

    await page.getByTestId('tile-luggage-out').click();
    await tapCode(page, '.pickup__keypad', claimCode);
    await at('pickup');
    await cancel(page);

    await page.getByTestId('tile-shoe-care').click();
    await page.getByTestId('pairs-plus').click();
    await page.getByTestId('collect-lobby').click();
    await page.getByTestId('needed-evening').click();
    await at('shoe-care-desk');
    await page.getByTestId('collect-room').click();
    await expect(page.getByTestId('room-input')).toBeVisible();
    await at('shoe-care-room');
    await cancel(page);

    await page.getByTestId('tile-feedback').click();
    await page.getByTestId('rating-2').click();
    await page.getByTestId('category-service').click();
    await page.getByTestId('category-room').click();
    await page.getByTestId('complaint-toggle').click();
    await at('feedback');
    await cancel(page);

    // A catalog service asking for everything: room, time (a later hour today), count, note — and what is missing.
    await page.getByTestId('tile-service-busy_all').click();
    await page.getByTestId('service-count-plus').click();
    const later = page.getByTestId('service-needed-later'); // offered while full hours remain today
    if (await later.isVisible()) await later.click();
    await expect(page.getByTestId('service-missing')).toBeVisible();
    await at('service-form');
    await cancel(page);

    // My balance: the card screen (the camera, if any, and the keypad), then the balance (looked up online).
    await page.getByTestId('my-balance').click();
    await expect(page.getByTestId('card-code')).toBeVisible();
    await at('card');
    await tapCode(page, '.card-entry__keypad', cardCode(m.card_id, m.card_version));
    await page.getByTestId('card-submit').click();
    await expect(page.getByTestId('card-error')).toBeVisible();
    await at('card-offline');
    await context.setOffline(false);
    await page.getByTestId('card-submit').click();
    await expect(page.getByTestId('balance-name')).toBeVisible();
    await context.setOffline(true);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
    await expect(page.getByTestId('storage-warning')).toBeVisible();
    await at('balance');

    // The idle warning over the balance (20 s there), in each language.
    await at('idle-warning', {
      before: async () => {
        await page.clock.fastForward('00:21');
        await expect(page.getByTestId('idle-warning')).toBeVisible();
      },
      after: async () => {
        const box = (await page.getByTestId('idle-continue').boundingBox())!;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // the warning goes at the touch
        await expect(page.getByTestId('idle-warning')).toBeHidden();
      },
    });
    await expect(page.getByTestId('balance-name')).toBeVisible(); // each language tap was a touch: still there
    await page.getByTestId('balance-done').click();
    await context.close();

    // Connecting (paired, the server not reached yet) and setup (not paired), in fresh browsers.
    const connecting = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const c = await connecting.newPage();
    await c.route('**/api/**', (r) => r.abort('internetdisconnected'));
    await c.goto(`${server.url}/kiosk/#token=${server.demo!.kioskToken}`);
    await expect(c.locator('.kiosk[data-phase="connecting"]')).toBeVisible({ timeout: 20_000 });
    await visitor(c, orientation, problems)('connecting');
    await connecting.close();

    const fresh = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const s = await fresh.newPage();
    await s.goto(`${server.url}/kiosk/`);
    await expect(s.getByTestId('pair-code')).toBeVisible({ timeout: 20_000 });
    await visitor(s, orientation, problems)('setup');
    await fresh.close();

    expect(problems, problems.join('\n')).toEqual([]);
  });
}
