/**
 * The service catalog on the staff tablet: a manager creates, edits, orders, retires and
 * restores services; the queue names a service's tickets with its icon and name; agents
 * never see the editor. The kiosk and wall halves are in their own specs.
 */
import { expect, test, type Browser, type Locator } from '@playwright/test';
import { SERVICE_LIMIT } from '../../shared/domain/service.ts';
import { KioskDriver } from '../integration/helpers.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { TABLET, keepScreenshot } from './support.ts';

let server: TestServer;
let kiosk: KioskDriver;
/** A manager over the API (one sign-in for the file: logins are rate limited per address). */
let manager: TestClient;

test.beforeAll(async () => {
  server = await startTestServer();
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  manager = await new TestClient(server.url).login('manager1', '3333');
});
test.afterAll(async () => {
  await server?.stop(true);
});

async function tablet(browser: Browser, staffId: string, pin: string): Promise<AdminPage> {
  const context = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await context.newPage());
  await admin.login(server.url, staffId, pin);
  return admin;
}

async function openEditor(admin: AdminPage): Promise<Locator> {
  await admin.page.goto(`${server.url}/admin/#/kiosks`);
  const editor = admin.page.getByTestId('services-editor');
  await expect(editor).toBeVisible();
  return editor;
}

/** Scrolls the page so `section` starts just below the tablet's header. */
async function showFromTop(section: Locator): Promise<void> {
  await section.evaluate((el) => {
    const header = document.querySelector('header');
    window.scrollBy(0, el.getBoundingClientRect().top - (header?.getBoundingClientRect().height ?? 0) - 8);
  });
}

const codesOnScreen = (editor: Locator) => editor.getByTestId('service-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));

async function catalogOnServer(): Promise<{ code: string; names: Record<string, string>; icon: string; department: string; fields: Record<string, string>; callOnWall: boolean; retired: boolean; position: number }[]> {
  const r = await manager.get('/api/settings/services');
  expect(r.status).toBe(200);
  return [...r.body].sort((a, b) => a.position - b.position);
}

/** A guest's ticket for a catalog service, pushed as the kiosk sends it. */
async function serviceTicket(service: string, o: { count?: number | null; neededAt?: string | null; room?: string | null; note?: string | null; guestName?: string } = {}): Promise<string> {
  const cmd = kiosk.create({ guestName: o.guestName ?? 'Li Wei', room: o.room ?? null, note: o.note ?? null });
  cmd.payload.kind = 'service';
  cmd.payload.reason = null;
  cmd.payload.details = { kind: 'service', service, count: o.count ?? null, neededAt: o.neededAt ?? null };
  const r = await kiosk.push([cmd]);
  expect(r.body.outcomes[0].outcome, JSON.stringify(r.body.outcomes[0])).toBe('applied');
  return cmd.payload.ticket;
}

test('a manager creates a service in three languages, edits it, moves it, retires and restores it', async ({ browser }) => {
  const admin = await tablet(browser, 'manager1', '3333');
  const editor = await openEditor(admin);

  // The built-in kinds come first and cannot be edited; then the demo catalog in its order.
  await expect(editor.getByTestId('service-builtin')).toHaveCount(4);
  await expect(editor.getByTestId('service-builtin').first()).toContainText('Consultation');
  await expect(editor.getByTestId('service-builtin').getByRole('button')).toHaveCount(0);
  await expect.poll(() => codesOnScreen(editor)).toEqual(['extra_towels', 'umbrella', 'wake_up_call']);
  await expect(editor.locator('[data-code="wake_up_call"] [data-testid="service-wall"]')).toHaveText('Listed on the wall, not called');

  // Add "Taxi": the code follows the English name.
  await editor.getByTestId('service-add').click();
  const dialog = admin.page.getByTestId('service-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('service-save').click();
  await expect(dialog.getByTestId('service-form-error')).toHaveText('Enter the name in all three languages.');
  await dialog.getByTestId('service-name-en').fill('Taxi to the airport');
  await expect(dialog.getByTestId('service-code')).toHaveValue('taxi_to_the_airport');
  await dialog.getByTestId('service-name-en').fill('Taxi');
  await expect(dialog.getByTestId('service-code')).toHaveValue('taxi');
  await dialog.getByTestId('service-name-zh-Hans').fill('出租车');
  await dialog.getByTestId('service-name-zh-Hant').fill('計程車');
  await dialog.getByTestId('service-icon-taxi').click();
  await expect(dialog.getByTestId('service-icon-taxi')).toHaveAttribute('aria-checked', 'true');
  await dialog.getByTestId('service-department-select').selectOption('concierge');
  await dialog.locator('[data-testid="service-rule-room"] [data-rule="required"]').click();
  await dialog.locator('[data-testid="service-rule-neededAt"] [data-rule="required"]').click();
  await dialog.locator('[data-testid="service-rule-count"] [data-rule="off"]').click();
  await dialog.locator('[data-testid="service-rule-note"] [data-rule="optional"]').click();
  await expect(dialog.getByTestId('service-call-on-wall')).toBeChecked();
  await keepScreenshot(admin.page, 'tablet-service-dialog');
  await dialog.getByTestId('service-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(editor.getByTestId('services-saved')).toContainText('“Taxi” saved');

  const taxi = editor.locator('[data-testid="service-row"][data-code="taxi"]');
  await expect(taxi.getByTestId('service-name')).toHaveText('Taxi');
  await expect(taxi).toContainText('計程車');
  await expect(taxi.getByTestId('service-department')).toHaveText('Concierge');
  await expect(taxi.getByTestId('service-fields')).toHaveText('Room (required) · Time needed (required) · Note');
  await expect(taxi.getByTestId('service-wall')).toHaveText('Called on the wall');
  await expect(taxi.locator('svg[data-icon="taxi"]')).toHaveCount(1);
  await expect.poll(() => codesOnScreen(editor)).toEqual(['extra_towels', 'umbrella', 'wake_up_call', 'taxi']);
  const saved = (await catalogOnServer()).find((s) => s.code === 'taxi')!;
  expect(saved).toMatchObject({
    names: { en: 'Taxi', 'zh-Hans': '出租车', 'zh-Hant': '計程車' },
    icon: 'taxi',
    department: 'concierge',
    fields: { room: 'required', neededAt: 'required', count: 'off', note: 'optional' },
    callOnWall: true,
    retired: false,
  });

  // The same English name again would overwrite it: the form says so instead.
  await editor.getByTestId('service-add').click();
  await dialog.getByTestId('service-name-en').fill('Taxi');
  await dialog.getByTestId('service-name-zh-Hans').fill('的士');
  await dialog.getByTestId('service-name-zh-Hant').fill('的士');
  await dialog.getByTestId('service-save').click();
  await expect(dialog.getByTestId('service-form-error')).toHaveText('A service with the code “taxi” already exists. Change the code, or edit that service.');
  await dialog.getByTestId('service-cancel').click();
  await expect(dialog).toHaveCount(0);

  // Edit: the code is fixed; names, icon, department, fields and the wall change.
  await taxi.getByTestId('service-edit').click();
  await expect(dialog.getByTestId('service-code')).toBeDisabled();
  await expect(dialog.getByTestId('service-code')).toHaveValue('taxi');
  await dialog.getByTestId('service-name-en').fill('Taxi booking');
  await expect(dialog.getByTestId('service-code')).toHaveValue('taxi');
  await dialog.getByTestId('service-icon-car').click();
  await dialog.getByTestId('service-department-select').selectOption('front_office');
  await dialog.locator('[data-testid="service-rule-neededAt"] [data-rule="optional"]').click();
  await dialog.locator('[data-testid="service-rule-count"] [data-rule="optional"]').click();
  await dialog.getByTestId('service-call-on-wall').uncheck();
  await dialog.getByTestId('service-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(taxi.getByTestId('service-name')).toHaveText('Taxi booking');
  await expect(taxi.getByTestId('service-department')).toHaveText('Front office');
  await expect(taxi.getByTestId('service-fields')).toHaveText('Room (required) · Time needed · How many · Note');
  await expect(taxi.getByTestId('service-wall')).toHaveText('Listed on the wall, not called');
  await expect(taxi.locator('svg[data-icon="car"]')).toHaveCount(1);
  expect((await catalogOnServer()).find((s) => s.code === 'taxi')).toMatchObject({
    code: 'taxi',
    names: { en: 'Taxi booking', 'zh-Hans': '出租车', 'zh-Hant': '計程車' },
    icon: 'car',
    department: 'front_office',
    fields: { room: 'required', neededAt: 'optional', count: 'optional', note: 'optional' },
    callOnWall: false,
  });

  // Order: up twice puts it second; the first row cannot go up, the last cannot go down.
  await expect(editor.locator('[data-code="extra_towels"] [data-testid="service-up"]')).toBeDisabled();
  await expect(taxi.getByTestId('service-down')).toBeDisabled();
  await taxi.getByTestId('service-up').click();
  await expect.poll(() => codesOnScreen(editor)).toEqual(['extra_towels', 'umbrella', 'taxi', 'wake_up_call']);
  await expect(editor.getByTestId('services-saved')).toContainText('Order saved');
  await taxi.getByTestId('service-up').click();
  await expect.poll(() => codesOnScreen(editor)).toEqual(['extra_towels', 'taxi', 'umbrella', 'wake_up_call']);
  await editor.locator('[data-code="extra_towels"] [data-testid="service-down"]').click();
  await expect.poll(() => codesOnScreen(editor)).toEqual(['taxi', 'extra_towels', 'umbrella', 'wake_up_call']);
  await expect.poll(async () => (await catalogOnServer()).map((s) => s.code)).toEqual(['taxi', 'extra_towels', 'umbrella', 'wake_up_call']);

  // Retire and restore: it stays in the list, marked, and keeps its place.
  await taxi.getByTestId('service-retire').click();
  await expect(taxi).toHaveAttribute('data-retired', 'true');
  await expect(taxi.getByTestId('service-state')).toHaveText('Retired');
  await expect(editor.getByTestId('services-saved')).toContainText('“Taxi booking” retired at');
  await expect.poll(async () => (await catalogOnServer()).find((s) => s.code === 'taxi')?.retired).toBe(true);
  await showFromTop(editor);
  await keepScreenshot(admin.page, 'tablet-services-editor-retired');
  await taxi.getByTestId('service-restore').click();
  await expect(taxi).toHaveAttribute('data-retired', 'false');
  await expect(taxi.getByTestId('service-state')).toHaveText('On the kiosks');
  await expect(editor.getByTestId('services-saved')).toContainText('“Taxi booking” restored at');
  await expect.poll(async () => (await catalogOnServer()).find((s) => s.code === 'taxi')?.retired).toBe(false);
  expect((await catalogOnServer()).map((s) => s.code)).toEqual(['taxi', 'extra_towels', 'umbrella', 'wake_up_call']);

  // Simplified Chinese: the editor's words and the services' names follow the tablet's language.
  await admin.page.getByTestId('lang-toggle').click();
  await expect(editor.locator('#services-title')).toHaveText('自助机上的服务');
  await expect(taxi.getByTestId('service-name')).toHaveText('出租车');
  await expect(taxi.getByTestId('service-department')).toHaveText('前厅部');
  await admin.page.getByTestId('lang-toggle').click();

  await showFromTop(editor);
  await keepScreenshot(admin.page, 'tablet-services-editor');
  await admin.page.context().close();
});

test('queue rows of a catalog service show its icon, its name in the staff language and what the guest filled in', async ({ browser }) => {
  const neededAt = new Date(Date.now() + 3 * 3600_000).toISOString();
  const wake = await serviceTicket('wake_up_call', { room: '1208', neededAt, note: 'Two calls, five minutes apart', guestName: 'Chen Jing' });
  const umbrella = await serviceTicket('umbrella', { count: 2, guestName: 'Tom Baker' });
  const towels = await serviceTicket('extra_towels', { count: 3, room: '0915' });

  const admin = await tablet(browser, 'agent1', '1111');
  const wakeRow = admin.row(wake);
  await expect(wakeRow.getByTestId('service-kind')).toHaveText('Wake-up call');
  await expect(wakeRow.locator('svg[data-icon="alarm"]')).toHaveCount(1);
  await expect(wakeRow).toContainText('room 1208');
  await expect(wakeRow.getByTestId('request-note')).toHaveText('Two calls, five minutes apart');
  await expect(wakeRow.getByTestId('service-needed-at')).toContainText('Needed');
  await expect(wakeRow.getByTestId('service-count')).toHaveCount(0);
  // Umbrellas are the concierge's, towels housekeeping's: the front desk sees them under "other queues".
  await expect(admin.row(umbrella).getByTestId('service-kind')).toHaveText('Borrow an umbrella');
  await expect(admin.row(umbrella).getByTestId('service-count')).toHaveText('How many: 2');
  await expect(admin.row(towels).getByTestId('service-kind')).toHaveText('Extra towels');
  await expect(admin.row(towels).getByTestId('service-count')).toHaveText('How many: 3');
  await expect(admin.row(towels)).toContainText('room 0915');
  await keepScreenshot(admin.page, 'tablet-queue-services');

  await admin.page.getByTestId('lang-toggle').click();
  await expect(wakeRow.getByTestId('service-kind')).toHaveText('叫醒服务');
  await expect(admin.row(towels).getByTestId('service-count')).toHaveText('数量：3');
  await keepScreenshot(admin.page, 'tablet-queue-services-zh');
  await admin.page.getByTestId('lang-toggle').click();

  // A service renamed on another tablet is renamed on this queue within seconds.
  const current = (await catalogOnServer()).find((s) => s.code === 'umbrella')!;
  const r = await manager.post('/api/settings/services', { ...current, names: { ...current.names, en: 'Umbrella loan' } });
  expect(r.status).toBe(200);
  await expect(admin.row(umbrella).getByTestId('service-kind')).toHaveText('Umbrella loan');
  await admin.page.context().close();
});

test('a tablet reloaded offline still names the queue\'s service rows from the catalog it saved', async ({ browser }) => {
  const ticket = await serviceTicket('wake_up_call', { room: '0702', neededAt: new Date(Date.now() + 3600_000).toISOString() });
  const context = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await context.newPage());
  await admin.login(server.url, 'agent1', '1111');
  await admin.page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => admin.page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 }).toBe(true);
  await expect(admin.row(ticket).getByTestId('service-kind')).toHaveText('Wake-up call');
  // The catalog is saved beside the view (the tablet's Dexie `meta`), and the view's time with it.
  const saved = () =>
    admin.page.evaluate(
      () =>
        new Promise<string>((done) => {
          const open = indexedDB.open('lobbydesk-admin');
          open.onsuccess = () => {
            const meta = open.result.transaction('meta', 'readonly').objectStore('meta');
            const catalog = meta.get('serviceCatalog');
            const at = meta.get('viewSavedAt');
            catalog.transaction!.oncomplete = () => done(`${Array.isArray(catalog.result?.value) ? catalog.result.value.length : 0} ${at.result ? 'saved' : 'unsaved'}`);
          };
          open.onerror = () => done('error');
        }),
    );
  await expect.poll(saved).toMatch(/^[1-9]\d* saved$/);

  await context.setOffline(true);
  await admin.page.reload();
  await expect(admin.page.getByTestId('saved-view')).toBeVisible({ timeout: 20_000 });
  await expect(admin.row(ticket).getByTestId('service-kind')).toHaveText('Wake-up call');
  await expect(admin.row(ticket).locator('svg[data-icon="alarm"]')).toHaveCount(1);
  await context.setOffline(false);
  await context.close();
});

test('agents and supervisors do not see the services editor', async ({ browser }) => {
  const agent = await tablet(browser, 'agent1', '1111');
  await agent.page.goto(`${server.url}/admin/#/kiosks`);
  // Agents have no "Kiosks & displays" screen at all: the queue shows.
  await expect(agent.page.getByTestId('call-next')).toBeVisible();
  await expect(agent.page.getByTestId('services-editor')).toHaveCount(0);
  // The server refuses an agent's change too.
  const asAgent = await new TestClient(server.url).login('agent2', '1112');
  const refused = await asAgent.post('/api/settings/services/order', { codes: ['umbrella'] });
  expect(refused.status).toBe(403);
  await agent.page.context().close();

  const sup = await tablet(browser, 'super1', '2222');
  await sup.page.goto(`${server.url}/admin/#/kiosks`);
  await expect(sup.page.getByTestId('wall-settings')).toBeVisible();
  await expect(sup.page.getByTestId('services-editor')).toHaveCount(0);
  await sup.page.context().close();
});

test('reports count each catalog service under "Hotel services", a retired one marked', async ({ browser }) => {
  const today = new Date().toISOString().slice(0, 10);
  const countsOnServer = async () => {
    const r = await manager.get(`/api/reports?period=day&date=${today}`);
    expect(r.status).toBe(200);
    return new Map<string, number>(r.body.requests.byService.map((s: { service: string; count: number }) => [s.service, s.count]));
  };
  const before = await countsOnServer();
  await serviceTicket('extra_towels', { count: 1, room: '1001' });
  await serviceTicket('extra_towels', { count: 2, room: '1002' });
  await serviceTicket('umbrella', { count: 1 });
  // Umbrellas are retired after a guest asked for one; a new service nobody asked for yet.
  const umbrella = (await catalogOnServer()).find((s) => s.code === 'umbrella')!;
  expect((await manager.post('/api/settings/services', { ...umbrella, retired: true })).status).toBe(200);
  const created = await manager.post('/api/settings/services', {
    code: 'late_checkout',
    names: { en: 'Late check-out', 'zh-Hans': '延迟退房', 'zh-Hant': '延遲退房' },
    icon: 'key',
    department: 'front_office',
    fields: { room: 'required', neededAt: 'required', count: 'off', note: 'off' },
    callOnWall: false,
    retired: false,
  });
  expect(created.status).toBe(200);

  const admin = await tablet(browser, 'manager1', '3333');
  await admin.page.goto(`${server.url}/admin/#/reports`);
  const table = admin.page.getByTestId('report-kinds');
  await expect(table.locator('tr[data-kind="service"]')).toContainText('Hotel services');
  const row = (code: string) => table.locator(`[data-testid="report-service"][data-service="${code}"]`);
  await expect(row('extra_towels').getByTestId('report-service-count')).toHaveText(String((before.get('extra_towels') ?? 0) + 2));
  await expect(row('extra_towels')).toContainText('Extra towels');
  await expect(row('umbrella')).toHaveAttribute('data-retired', 'true');
  await expect(row('umbrella')).toContainText('retired');
  await expect(row('umbrella').getByTestId('report-service-count')).toHaveText(String((before.get('umbrella') ?? 0) + 1));
  // An active service nobody asked for shows its zero.
  await expect(row('late_checkout').getByTestId('report-service-count')).toHaveText('0');
  // The service rows follow the kind row, in the catalog's order.
  const order = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind') ?? r.getAttribute('data-service')));
  const catalog = (await catalogOnServer()).map((s) => s.code);
  expect(order.slice(order.indexOf('service'))).toEqual(['service', ...catalog.filter((c) => order.includes(c))]);
  expect(order.slice(-1)).toEqual(['late_checkout']);
  await showFromTop(table);
  await keepScreenshot(admin.page, 'tablet-reports-services');
  await admin.page.getByTestId('lang-toggle').click();
  await expect(row('extra_towels')).toContainText('加送毛巾');
  await expect(row('umbrella')).toContainText('已停用');
  await admin.page.context().close();
});

test('at the catalog limit the editor says so instead of adding', async ({ browser }) => {
  const admin = await tablet(browser, 'manager1', '3333');
  const editor = await openEditor(admin);
  // The manager starts adding a service while another manager fills the catalog to its limit.
  await editor.getByTestId('service-add').click();
  const dialog = admin.page.getByTestId('service-dialog');
  await dialog.getByTestId('service-name-en').fill('Pool towels');
  await dialog.getByTestId('service-name-zh-Hans').fill('泳池毛巾');
  await dialog.getByTestId('service-name-zh-Hant').fill('泳池毛巾');
  const have = (await catalogOnServer()).length;
  for (let i = have; i < SERVICE_LIMIT; i++) {
    const r = await manager.post('/api/settings/services', {
      code: `extra_${i}`,
      names: { en: `Extra ${i}`, 'zh-Hans': `额外 ${i}`, 'zh-Hant': `額外 ${i}` },
      icon: 'question',
      department: 'front_office',
      fields: { room: 'off', neededAt: 'off', count: 'off', note: 'optional' },
      callOnWall: true,
      retired: i % 2 === 0,
    });
    expect(r.status).toBe(200);
  }
  // Whether the tablet heard of them first or the server refuses the save (409 with the limit), the words are the same.
  const limitText = `The hotel has ${SERVICE_LIMIT} services (retired ones count too), the most it can have. Edit a retired one for the new use instead.`;
  await dialog.getByTestId('service-save').click();
  await expect(dialog.getByTestId('service-form-error')).toHaveText(limitText);
  expect((await catalogOnServer()).map((s) => s.code)).not.toContain('pool_towels');
  await dialog.getByTestId('service-cancel').click();
  // The editor says why Add is off.
  await admin.page.reload();
  await expect(editor.getByTestId('services-limit')).toHaveText(limitText);
  await expect(editor.getByTestId('service-add')).toBeDisabled();
  await admin.page.context().close();
});
