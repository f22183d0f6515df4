/**
 * Outgoing webhooks on the staff tablet: a manager registers an endpoint that points at a real
 * HTTP receiver started here, keeps the secret shown once, sends a test and sees it delivered
 * (the receiver checks the Standard Webhooks signature), edits the events, rotates the secret and
 * pauses the endpoint; the form refuses a bad address before sending; only managers see any of it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { WEBHOOK_ENDPOINTS_MAX } from '../../shared/protocol/webhooks.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { TABLET, keepScreenshot } from './support.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: TestServer;
/** A manager over the API (one sign-in for the file: logins are rate limited per address). */
let manager: TestClient;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];

test.beforeAll(async () => {
  server = await startTestServer();
  manager = await new TestClient(server.url).login('manager1', '3333');
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/lobbydesk`;
});
test.afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await server?.stop(true);
});

async function tablet(browser: Browser, staffId: string, pin: string): Promise<AdminPage> {
  const context = await browser.newContext({ viewport: TABLET });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const admin = new AdminPage(await context.newPage());
  await admin.login(server.url, staffId, pin);
  return admin;
}

/** The manager's way in: "Kiosks & displays", then "Webhooks". */
async function openWebhooks(admin: AdminPage): Promise<Locator> {
  await admin.page.getByTestId('nav-kiosks').click();
  await admin.page.getByTestId('nav-webhooks').click();
  const screen = admin.page.getByTestId('webhooks');
  await expect(screen).toBeVisible();
  await expect(admin.page).toHaveURL(/#\/webhooks$/);
  return screen;
}

/** The page never scrolls sideways at the tablet's size. */
async function expectNoSideScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

async function endpointsOnServer(): Promise<{ id: string; url: string; eventTypes: string[]; guestFields: string[]; active: boolean; secretRotatedAt: string | null }[]> {
  const r = await manager.get('/api/settings/webhooks');
  expect(r.status).toBe(200);
  return r.body;
}

/** What the receiver got for one delivery (by its webhook-id). */
async function receivedFor(id: string): Promise<Received> {
  await expect.poll(() => received.filter((r) => r.headers['webhook-id'] === id).length, { timeout: 30_000 }).toBe(1);
  return received.find((r) => r.headers['webhook-id'] === id)!;
}

const signed = (r: Received) => ({
  'webhook-id': String(r.headers['webhook-id']),
  'webhook-timestamp': String(r.headers['webhook-timestamp']),
  'webhook-signature': String(r.headers['webhook-signature']),
});

/** Sends a test from the row and waits for the tablet to show it delivered; returns its webhook-id. */
async function sendTest(row: Locator): Promise<string> {
  const before = await row.getByTestId('webhook-delivery').count();
  await row.getByTestId('webhook-test').click();
  const deliveries = row.getByTestId('webhook-delivery');
  await expect(deliveries).toHaveCount(before + 1);
  const newest = deliveries.first();
  await expect(newest).toHaveAttribute('data-event', 'ping');
  await expect(newest.getByTestId('webhook-delivery-status')).toHaveText(/Delivered/, { timeout: 30_000 });
  await expect(newest).toHaveAttribute('data-status', 'delivered');
  await expect(newest.getByTestId('webhook-delivery-result')).toContainText('HTTP 204');
  await expect(newest.getByTestId('webhook-delivery-attempts')).toHaveText('1');
  await expect(newest.getByTestId('webhook-delivery-next')).toHaveText('—');
  return (await newest.getAttribute('data-id'))!;
}

test('a manager adds an endpoint, keeps its secret, tests it, edits its events, rotates the secret and pauses it', async ({ browser }) => {
  const admin = await tablet(browser, 'manager1', '3333');
  const page = admin.page;
  await openWebhooks(admin);
  await expect(page.getByTestId('webhooks-empty')).toBeVisible();

  // Add: the address of the receiver, two events, no guest data (ticking one warns, unticking quiets it).
  await page.getByTestId('webhook-add').click();
  const dialog = page.getByTestId('webhook-dialog');
  await dialog.getByTestId('webhook-url').fill(receiverUrl);
  await dialog.getByTestId('webhook-description').fill('Front office PMS');
  await dialog.getByTestId('webhook-event-request.created').check();
  await dialog.getByTestId('webhook-event-request.called').check();
  await expect(dialog.getByTestId('webhook-guest-hint')).toHaveText('Without any, a delivery says ticket, kind, status and times: nothing that names a guest.');
  for (const f of ['guestName', 'room', 'note']) await expect(dialog.getByTestId(`webhook-guest-${f}`)).not.toBeChecked();
  await dialog.getByTestId('webhook-guest-room').check();
  await expect(dialog.getByTestId('webhook-guest-hint')).toHaveText('Ticking these sends guest data out of the building, to the address above. Tick only what that system needs and may keep.');
  await keepScreenshot(page, 'tablet-webhook-dialog');
  await dialog.getByTestId('webhook-guest-room').uncheck();
  await expect(dialog.getByTestId('webhook-active')).toBeChecked();
  await dialog.getByTestId('webhook-save').click();
  await expect(dialog).toHaveCount(0);

  // The secret, once, with a copy button that really copies it.
  const secretDialog = page.getByTestId('webhook-secret-dialog');
  await expect(secretDialog).toBeVisible();
  await expect(secretDialog).toContainText('It will not be shown again');
  await expect(secretDialog.getByTestId('webhook-secret-old')).toHaveCount(0);
  const secret = await secretDialog.getByTestId('webhook-secret').inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
  await secretDialog.getByTestId('webhook-secret-copy').click();
  await expect(secretDialog.getByTestId('webhook-secret-copied')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await keepScreenshot(page, 'tablet-webhook-secret');
  await secretDialog.getByTestId('webhook-secret-done').click();
  await expect(secretDialog).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  expect(JSON.stringify(await endpointsOnServer())).not.toContain('whsec_');

  const [created] = await endpointsOnServer();
  expect(created).toMatchObject({ url: receiverUrl, eventTypes: ['request.created', 'request.called'], guestFields: [], active: true, secretRotatedAt: null });
  const row = page.locator(`[data-testid="webhook-row"][data-id="${created!.id}"]`);
  await expect(row.getByTestId('webhook-row-url')).toHaveText(receiverUrl);
  await expect(row.getByTestId('webhook-row-url')).toHaveAttribute('title', receiverUrl);
  await expect(row.getByTestId('webhook-row-description')).toHaveText('Front office PMS');
  await expect(row.locator('.webhook-event-chip')).toHaveText(['Guest request made', 'Ticket called']);
  await expect(row.getByTestId('webhook-row-guest')).toHaveText('No guest data');
  await expect(row.getByTestId('webhook-row-state')).toHaveText('Active');
  await expect(row.getByTestId('webhook-row-last')).toHaveText('Nothing sent yet');

  // Send test: a ping, delivered to the receiver, signed with the secret the tablet showed.
  const firstId = await sendTest(row);
  const first = await receivedFor(firstId);
  expect(first.path).toBe('/hooks/lobbydesk');
  expect(new Webhook(secret).verify(first.body, signed(first))).toMatchObject({ type: 'ping' });
  await expect(row.getByTestId('webhook-row-last')).toHaveAttribute('data-status', 'delivered');
  await expect(row.getByTestId('webhook-row-last')).toContainText('Last delivery: delivered');
  await row.getByTestId('webhook-deliveries-refresh').click();
  await expect(row.getByTestId('webhook-delivery')).toHaveCount(1);
  await expectNoSideScroll(page);
  await keepScreenshot(page, 'tablet-webhooks-deliveries');

  // Edit: other events and the guest's name; only the changes travel, the server keeps them.
  await row.getByTestId('webhook-edit').click();
  await expect(dialog.getByTestId('webhook-url')).toHaveValue(receiverUrl);
  await dialog.getByTestId('webhook-event-request.called').uncheck();
  await dialog.getByTestId('webhook-event-complaint.opened').check();
  await dialog.getByTestId('webhook-guest-guestName').check();
  await dialog.getByTestId('webhook-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('webhooks-saved')).toContainText('saved at');
  await expect(row.locator('.webhook-event-chip')).toHaveText(['Guest request made', 'Complaint opened']);
  await expect(row.getByTestId('webhook-row-guest')).toHaveText('Sends: Guest name');
  expect((await endpointsOnServer())[0]).toMatchObject({ eventTypes: ['request.created', 'complaint.opened'], guestFields: ['guestName'], url: receiverUrl });

  // Rotate: asked first; the new secret is shown once, with the day the old one keeps signing.
  await row.getByTestId('webhook-rotate').click();
  await expect(page.getByTestId('webhook-rotate-dialog')).toContainText('for one more day');
  await page.getByTestId('webhook-rotate-confirm').click();
  await expect(secretDialog).toBeVisible();
  await expect(secretDialog.locator('h2')).toHaveText('New signing secret');
  await expect(secretDialog.getByTestId('webhook-secret-old')).toHaveText('The previous secret keeps signing deliveries for one more day, so the receiving system can switch over without missing any.');
  const rotated = await secretDialog.getByTestId('webhook-secret').inputValue();
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await secretDialog.getByTestId('webhook-secret-done').click();
  await expect(row.getByTestId('webhook-row-rotated')).toContainText('Secret rotated');
  expect((await endpointsOnServer())[0]!.secretRotatedAt).not.toBeNull();

  // The next test is signed with the new secret, and with the old one too for the day.
  const secondId = await sendTest(row);
  const second = await receivedFor(secondId);
  expect(new Webhook(rotated).verify(second.body, signed(second))).toMatchObject({ type: 'ping' });
  expect(new Webhook(secret).verify(second.body, signed(second))).toMatchObject({ type: 'ping' });

  // Pause: marked on the row, kept on the server, and no more tests from the tablet.
  await row.getByTestId('webhook-pause').click();
  await expect(row).toHaveAttribute('data-active', 'false');
  await expect(row.getByTestId('webhook-row-state')).toHaveText('Paused');
  await expect(page.getByTestId('webhooks-saved')).toContainText('paused at');
  await expect(row.getByTestId('webhook-test')).toBeDisabled();
  // Pausing changes nothing else: the guest data it was set to send stays as it was.
  await expect(row.getByTestId('webhook-row-guest')).toHaveText('Sends: Guest name');
  expect((await endpointsOnServer())[0]).toMatchObject({ active: false, guestFields: ['guestName'], eventTypes: ['request.created', 'complaint.opened'] });
  await expectNoSideScroll(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await keepScreenshot(page, 'tablet-webhooks-list');

  // Simplified Chinese: the same screen in the tablet's other language.
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('.screen-title')).toHaveText('Webhook 集成');
  await expect(row.getByTestId('webhook-row-state')).toHaveText('已暂停');
  await expect(row.locator('.webhook-event-chip')).toHaveText(['客人提交请求', '投诉已登记']);
  await expect(row.getByTestId('webhook-delivery-status').first()).toHaveText(/已送达/);
  await expectNoSideScroll(page);
  await keepScreenshot(page, 'tablet-webhooks-list-zh');
  await row.getByTestId('webhook-edit').click();
  await expect(dialog.getByTestId('webhook-guest-guestName')).toBeChecked();
  await expect(dialog.getByTestId('webhook-guest-hint')).toContainText('客人信息会发送到酒店以外');
  await keepScreenshot(page, 'tablet-webhook-dialog-zh');
  await dialog.getByTestId('webhook-cancel').click();
  await page.getByTestId('lang-toggle').click();
  await page.context().close();
});

test('the form names a bad address and a missing event beside their fields, before anything is sent', async ({ browser }) => {
  const admin = await tablet(browser, 'manager1', '3333');
  const page = admin.page;
  await openWebhooks(admin);
  const before = (await endpointsOnServer()).length;

  await page.getByTestId('webhook-add').click();
  const dialog = page.getByTestId('webhook-dialog');
  await dialog.getByTestId('webhook-url').fill('pms.example.com/in');
  await dialog.getByTestId('webhook-description').focus();
  const urlError = dialog.getByTestId('webhook-url-error');
  await expect(urlError).toHaveText('Enter a whole http:// or https:// address, without spaces, user name or password.');
  await expect(dialog.getByTestId('webhook-url')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByTestId('webhook-save').click();
  await expect(dialog.getByTestId('webhook-events-error')).toHaveText('Choose at least one event.');
  await expectNoSideScroll(page);
  await keepScreenshot(page, 'tablet-webhook-dialog-errors');

  // A user name and password in the address are refused too; fixing a field clears its message.
  await dialog.getByTestId('webhook-url').fill('https://front:desk@pms.example.com/in');
  await expect(urlError).toBeVisible();
  await dialog.getByTestId('webhook-url').fill('https://pms.example.com/in');
  await expect(urlError).toHaveCount(0);
  await dialog.getByTestId('webhook-event-kiosk.offline').check();
  await expect(dialog.getByTestId('webhook-events-error')).toBeHidden();

  await dialog.getByTestId('webhook-cancel').click();
  await expect(dialog).toHaveCount(0);

  // The same messages in Chinese.
  await page.getByTestId('lang-toggle').click();
  await page.getByTestId('webhook-add').click();
  await dialog.getByTestId('webhook-url').fill('ftp://pms.example.com/in');
  await dialog.getByTestId('webhook-save').click();
  await expect(urlError).toHaveText('请输入以 http:// 或 https:// 开头的完整地址，不含空格、用户名和密码。');
  await expect(dialog.getByTestId('webhook-events-error')).toHaveText('请至少选择一个事件。');
  await expectNoSideScroll(page);
  await keepScreenshot(page, 'tablet-webhook-dialog-errors-zh');
  await dialog.getByTestId('webhook-cancel').click();
  await page.getByTestId('lang-toggle').click();
  expect((await endpointsOnServer()).length).toBe(before);

  // Fixed, and added paused: it is kept paused, its https:// address shown without the scheme.
  await page.getByTestId('webhook-add').click();
  await dialog.getByTestId('webhook-url').fill('https://pms.example.com/in');
  await dialog.getByTestId('webhook-event-kiosk.offline').check();
  await dialog.getByTestId('webhook-active').uncheck();
  await dialog.getByTestId('webhook-save').click();
  await page.getByTestId('webhook-secret-done').click();
  const added = (await endpointsOnServer()).find((e) => e.url === 'https://pms.example.com/in')!;
  expect(added).toMatchObject({ active: false, eventTypes: ['kiosk.offline'], guestFields: [] });
  const row = page.locator(`[data-testid="webhook-row"][data-id="${added.id}"]`);
  await expect(row.getByTestId('webhook-row-url')).toHaveText('pms.example.com/in');
  await expect(row.getByTestId('webhook-row-state')).toHaveText('Paused');
  await page.context().close();
});

test('agents and supervisors do not see the webhooks entry, and the server refuses them', async ({ browser }) => {
  for (const [id, pin] of [
    ['agent1', '1111'],
    ['super1', '2222'],
  ] as const) {
    const admin = await tablet(browser, id, pin);
    const page = admin.page;
    await page.goto(`${server.url}/admin/#/kiosks`);
    if (id === 'super1') await expect(page.getByTestId('wall-settings')).toBeVisible();
    else await expect(page.getByTestId('call-next')).toBeVisible();
    await expect(page.getByTestId('nav-webhooks')).toHaveCount(0);
    // Typing the address does not open it either: the queue shows.
    await page.goto(`${server.url}/admin/#/webhooks`);
    await expect(page.getByTestId('call-next')).toBeVisible();
    await expect(page.getByTestId('webhooks')).toHaveCount(0);
    await page.context().close();
  }
  const asAgent = await new TestClient(server.url).login('agent2', '1112');
  expect((await asAgent.get('/api/settings/webhooks')).status).toBe(403);
  expect((await asAgent.post('/api/settings/webhooks', { url: receiverUrl, description: '', eventTypes: ['kiosk.offline'] })).status).toBe(403);
});

test('a refusal from the server is shown in words in the dialog, and a full list says why Add is off', async ({ browser }) => {
  const admin = await tablet(browser, 'manager1', '3333');
  const page = admin.page;
  await openWebhooks(admin);
  // The manager starts adding while another manager fills the property to its limit.
  await page.getByTestId('webhook-add').click();
  const dialog = page.getByTestId('webhook-dialog');
  await dialog.getByTestId('webhook-url').fill('https://late.example.com/in');
  await dialog.getByTestId('webhook-event-request.completed').check();
  for (let i = (await endpointsOnServer()).length; i < WEBHOOK_ENDPOINTS_MAX; i++) {
    const r = await manager.post('/api/settings/webhooks', { url: `https://filler-${i}.example.com/in`, description: `Filler ${i}`, eventTypes: ['kiosk.offline'] });
    expect(r.status).toBe(200);
  }
  await dialog.getByTestId('webhook-save').click();
  await expect(dialog.getByTestId('webhook-form-error')).toHaveText(new RegExp(`^Not done: .*\\b${WEBHOOK_ENDPOINTS_MAX}\\b`));
  await expect(page.getByTestId('webhook-secret-dialog')).toHaveCount(0);
  await dialog.getByTestId('webhook-cancel').click();
  await page.reload();
  await expect(page.getByTestId('webhooks-limit')).toHaveText(`The hotel has ${WEBHOOK_ENDPOINTS_MAX} endpoints, the most it can have. Edit or reuse one instead.`);
  await expect(page.getByTestId('webhook-add')).toBeDisabled();
  expect((await endpointsOnServer()).length).toBe(WEBHOOK_ENDPOINTS_MAX);
  await page.context().close();
});
