/**
 * Issue #12, "services as data", done when: a manager creates "Taxi" on the tablet (three
 * names, an icon, the concierge department, room + time needed required, called on the wall);
 * an online kiosk shows its tile within seconds and an offline one after it reconnects; a
 * guest asks for a taxi by touch and gets a number; the concierge queue calls it (the wall
 * shows the number called, under the service's names), completes it, and the day's report
 * counts Taxi once. No code change between creating the service and using it.
 */
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import type { Service } from '../../shared/domain/service.ts';
import { serviceDayOf } from '../../shared/domain/ticket.ts';
import { pairDevice } from '../integration/helpers.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { WallPage } from './pages/wall.page.ts';
import { KIOSK_PORTRAIT, TABLET, WALL, keepScreenshot } from './support.ts';
import { tap, tapDone, tapType } from './touch.ts';

// Five screens, a reconnect and a report: generous on a loaded machine.
test.describe.configure({ timeout: 180_000 });

let server: TestServer;
/** The second kiosk's token: paired through the real flow, like a second lobby screen. */
let secondKioskToken = '';

const TAXI = { code: 'taxi', names: { en: 'Taxi', 'zh-Hans': '出租车', 'zh-Hant': '計程車' } } as const;

test.beforeAll(async () => {
  server = await startTestServer();
  const supervisor = await new TestClient(server.url).login('super1', '2222');
  secondKioskToken = (await pairDevice(server.url, supervisor, 'kiosk', 'Lobby kiosk B')).token;
});
test.afterAll(async () => {
  await server?.stop(true);
});

async function open<T>(browser: Browser, viewport: { width: number; height: number }, make: (ctx: BrowserContext) => Promise<T>): Promise<[BrowserContext, T]> {
  const ctx = await browser.newContext({ viewport });
  return [ctx, await make(ctx)];
}

test('a manager creates "Taxi" on the tablet; kiosks show it (online at once, offline after reconnecting); a guest asks for one by touch; the concierge calls it on the wall, completes it, and the report counts it', async ({
  browser,
}) => {
  const [kioskCtx, kiosk] = await open(browser, KIOSK_PORTRAIT, async (c) => new KioskPage(await c.newPage()));
  const [offlineCtx, offlineKiosk] = await open(browser, KIOSK_PORTRAIT, async (c) => new KioskPage(await c.newPage()));
  const [managerCtx, manager] = await open(browser, TABLET, async (c) => new AdminPage(await c.newPage()));
  const [wallCtx, wall] = await open(browser, WALL, async (c) => new WallPage(await c.newPage()));

  await kiosk.open(server.url, server.demo!.kioskToken);
  await offlineKiosk.open(server.url, secondKioskToken);
  await wall.open(server.url, server.demo!.wallToken);
  await expect(wall.page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
  const taxiTile = (k: KioskPage) => k.page.getByTestId(`tile-service-${TAXI.code}`);
  // No taxi anywhere yet: it is data a manager is about to add.
  await expect(taxiTile(kiosk)).toHaveCount(0);
  await expect(taxiTile(offlineKiosk)).toHaveCount(0);
  await expect(wall.page.locator(`[data-testid="waiting-kind"][data-service="${TAXI.code}"]`)).toHaveCount(0);

  // The second kiosk loses its network before the service exists (and says so in its footer).
  await expect(offlineKiosk.page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
  await offlineCtx.setOffline(true);
  await expect(offlineKiosk.page.getByTestId('connection')).not.toHaveAttribute('data-state', 'live', { timeout: 15_000 });

  // ── The manager creates Taxi in the tablet's service editor.
  await manager.login(server.url, 'manager1', '3333');
  await manager.page.getByTestId('nav-kiosks').click();
  const editor = manager.page.getByTestId('services-editor');
  await expect(editor).toBeVisible();
  await editor.getByTestId('service-add').click();
  const dialog = manager.page.getByTestId('service-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('service-name-en').fill(TAXI.names.en);
  await dialog.getByTestId('service-name-zh-Hans').fill(TAXI.names['zh-Hans']);
  await dialog.getByTestId('service-name-zh-Hant').fill(TAXI.names['zh-Hant']);
  await dialog.getByTestId('service-code').fill(TAXI.code);
  await dialog.getByTestId('service-icon-taxi').click();
  await expect(dialog.getByTestId('service-icon-taxi')).toHaveAttribute('aria-checked', 'true');
  await dialog.getByTestId('service-department-select').selectOption('concierge');
  const rules = { room: 'required', neededAt: 'required', count: 'off', note: 'off' } as const;
  for (const [field, rule] of Object.entries(rules)) {
    const row = dialog.getByTestId(`service-rule-${field}`);
    await row.locator(`[data-rule="${rule}"]`).click();
    await expect(row.locator(`[data-rule="${rule}"]`)).toHaveAttribute('aria-checked', 'true');
  }
  const callOnWall = dialog.getByTestId('service-call-on-wall');
  if (!(await callOnWall.isChecked())) await callOnWall.check();
  await expect(callOnWall).toBeChecked();
  await keepScreenshot(manager.page, 'services-taxi-dialog-tablet');
  await dialog.getByTestId('service-save').click();
  await expect(dialog).toBeHidden();
  const taxiRow = editor.locator(`[data-testid="service-row"][data-code="${TAXI.code}"]`);
  await expect(taxiRow).toBeVisible();
  await expect(taxiRow.getByTestId('service-name')).toHaveText(TAXI.names.en);
  await expect(taxiRow).toHaveAttribute('data-retired', 'false');
  const createdAt = Date.now();
  await keepScreenshot(manager.page, 'services-editor-taxi-tablet');

  // What the server keeps is exactly what the manager chose.
  const staffApi = await new TestClient(server.url).login('agent1', '1111');
  const listed = await staffApi.get('/api/settings/services');
  expect(listed.status).toBe(200);
  const taxi = (listed.body as Service[]).find((s) => s.code === TAXI.code);
  expect(taxi).toMatchObject({ names: TAXI.names, icon: 'taxi', department: 'concierge', fields: rules, callOnWall: true, retired: false });

  // ── The online kiosk shows the tile within seconds, named in each of its languages.
  await expect(taxiTile(kiosk)).toBeVisible({ timeout: 10_000 });
  expect(Date.now() - createdAt).toBeLessThan(10_000);
  for (const l of ['zh-Hans', 'zh-Hant', 'en'] as const) {
    await tap(kiosk.page.getByTestId(`lang-${l}`));
    await expect(taxiTile(kiosk)).toContainText(TAXI.names[l]);
  }
  await keepScreenshot(kiosk.page, 'services-kiosk-home-taxi-portrait');
  // The wall lists the new service at once, nobody waiting yet.
  const wallTaxi = wall.page.locator(`[data-testid="waiting-kind"][data-service="${TAXI.code}"]`);
  await expect(wallTaxi).toBeVisible();
  await expect(wallTaxi.getByTestId('waiting-count')).toHaveText('0');
  await expect(wallTaxi.locator('.kind-head')).toContainText(TAXI.names['zh-Hans']);
  await expect(wallTaxi.locator('.kind-head')).toContainText(TAXI.names.en);

  // ── The offline kiosk cannot know yet; back online, it shows the tile at its next sync.
  await offlineKiosk.page.waitForTimeout(2_000);
  await expect(taxiTile(offlineKiosk)).toHaveCount(0);
  await expect(offlineKiosk.page.getByTestId('connection')).not.toHaveAttribute('data-state', 'live');
  await offlineCtx.setOffline(false);
  await expect(taxiTile(offlineKiosk)).toBeVisible({ timeout: 30_000 });
  await expect(taxiTile(offlineKiosk)).toContainText(TAXI.names.en);
  await keepScreenshot(offlineKiosk.page, 'services-kiosk-reconnected-taxi-portrait');

  // ── A guest asks for a taxi by touch only: the room, and when it is needed.
  await tap(taxiTile(kiosk));
  await expect(kiosk.page.getByTestId('service-name')).toHaveText(TAXI.names.en);
  await expect(kiosk.page.getByTestId('confirm')).toBeDisabled(); // both fields are required
  await tapType(kiosk.page.getByTestId('service-room'), '1208');
  await tapDone(kiosk.page);
  await expect(kiosk.page.getByTestId('service-room')).toHaveValue('1208');
  await tap(kiosk.page.getByTestId('service-needed-30m'));
  await expect(kiosk.page.getByTestId('service-missing')).toHaveCount(0);
  await keepScreenshot(kiosk.page, 'services-kiosk-taxi-form-portrait');
  const confirmedAt = Date.now();
  await tap(kiosk.page.getByTestId('confirm'));
  const ticketEl = kiosk.page.getByTestId('ticket-number');
  await expect(ticketEl).toHaveText(/^[A-Z]\d{3,4}$/);
  const ticket = (await ticketEl.textContent())!.trim();
  await expect(kiosk.page.getByTestId('ticket-service')).toContainText(TAXI.names.en);
  await keepScreenshot(kiosk.page, 'services-kiosk-taxi-ticket-portrait');

  // The request on the server: the taxi, the guest's room and time, in the concierge's queue.
  const row = await server.store.db.selectFrom('service_requests').selectAll().where('ticket', '=', ticket).executeTakeFirstOrThrow();
  expect(row.kind).toBe('service');
  expect(row.room).toBe('1208');
  expect(row.department).toBe('concierge');
  const details = row.details as { kind: string; service: string; neededAt: string | null };
  expect(details).toMatchObject({ kind: 'service', service: TAXI.code });
  // "In 30 minutes", from the moment the guest confirmed (the kiosk's clock is this machine's).
  const neededIn = Date.parse(details.neededAt!) - confirmedAt;
  expect(neededIn).toBeGreaterThan(29 * 60_000);
  expect(neededIn).toBeLessThan(31 * 60_000);

  // The wall lists the ticket as waiting, under Taxi.
  await expect(wallTaxi.getByTestId('waiting-count')).toHaveText('1');
  await expect(wall.waiting(ticket)).toHaveCount(1);

  // ── The concierge's tablet: the taxi is in its queue; staff call it, the wall calls it.
  const [conciergeCtx, concierge] = await open(browser, TABLET, async (c) => new AdminPage(await c.newPage()));
  await concierge.login(server.url, 'agent2', '1112');
  await concierge.page.getByTestId('work-queue').selectOption('concierge');
  await expect(concierge.row(ticket)).toBeVisible({ timeout: 10_000 });
  await expect(concierge.row(ticket)).toContainText(TAXI.names.en);
  await keepScreenshot(concierge.page, 'services-concierge-queue-tablet');
  await concierge.act(ticket, 'call');
  await expect(concierge.row(ticket)).toHaveAttribute('data-status', 'called');
  await expect(wall.nowCalling()).toHaveText(ticket);
  // Called under the service's own names, in the wall's languages.
  await expect(wall.page.locator('.now-meta')).toContainText(TAXI.names['zh-Hans']);
  await expect(wall.page.locator('.now-meta')).toContainText(TAXI.names.en);
  await expect(wall.waiting(ticket)).toHaveCount(0);
  await keepScreenshot(wall.page, 'services-wall-taxi-called');

  // ── Staff complete it.
  await concierge.act(ticket, 'complete');
  await expect(concierge.row(ticket)).toHaveCount(0);
  await expect.poll(async () => (await server.store.db.selectFrom('service_requests').select('status').where('ticket', '=', ticket).executeTakeFirstOrThrow()).status).toBe('completed');
  await expect(wall.nowCalling()).toHaveCount(0);
  await expect(wall.page.getByTestId('recent-ticket').filter({ hasText: ticket })).toHaveCount(1);

  // ── The manager's report for today counts Taxi once.
  await manager.page.getByTestId('nav-reports').click();
  const today = serviceDayOf(new Date(), 'UTC');
  await expect(manager.page.getByTestId('report-period')).toHaveValue('day');
  await manager.page.getByTestId('report-date').fill(today);
  const taxiReport = manager.page.locator(`[data-testid="report-service"][data-service="${TAXI.code}"]`);
  await expect(taxiReport).toBeVisible();
  await expect(taxiReport).toContainText(TAXI.names.en);
  await expect(taxiReport.getByTestId('report-service-count')).toHaveText('1');
  await taxiReport.scrollIntoViewIfNeeded();
  await keepScreenshot(manager.page, 'services-report-taxi-tablet');

  await Promise.all([kioskCtx, offlineCtx, managerCtx, wallCtx, conciergeCtx].map((c) => c.close()));
});
