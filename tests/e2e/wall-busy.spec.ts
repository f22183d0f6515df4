/**
 * The wall display in a busy lobby, during an outage, and as the property
 * sets it up: every panel fits the screen (landscape and portrait) with a
 * dozen recent calls and fifty-odd waiting tickets across the built-in kinds
 * and the hotel's catalog services (one of them retired, its tickets still
 * waiting), in every language choice; a lost connection dims the content and says when it was last
 * updated; the hotel's name and the wall's languages come from the manager's
 * settings on the tablet, live. Names stay masked throughout.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { RequestDetails, RequestKind } from '../../shared/domain/request.ts';
import type { Service, ServiceBody } from '../../shared/domain/service.ts';
import { LOCALES } from '../../shared/i18n/locale.ts';
import type { WallLanguages } from '../../shared/protocol/display.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver } from '../integration/helpers.ts';
import { AdminPage } from './pages/admin.page.ts';
import { WallPage } from './pages/wall.page.ts';
import { keepScreenshot, TABLET, WALL } from './support.ts';

const WALL_PORTRAIT = { width: 1080, height: 1920 };

// A busy set-up and several screens per test: generous on a loaded machine.
test.describe.configure({ timeout: 150_000 });

let server: TestServer;
let kiosk: KioskDriver;
let staff: StaffDriver;
let manager: TestClient;
/** The ticket on the "Now calling" card after the busy set-up. */
let nowTicket = '';

const CALLED_NAMES = ['欧阳娜娜', 'Maximilian Alexander von Hohenberg-Schwarzenstein', '王小明', 'Li Wei', 'Ana Souza', '司马相如', 'Émile Zola', 'Omar Haddad', '张伟', 'Kenji Tanaka', 'Sofia Rossi', '陈静', 'Zhao Qiang'];
const fields = (f: Partial<ServiceBody['fields']>): ServiceBody['fields'] => ({ room: 'off', neededAt: 'off', count: 'off', note: 'off', ...f });
/**
 * The hotel's catalog for this wall, upserted by the test (the demo's codes, the test's own
 * definitions), in the order the manager puts them. The wake-up call is never called on the
 * wall (staff ring the room); the airport shuttle is retired after its guests took tickets.
 */
const SERVICES: ServiceBody[] = [
  {
    code: 'umbrella',
    names: { en: 'Umbrella', 'zh-Hans': '借雨伞', 'zh-Hant': '借雨傘' },
    icon: 'umbrella',
    department: 'concierge',
    fields: fields({ count: 'optional' }),
    callOnWall: true,
    retired: false,
  },
  {
    code: 'extra_towels',
    names: { en: 'Extra towels', 'zh-Hans': '加送毛巾', 'zh-Hant': '加送毛巾' },
    icon: 'towel',
    department: 'housekeeping',
    fields: fields({ room: 'required', count: 'required' }),
    callOnWall: true,
    retired: false,
  },
  {
    code: 'wake_up_call',
    names: { en: 'Wake-up call', 'zh-Hans': '叫醒服务', 'zh-Hant': '叫醒服務' },
    icon: 'alarm',
    department: 'front_office',
    fields: fields({ room: 'required', neededAt: 'required' }),
    callOnWall: false,
    retired: false,
  },
  {
    code: 'airport_shuttle',
    names: { en: 'Airport shuttle to Terminals 1 and 2', 'zh-Hans': '机场班车（1号及2号航站楼）', 'zh-Hant': '機場班車（1號及2號航廈）' },
    icon: 'car',
    department: 'concierge',
    fields: fields({ count: 'optional' }),
    callOnWall: true,
    retired: false,
  },
];
const RETIRED = 'airport_shuttle';
const serviceBody = (code: string) => SERVICES.find((s) => s.code === code)!;

/** Who waits, per group of the waiting board, in the board's order: the built-in kinds, then the services. */
const WAITING: { kind: RequestKind; service: string | null; n: number }[] = [
  { kind: 'call_staff', service: null, n: 14 },
  { kind: 'luggage_in', service: null, n: 8 },
  { kind: 'luggage_out', service: null, n: 6 },
  { kind: 'shoe_care', service: null, n: 8 },
  { kind: 'service', service: 'umbrella', n: 5 },
  { kind: 'service', service: 'extra_towels', n: 9 },
  { kind: 'service', service: 'wake_up_call', n: 4 },
  { kind: 'service', service: RETIRED, n: 3 },
];

function details(kind: RequestKind, service: string | null, i: number): RequestDetails | null {
  const code = `K${'ABCDEFGH'[i % 8]}${'23456789'[i % 8]}Q7W${'XYZ'[i % 3]}M`;
  if (kind === 'luggage_in') return { kind, bags: 1 + (i % 3), expectedPickupAt: null, claimCode: code };
  if (kind === 'luggage_out') return { kind, claimCode: code };
  if (kind === 'shoe_care') return { kind, pairs: 1 + (i % 2), collectAt: 'lobby', neededBy: null };
  if (kind === 'service') {
    const f = serviceBody(service!).fields;
    const neededAt = f.neededAt === 'off' ? null : new Date(Date.now() + (10 + i) * 3_600_000).toISOString();
    return { kind, service: service!, count: f.count === 'off' ? null : 1 + (i % 3), neededAt };
  }
  return null;
}

/** A guest's request as the kiosk sends it. */
function waitingRequest(kind: RequestKind, service: string | null, i: number): ReturnType<KioskDriver['create']> {
  const cmd = kiosk.create({ guestName: i % 2 ? '欧阳娜娜' : 'Maximilian von Hohenberg', room: `${1201 + i}`, note: null });
  cmd.payload.kind = kind;
  cmd.payload.details = details(kind, service, i);
  cmd.payload.reason = kind === 'call_staff' ? 'question' : null;
  return cmd;
}

/** The wake-up call staff took (called to a desk by the tablet): the wall never shows it as called. */
let wakeUpCalled = '';

async function pushOk(driver: KioskDriver | StaffDriver, commands: Parameters<KioskDriver['push']>[0]): Promise<void> {
  const r = await driver.push(commands);
  expect(r.status).toBe(200);
  for (const o of r.body.outcomes) expect(o.outcome, JSON.stringify(o)).toBe('applied');
}

/** A guest's ticket, called to a desk; the one before it is finished. Returns the ticket. */
async function call(guestName: string, desk: string, previous?: Called): Promise<Called> {
  const cmd = kiosk.create({ guestName });
  await pushOk(kiosk, [cmd]);
  const batch = previous ? [atDesk(staff.transition(previous.id, 'complete', 'called'), previous.desk)] : [];
  batch.push(atDesk(staff.transition(cmd.payload.requestId, 'call', 'waiting'), desk));
  await pushOk(staff, batch);
  return { id: cmd.payload.requestId, ticket: cmd.payload.ticket, desk };
}

interface Called {
  id: string;
  ticket: string;
  desk: string;
}

/** As the tablet sends it: the desk number the agent works at. */
function atDesk<C extends ReturnType<StaffDriver['transition']>>(c: C, desk: string): C {
  if (c.type === 'request.transition') c.payload.desk = desk;
  return c;
}

test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startTestServer();
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  staff = await new StaffDriver(server.url).login('agent1', '1111');
  manager = await new TestClient(server.url).login('manager1', '3333');
  // Thirteen calls, one after another at desks 1–6: the last is "now calling", twelve are "recently called".
  let prev: Called | undefined;
  for (const [i, name] of CALLED_NAMES.entries()) prev = await call(name, String((i % 6) + 1), prev);
  nowTicket = prev!.ticket;
  // The catalog, in the manager's order (the demo's own services, if any others, after them).
  for (const body of SERVICES) expect((await manager.post('/api/settings/services', body)).status).toBe(200);
  const listed = await manager.get('/api/settings/services');
  expect(listed.status).toBe(200);
  const others = (listed.body as Service[]).map((s) => s.code).filter((c) => !SERVICES.some((s) => s.code === c));
  expect((await manager.post('/api/settings/services/order', { codes: [...SERVICES.map((s) => s.code), ...others] })).status).toBe(200);
  // Fifty-seven guests waiting across the four kinds and four services.
  await pushOk(kiosk, WAITING.flatMap(({ kind, service, n }) => Array.from({ length: n }, (_, i) => waitingRequest(kind, service, i))));
  // The shuttle is retired while three guests still wait for it: they stay on the board, under its name.
  expect((await manager.post('/api/settings/services', { ...serviceBody(RETIRED), retired: true })).status).toBe(200);
  // Staff take one more wake-up call to a desk, after the last call: the wall must not call it.
  const wake = waitingRequest('service', 'wake_up_call', 99);
  await pushOk(kiosk, [wake]);
  await pushOk(staff, [atDesk(staff.transition(wake.payload.requestId, 'call', 'waiting'), '5')]);
  wakeUpCalled = wake.payload.ticket;
  // Catalog services the demo seeds beyond these would be on the board too: there are none to list.
  expect(others.filter((c) => (listed.body as Service[]).find((s) => s.code === c && !s.retired))).toEqual([]);
});

test.afterAll(async () => {
  await server?.stop(true);
});

async function setDisplay(propertyName: string, wallLanguages: WallLanguages): Promise<void> {
  const r = await manager.post('/api/settings/display', { propertyName, wallLanguages });
  expect(r.status).toBe(200);
}

type Box = { x: number; y: number; width: number; height: number };
const inside = (a: Box, b: Box, slack = 1) => a.x >= b.x - slack && a.y >= b.y - slack && a.x + a.width <= b.x + b.width + slack && a.y + a.height <= b.y + b.height + slack;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  expect(b, 'element is laid out').not.toBeNull();
  return b!;
}

/** Every rendered descendant of `container` lies inside it: nothing spills into the next panel. */
async function expectContained(container: Locator, what: string): Promise<void> {
  const spill = await container.evaluate((el) => {
    const outer = el.getBoundingClientRect();
    const out: string[] = [];
    for (const child of el.querySelectorAll('*')) {
      const r = child.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < outer.left - 1 || r.top < outer.top - 1 || r.right > outer.right + 1 || r.bottom > outer.bottom + 1) out.push(`${child.className || child.tagName}: ${(child.textContent ?? '').slice(0, 30)}`);
    }
    return out;
  });
  expect(spill, `${what}: elements outside their box`).toEqual([]);
}

/** The busy wall fits its viewport: three panels, none over another, each holding its own content, counts adding up. */
async function expectBusyWallFits(page: Page, viewport: { width: number; height: number }, langs: WallLanguages): Promise<void> {
  const screen = { x: 0, y: 0, ...viewport };
  const panels = [page.getByTestId('panel-now'), page.getByTestId('panel-recent'), page.getByTestId('panel-waiting')];
  const boxes = await Promise.all(panels.map(box));
  const top = await box(page.getByTestId('wall-top'));
  for (const b of [top, ...boxes]) expect(inside(b, screen), `${JSON.stringify(b)} inside the screen`).toBe(true);
  const all = [top, ...boxes];
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i]!, all[j]!), `panels ${i} and ${j} overlap`).toBe(false);
  for (const [i, p] of panels.entries()) await expectContained(p, `panel ${i}`);
  await expectContained(page.getByTestId('wall-top'), 'top bar');

  // Recently called: as many as fit, and "+N more" counts the rest of the twelve.
  const recentList = page.getByTestId('recent-list');
  const shown = await page.getByTestId('recent-ticket').count();
  expect(shown).toBeGreaterThanOrEqual(4);
  expect(Number(await recentList.getAttribute('data-shown'))).toBe(shown);
  const hidden = CALLED_NAMES.length - 1 - shown;
  if (hidden > 0) await expect(recentList.getByTestId('fit-more')).toContainText(String(hidden));
  else await expect(recentList.getByTestId('fit-more')).toHaveCount(0);

  // Waiting: each kind's and each service's count is complete; the tickets shown plus "+N" make it up.
  const kinds = page.getByTestId('waiting-kind');
  await expect(kinds).toHaveCount(WAITING.length);
  for (const [i, { kind, service, n }] of WAITING.entries()) {
    const k = kinds.nth(i);
    await expect(k).toHaveAttribute('data-kind', kind);
    if (service) {
      await expect(k).toHaveAttribute('data-service', service);
      // The service's own names, in the wall's languages and only those.
      const names = serviceBody(service).names;
      for (const l of LOCALES) {
        if (langs.includes(l)) await expect(k.locator('.kind-head')).toContainText(names[l]);
        else if (!langs.some((x) => names[x] === names[l])) await expect(k.locator('.kind-head')).not.toContainText(names[l]);
      }
    }
    await expect(k.getByTestId('waiting-count')).toHaveText(String(n));
    const chips = await k.getByTestId('waiting-ticket').count();
    expect(chips).toBeGreaterThan(0);
    const more = n - chips;
    if (more > 0) await expect(k.getByTestId('fit-more')).toContainText(String(more));
    else await expect(k.getByTestId('fit-more')).toHaveCount(0);
  }
  // A wake-up call is never called on the wall (staff ring the room), though staff took it to a desk.
  await expect(page.getByTestId('now-calling')).toHaveText(nowTicket);
  await expect(page.getByTestId('panel-recent')).not.toContainText(wakeUpCalled);
  await expect(page.getByTestId('panel-waiting')).not.toContainText(wakeUpCalled);
  // Names stay masked: the first character and stars, never more.
  await expect(page.locator('.now-meta .masked')).toHaveText('Z***');
  await expect(page.locator('body')).not.toContainText('Zhao Qiang');
  await expect(page.locator('body')).not.toContainText('欧阳娜娜');
  await expect(page.locator('body')).not.toContainText('Hohenberg');
}

const CHOICES: { langs: WallLanguages; heading: RegExp; desk: string }[] = [
  { langs: ['zh-Hans', 'en'], heading: /正在叫号\s*Now calling/, desk: '1号柜台' },
  { langs: ['zh-Hant', 'en'], heading: /正在叫號\s*Now calling/, desk: '1號櫃檯' },
  { langs: ['en', 'zh-Hans'], heading: /Now calling\s*正在叫号/, desk: 'Desk 1' },
  { langs: ['en'], heading: /^Now calling$/, desk: 'Desk 1' },
  { langs: ['zh-Hant'], heading: /^正在叫號$/, desk: '1號櫃檯' },
];

for (const [orientation, viewport] of [
  ['landscape', WALL],
  ['portrait', WALL_PORTRAIT],
] as const) {
  test(`the busy wall fits ${viewport.width}×${viewport.height} in every language choice, nothing overlapping, names masked`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const wall = new WallPage(await context.newPage());
    await setDisplay('Harbour View Hotel', ['zh-Hans', 'en']);
    await wall.open(server.url, server.demo!.wallToken);
    await expect(wall.nowCalling()).toHaveText(nowTicket);
    await expect(wall.page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
    for (const choice of CHOICES) {
      await setDisplay('Harbour View Hotel', choice.langs); // live: the open wall changes without a reload
      await expect(wall.page.locator('.now h1')).toHaveText(choice.heading);
      await expect(wall.page.locator('.now-desk .desk')).toContainText(choice.desk);
      await expectBusyWallFits(wall.page, viewport, choice.langs);
      await keepScreenshot(wall.page, `wall-busy-${orientation}-${choice.langs.join('+')}`);
    }
    await context.close();
  });
}

test('an outage dims the last known content and says when it was last updated; it recovers by itself', async ({ browser }) => {
  await setDisplay('Harbour View Hotel', ['zh-Hans', 'en']);
  const context = await browser.newContext({ viewport: WALL });
  const wall = new WallPage(await context.newPage());
  await wall.open(server.url, server.demo!.wallToken);
  const badge = wall.page.getByTestId('live-status');
  await expect(badge).toHaveAttribute('data-status', 'live');
  await expect(wall.nowCalling()).toHaveText(nowTicket);
  await expect(wall.page.getByTestId('wall-stale')).toHaveCount(0);
  const main = wall.page.getByTestId('wall-main');
  expect(Number(await main.evaluate((el) => getComputedStyle(el).opacity))).toBe(1);

  // The wall's network goes: the live stream and every request fail.
  const cutAt = new Date();
  await context.setOffline(true);
  await expect(badge).toHaveAttribute('data-status', 'reconnecting', { timeout: 15_000 });
  const stale = wall.page.getByTestId('wall-stale');
  await expect(stale).toBeVisible();
  // Plainly, in the wall's languages, the time the content was last known to be current (the display's own clock).
  const hhmm = (d: Date) => d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const times = [hhmm(cutAt), hhmm(new Date(cutAt.getTime() + 60_000))];
  const text = (await stale.textContent()) ?? '';
  expect(text).toMatch(/最后更新 \d\d:\d\d/);
  expect(text).toMatch(/Last updated \d\d:\d\d/);
  expect(times).toContain(/Last updated (\d\d:\d\d)/.exec(text)?.[1]);
  // The last known content stays, dimmed; the lobby is not told "no ticket called".
  await expect(wall.nowCalling()).toHaveText(nowTicket);
  await expect(wall.page.locator('.now-empty')).toHaveCount(0);
  await expect.poll(async () => Number(await main.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(0.5);
  // The notice is a strip of its own: on screen, over no panel, holding its own text.
  const strip = await box(stale);
  expect(inside(strip, { x: 0, y: 0, ...WALL })).toBe(true);
  for (const id of ['wall-top', 'panel-now', 'panel-recent', 'panel-waiting']) expect(overlap(strip, await box(wall.page.getByTestId(id))), id).toBe(false);
  await expectContained(stale, 'stale notice');
  await expectContained(wall.page.getByTestId('wall-top'), 'top bar while stale');

  // Meanwhile the desk calls the next guest: the stale wall cannot know, and does not pretend to.
  const next = await call('Guo Rui', '2', await currentRequest(nowTicket));
  await wall.page.waitForTimeout(1_500);
  await expect(wall.nowCalling()).toHaveText(nowTicket);
  await keepScreenshot(wall.page, 'wall-outage-stale');

  // Back online: live again, catches up, no longer dimmed.
  await context.setOffline(false);
  await expect(badge).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
  await expect(wall.nowCalling()).toHaveText(next.ticket);
  await expect(stale).toHaveCount(0);
  await expect.poll(async () => Number(await main.evaluate((el) => getComputedStyle(el).opacity))).toBe(1);
  await keepScreenshot(wall.page, 'wall-outage-recovered');
  nowTicket = next.ticket;
  await context.close();
});

/** The request behind a ticket, as staff see it. */
async function currentRequest(ticket: string): Promise<Called> {
  const snap = await staff.client.get('/api/sync/snapshot');
  const r = (snap.body.requests as { id: string; ticket: string; desk: string }[]).find((q) => q.ticket === ticket);
  expect(r).toBeDefined();
  return { id: r!.id, ticket, desk: r!.desk };
}

test('a manager sets the hotel name and the wall languages on the tablet; the open wall follows at once', async ({ browser }) => {
  await setDisplay('Harbour View Hotel', ['zh-Hans', 'en']);
  const wallContext = await browser.newContext({ viewport: WALL });
  const wall = new WallPage(await wallContext.newPage());
  await wall.open(server.url, server.demo!.wallToken);
  // The hotel's name, not the product's.
  await expect(wall.page.getByTestId('wall-brand')).toHaveText('Harbour View Hotel');
  await expect(wall.page.locator('body')).not.toContainText('lobbydesk');
  await expect(wall.page).toHaveTitle('Harbour View Hotel');

  const tabletContext = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await tabletContext.newPage());
  await admin.login(server.url, 'manager1', '3333');
  await admin.page.goto(`${server.url}/admin/#/kiosks`);
  const settings = admin.page.getByTestId('wall-settings');
  await expect(settings.getByTestId('display-name')).toHaveValue('Harbour View Hotel');
  await settings.getByTestId('display-name').fill('Jade Garden Hotel 翠園酒店');
  await settings.getByTestId('display-lang1').selectOption('zh-Hant');
  await settings.getByTestId('display-lang2').selectOption('en');
  await settings.getByTestId('display-save').click();
  await expect(settings.getByTestId('display-saved')).toBeVisible();
  await keepScreenshot(admin.page, 'tablet-wall-settings');

  await expect(wall.page.getByTestId('wall-brand')).toHaveText('Jade Garden Hotel 翠園酒店');
  await expect(wall.page.locator('.now h1')).toHaveText(/正在叫號\s*Now calling/);
  await expect(wall.page.locator('.recent h2')).toHaveText(/最近叫號\s*Recently called/);
  await expect(wall.page.locator('html')).toHaveAttribute('lang', 'zh-TW');

  // English only: no Chinese label is left on the wall.
  await settings.getByTestId('display-lang1').selectOption('en');
  await settings.getByTestId('display-lang2').selectOption('');
  await settings.getByTestId('display-save').click();
  await expect(wall.page.locator('.now h1')).toHaveText('Now calling');
  await expect(wall.page.locator('.waiting h2')).toHaveText('Waiting');
  await expect(wall.page.locator('.kind[data-kind="shoe_care"] .kind-head')).toContainText('Shoe care');
  await expect(wall.page.locator('.kind[data-kind="shoe_care"] .kind-head')).not.toContainText('擦鞋');

  // A reload (or a restart of the display) keeps the choice: it comes with the snapshot.
  await wall.page.reload();
  await expect(wall.page.locator('body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
  await expect(wall.page.getByTestId('wall-brand')).toHaveText('Jade Garden Hotel 翠園酒店');
  await expect(wall.page.locator('.now h1')).toHaveText('Now calling');

  // A supervisor sees the settings but cannot change them.
  const supContext = await browser.newContext({ viewport: TABLET });
  const sup = new AdminPage(await supContext.newPage());
  await sup.login(server.url, 'super1', '2222');
  await sup.page.goto(`${server.url}/admin/#/kiosks`);
  await expect(sup.page.getByTestId('display-name')).toHaveValue('Jade Garden Hotel 翠園酒店');
  await expect(sup.page.getByTestId('display-name')).toBeDisabled();
  await expect(sup.page.getByTestId('display-save')).toHaveCount(0);
  await Promise.all([wallContext.close(), tabletContext.close(), supContext.close()]);
});
