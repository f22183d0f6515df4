/**
 * The hotel's own services on the kiosk: a service a manager creates through the API appears on an
 * online kiosk's home within seconds, a guest asks for it by touch (only the fields its rules turn
 * on; confirm waits for the required ones), the ticket names it, and the request reaches the staff.
 * The kiosk keeps the tiles offline across a reload (Dexie), a kiosk that was offline when a
 * service was created shows it once it reconnects, and a retired service leaves home. Home is
 * looked at with 0, 3 and 12 services, portrait and landscape (screenshots kept as
 * test-results/screenshots/kiosk-services-<n>-<orientation>.png).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { ServiceBody } from '../../shared/domain/service.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, keepScreenshot } from './support.ts';
import { tap, tapDone, tapType } from './touch.ts';

let server: TestServer;
/** A manager over the API (one sign-in for the file: logins are rate limited per address). */
let manager: TestClient;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startTestServer();
  manager = await new TestClient(server.url).login('manager1', '3333');
});
test.afterAll(async () => {
  await server?.stop(true);
});

const TAXI: ServiceBody = {
  code: 'taxi',
  names: { en: 'Taxi', 'zh-Hans': '出租车', 'zh-Hant': '計程車' },
  icon: 'taxi',
  department: 'concierge',
  fields: { room: 'required', neededAt: 'required', count: 'off', note: 'optional' },
  callOnWall: true,
  retired: false,
};

async function saveService(body: ServiceBody): Promise<void> {
  const r = await manager.post('/api/settings/services', body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

async function openKiosk(browser: Browser, viewport = KIOSK_PORTRAIT) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'allow', reducedMotion: 'reduce' });
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);
  await kiosk.serviceWorkerControls(); // offline, the page and the service screens' chunk come from its cache
  return { context, kiosk, page: kiosk.page };
}

const tile = (page: Page, code: string) => page.getByTestId(`tile-service-${code}`);

/** A staff member's view of a request, read from the staff snapshot (as the tablet reads it). */
async function staffRequest(ticket: string): Promise<Record<string, unknown> | undefined> {
  const r = await manager.get('/api/sync/snapshot');
  expect(r.status).toBe(200);
  return (r.body.requests as Record<string, unknown>[]).find((q) => q.ticket === ticket);
}

test('a new service reaches an online kiosk within seconds and a guest asks for it by touch', async ({ browser }) => {
  const { context, page } = await openKiosk(browser);
  await expect(tile(page, 'taxi')).toHaveCount(0);

  await saveService(TAXI);
  await expect(tile(page, 'taxi')).toBeVisible({ timeout: 10_000 });
  await expect(tile(page, 'taxi')).toHaveText('Taxi');
  // After the built-in tiles, in the guest's language.
  const labels = await page.locator('.tiles .tile__label').allTextContents();
  expect(labels.indexOf('Taxi')).toBeGreaterThan(labels.indexOf('Feedback'));
  await tap(page.getByTestId('lang-zh-Hant'));
  await expect(tile(page, 'taxi')).toHaveText('計程車');
  await tap(page.getByTestId('lang-en'));

  await tap(tile(page, 'taxi'));
  await expect(page.getByTestId('service-name')).toHaveText('Taxi');
  await expect(page.getByTestId('service-name')).toBeFocused();
  // Only the fields its rules turn on: room, time needed, note — no count.
  await expect(page.getByTestId('service-room')).toBeVisible();
  await expect(page.getByTestId('service-needed-asap')).toBeVisible();
  await expect(page.getByTestId('service-note')).toBeVisible();
  await expect(page.getByTestId('service-count-count')).toHaveCount(0);
  // Confirm waits for the required fields, and says which.
  const confirm = page.getByTestId('confirm');
  await expect(confirm).toBeDisabled();
  await expect(page.getByTestId('service-missing')).toHaveText('Please fill in: room number, time needed');
  await tapType(page.getByTestId('service-room'), '1208');
  await tapDone(page);
  await expect(page.getByTestId('service-missing')).toHaveText('Please fill in: time needed');
  await expect(confirm).toBeDisabled();
  const later = page.getByTestId('service-needed-later'); // offered while full hours remain today
  if (await later.isVisible()) {
    await tap(later);
    await expect(confirm).toBeDisabled(); // "later today" needs its hour
  }
  await tap(page.getByTestId('service-needed-30m'));
  await expect(page.getByTestId('service-missing')).toHaveCount(0);
  await expect(confirm).toBeEnabled();
  await tapType(page.getByTestId('service-note'), 'Two suitcases');
  await tapDone(page);
  await tap(confirm);

  const number = page.getByTestId('ticket-number');
  await expect(number).toHaveText(/^[A-Z]\d{3,4}$/);
  await expect(page.getByTestId('ticket-service')).toHaveText('Taxi');
  const ticket = (await number.textContent())!.trim();
  await keepScreenshot(page, 'kiosk-service-ticket-portrait');

  // The request reaches the staff: kind service, the taxi, the room and note, in the concierge's queue.
  await expect.poll(async () => (await staffRequest(ticket))?.status, { timeout: 20_000 }).toBe('waiting');
  const req = (await staffRequest(ticket))!;
  expect(req).toMatchObject({ kind: 'service', room: '1208', note: 'Two suitcases', department: 'concierge' });
  expect(req.details).toMatchObject({ kind: 'service', service: 'taxi', count: null });
  const neededAt = Date.parse((req.details as { neededAt: string }).neededAt);
  expect(Math.abs(neededAt - Date.now() - 30 * 60_000)).toBeLessThan(5 * 60_000);

  await tap(page.getByTestId('done'));
  await expect(page.getByTestId('call-staff')).toBeVisible();

  // Offline, a reload still shows the tile (from Dexie), and the service can still be asked for.
  await context.setOffline(true);
  await page.reload();
  await new KioskPage(page).ready();
  await expect(tile(page, 'taxi')).toBeVisible();
  await tap(tile(page, 'taxi'));
  await expect(page.getByTestId('service-name')).toHaveText('Taxi');
  await tap(page.locator('#main .actions .btn--ghost'));
  await expect(page.getByTestId('call-staff')).toBeVisible();
  await context.close();
});

test('a kiosk offline when a service is created shows it after it reconnects; a retired one leaves home', async ({ browser }) => {
  const { context, page } = await openKiosk(browser);
  await context.setOffline(true);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');

  await saveService({ ...TAXI, code: 'shuttle', icon: 'car', names: { en: 'Airport shuttle', 'zh-Hans': '机场班车', 'zh-Hant': '機場接駁車' }, fields: { room: 'off', neededAt: 'off', count: 'required', note: 'off' } });
  await page.reload();
  await new KioskPage(page).ready();
  await expect(tile(page, 'shuttle')).toHaveCount(0);

  await context.setOffline(false);
  await expect(tile(page, 'shuttle')).toBeVisible({ timeout: 30_000 });

  // Only a count: the stepper, confirm at once; the guest asks for 3.
  await tap(tile(page, 'shuttle'));
  await expect(page.getByTestId('service-count-count')).toHaveText('1');
  await expect(page.getByTestId('service-room')).toHaveCount(0);
  await expect(page.getByTestId('service-note')).toHaveCount(0);
  await tap(page.getByTestId('service-count-plus'));
  await tap(page.getByTestId('service-count-plus'));
  await tap(page.getByTestId('confirm'));
  await expect(page.getByTestId('ticket-service')).toHaveText('Airport shuttle');
  const ticket = (await page.getByTestId('ticket-number').textContent())!.trim();
  await expect.poll(async () => ((await staffRequest(ticket))?.details as { count?: number } | undefined)?.count, { timeout: 20_000 }).toBe(3);
  await tap(page.getByTestId('done'));

  // Retired: gone from home at the next sync.
  await saveService({ ...TAXI, code: 'shuttle', icon: 'car', names: { en: 'Airport shuttle', 'zh-Hans': '机场班车', 'zh-Hant': '機場接駁車' }, retired: true });
  await expect(tile(page, 'shuttle')).toHaveCount(0, { timeout: 10_000 });
  await context.close();
});

/** Every tile and call to action lies inside the display and above the status footer, with room for a finger. */
async function homeFits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const footer = document.querySelector('.footer')!.getBoundingClientRect();
    for (const el of document.querySelectorAll('#main .cta, #main .tile')) {
      const r = el.getBoundingClientRect();
      const name = el.getAttribute('data-testid');
      if (r.top < 0 || r.left < 0 || r.right > innerWidth || r.bottom > footer.top) problems.push(`${name} off screen or under the footer`);
      if (r.height < 48 || r.width < 48) problems.push(`${name} smaller than 48 px`);
      const label = el.querySelector('.tile__label') as HTMLElement | null;
      if (label && (label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 2)) problems.push(`${name} label cut off`);
    }
    const screen = document.getElementById('main')?.firstElementChild as HTMLElement | null;
    if (screen && screen.scrollHeight > screen.clientHeight + 2) problems.push('home needs scrolling');
    return problems;
  });
}

const NAMES = ['Extra pillows', 'Iron and board', 'Baby cot', 'Late checkout', 'Restaurant booking', 'Printing', 'Coffee to the room', 'First aid', 'Spare key', 'City map', 'Laundry bag', 'Help'];
const ICONS = ['bed', 'iron', 'baby', 'key', 'food', 'printer', 'coffee', 'medical', 'key', 'map', 'bag', 'question'] as const;

test('home looks right with 0, 3 and 12 services, portrait and landscape', async ({ browser }) => {
  test.setTimeout(180_000);
  const catalog = async () => ((await manager.get('/api/settings/services')).body as ServiceBody[]).filter((s) => !s.retired);
  // Start from none: retire whatever is there (the demo's services, the earlier tests').
  for (const s of await catalog()) {
    const { code, names, icon, department, fields, callOnWall } = s;
    await saveService({ code, names, icon, department, fields, callOnWall, retired: true });
  }
  const problems: string[] = [];
  const look = async (n: number) => {
    for (const [orientation, viewport] of [
      ['portrait', KIOSK_PORTRAIT],
      ['landscape', KIOSK_LANDSCAPE],
    ] as const) {
      const { context, page } = await openKiosk(browser, viewport);
      await expect(page.locator('[data-service-tile]')).toHaveCount(n, { timeout: 10_000 });
      for (const lang of ['en', 'zh-Hans', 'zh-Hant'] as const) {
        await tap(page.getByTestId(`lang-${lang}`));
        await keepScreenshot(page, `kiosk-services-${n}-${orientation}-${lang}`);
        for (const p of await homeFits(page)) problems.push(`${n} services, ${orientation} [${lang}]: ${p}`);
      }
      await context.close();
    }
  };
  await look(0);
  for (let i = 0; i < 12; i++) {
    await saveService({
      code: `svc_${i}`,
      names: { en: NAMES[i]!, 'zh-Hans': `服务项目${i + 1}`, 'zh-Hant': `服務項目${i + 1}` },
      icon: ICONS[i]!,
      department: 'housekeeping',
      fields: { room: 'required', neededAt: 'off', count: 'optional', note: 'off' },
      callOnWall: false,
      retired: false,
    });
    if (i === 2) await look(3);
  }
  await look(12);
  expect(problems, problems.join('\n')).toEqual([]);
});
