/**
 * Gauntlet: hours offline, hundreds queued, a page reload and a browser
 * restart. "All delivered in order, once."
 *
 * A persistent browser profile (the same Chromium and flags as every other
 * test), so IndexedDB and the service worker outlive the browser. The kiosk
 * goes offline; guests make 205 requests through the real screens — a few
 * driven by Playwright, the bulk by a loop in the page that taps the same
 * buttons (far faster than Playwright's actionability checks, same app
 * code). Playwright's clock moves three hours on, so the flusher's backoff,
 * the heartbeat, the idle reset and the live stream's reconnects all run as
 * they would. Then the page reloads, the browser closes, starts again on the
 * same profile (still offline: the kiosk comes from its service worker), and
 * the network returns. The server, asked as staff, holds every request once,
 * in the order the guests made them; the kiosk's outbox is empty.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_PORTRAIT } from './support.ts';

let server: TestServer;
let profile: string;

test.beforeAll(async () => {
  server = await startTestServer();
  profile = await mkdtemp(join(tmpdir(), 'lobbydesk-kiosk-profile-'));
});
test.afterAll(async () => {
  await server?.stop(true);
  if (profile) await rm(profile, { recursive: true, force: true });
});

const BULK = 200;

/** Chromium on the kiosk's profile, launched as playwright.config.ts launches it for every test. */
async function launch(): Promise<BrowserContext> {
  const use = test.info().project.use;
  return chromium.launchPersistentContext(profile, { ...use.launchOptions, headless: use.headless ?? true, viewport: KIOSK_PORTRAIT, serviceWorkers: 'allow' });
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/**
 * `count` guests in a row take a number through "Call staff" — call staff, a
 * question, skip the details, confirm, done — by clicking the real buttons
 * from inside the page. Answers the numbers shown, in order.
 */
function takeNumbersInPage(page: Page, count: number): Promise<string[]> {
  return page.evaluate(async (n) => {
    const button = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const until = <T>(find: () => T | null | undefined) =>
      new Promise<T>((resolve, reject) => {
        const now = find();
        if (now) return resolve(now);
        const timer = setTimeout(() => (watch.disconnect(), reject(new Error('the kiosk did not get there'))), 10_000);
        const watch = new MutationObserver(() => {
          const found = find();
          if (!found) return;
          watch.disconnect();
          clearTimeout(timer);
          resolve(found);
        });
        watch.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    const shown: string[] = [];
    for (let i = 0; i < n; i++) {
      (await until(() => button('call-staff'))).click();
      (await until(() => button('reason-question'))).click();
      (await until(() => button('skip-details'))).click();
      (await until(() => button('confirm'))).click();
      const ticket = await until(() => {
        const text = button('ticket-number')?.textContent?.trim() ?? '';
        return /^[A-Z]\d{3,4}$/.test(text) && !shown.includes(text) ? text : null;
      });
      shown.push(ticket);
      (await until(() => button('done'))).click();
    }
    await until(() => button('call-staff'));
    return shown;
  }, count);
}

/** Back to the start from a result screen. */
async function done(page: Page): Promise<void> {
  await page.getByTestId('done').click();
  await expect(page.getByTestId('call-staff')).toBeVisible();
}

interface Queued {
  seq: number;
  id: string;
  type: string;
  ticket: string | null;
}

/** The kiosk's outbox in order, read with the raw IndexedDB API (no app code involved). */
function readOutbox(page: Page): Promise<Queued[]> {
  return page.evaluate(
    () =>
      new Promise<Queued[]>((resolve, reject) => {
        const open = indexedDB.open('lobbydesk-kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox', 'readonly').objectStore('outbox').getAll();
          req.onsuccess = () => {
            open.result.close();
            type Row = { seq: number; command: { id: string; type: string; payload: { ticket?: string } } };
            resolve((req.result as Row[]).map((r) => ({ seq: r.seq, id: r.command.id, type: r.command.type, ticket: r.command.payload.ticket ?? null })));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Every request.upserted event the staff feed holds, in the order the server applied them. */
async function staffFeed(staff: TestClient): Promise<{ id: string; ticket: string }[]> {
  const out: { id: string; ticket: string }[] = [];
  let after = 0;
  for (;;) {
    const r = await staff.get(`/api/sync/pull?after=${after}`);
    expect(r.status).toBe(200);
    for (const e of r.body.events as { type: string; request?: { id: string; ticket: string } }[]) if (e.type === 'request.upserted') out.push(e.request!);
    after = r.body.version;
    if (!r.body.hasMore) return out;
  }
}

test('hours offline with hundreds queued, a reload and a browser restart: every request reaches the server once, in order', async () => {
  test.setTimeout(150_000);
  const staff = await new TestClient(server.url).login('super1', '2222');
  const today = new Date();
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 2); // 02:00 UTC: hours ahead stay on the server's service day

  let context = await launch();
  await context.clock.install({ time: start });
  let kiosk = new KioskPage(await firstPage(context));
  await kiosk.open(server.url, server.demo!.kioskToken);
  await kiosk.serviceWorkerControls();

  // Offline: a few guests through Playwright, then the bulk through the same screens.
  await context.setOffline(true);
  const shown: string[] = [];
  shown.push(await kiosk.callStaff('luggage_help'));
  await done(kiosk.page);
  shown.push((await kiosk.luggageIn({ bags: 2, room: '1208', hour: 10 })).ticket);
  await done(kiosk.page);
  shown.push(...(await takeNumbersInPage(kiosk.page, BULK)));
  await expect(kiosk.pending()).toHaveText(String(BULK + 2));

  // Three hours pass, offline: backoff, heartbeats, idle resets and reconnect attempts run.
  for (let i = 0; i < 36; i++) {
    await kiosk.page.clock.runFor('05:00');
    await expect(kiosk.page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
  }
  await expect(kiosk.pending()).toHaveText(String(BULK + 2));

  // The page reloads (from the service worker); two more guests.
  await kiosk.page.reload();
  await kiosk.ready();
  await expect(kiosk.pending()).toHaveText(String(BULK + 2));
  shown.push(await kiosk.shoeCare({ pairs: 1, room: '1208' }));
  await done(kiosk.page);
  await kiosk.feedback({ rating: 5, categories: ['service'], comment: 'Waited a long time offline' });
  await done(kiosk.page);
  const total = BULK + 4; // commands: 203 requests + 1 feedback
  await expect(kiosk.pending()).toHaveText(String(total));
  const kioskTime = await kiosk.page.evaluate(() => Date.now());

  // The browser closes and starts again on the same profile, still offline.
  await context.close();
  context = await launch();
  await context.clock.install({ time: kioskTime });
  await context.setOffline(true);
  kiosk = new KioskPage(await firstPage(context));
  await kiosk.page.goto(`${server.url}/kiosk/`);
  await kiosk.ready();
  await expect(kiosk.pending()).toHaveText(String(total));
  const queued = (await readOutbox(kiosk.page)).sort((a, b) => a.seq - b.seq);
  expect(queued.map((q) => q.seq)).toEqual(queued.map((_, i) => i + 1));
  expect(queued.filter((q) => q.ticket).map((q) => q.ticket)).toEqual(shown);
  expect(new Set(shown).size).toBe(shown.length);
  expect(shown).toHaveLength(BULK + 3);

  // The network returns.
  await context.setOffline(false);
  await expect.poll(async () => (await readOutbox(kiosk.page)).length, { timeout: 60_000 }).toBe(0);
  await expect(kiosk.pending()).toBeHidden();

  // As staff: each request once, in the order the guests made them.
  const snapshot = await staff.get('/api/sync/snapshot');
  expect(snapshot.status).toBe(200);
  const requests = snapshot.body.requests as { ticket: string; createdAt: string; clientCreatedAt: string }[];
  expect(requests.map((r) => r.ticket).sort()).toEqual([...shown].sort());
  // Numbers and the kiosk's creation times agree with the order the guests came in. (The server's `createdAt` is
  // that time plus the clock offset measured on each push, so across two pushes it can differ by the network's
  // delay — more than the milliseconds between two of the bulk guests here; it is not compared.)
  const byTicket = [...requests].sort((a, b) => a.ticket.localeCompare(b.ticket));
  expect(byTicket.map((r) => r.ticket)).toEqual(shown);
  for (let i = 1; i < byTicket.length; i++) {
    expect(byTicket[i]!.clientCreatedAt >= byTicket[i - 1]!.clientCreatedAt, `${byTicket[i]!.ticket} made after ${byTicket[i - 1]!.ticket}`).toBe(true);
  }
  const firstSeen = [...new Map((await staffFeed(staff)).map((r) => [r.id, r.ticket])).values()];
  expect(firstSeen).toEqual(shown); // applied in the guests' order
  const devices = await staff.get('/api/devices');
  const me = (devices.body.devices as { name: string; lastSeq: number; serverRejected: number }[]).find((d) => d.name === 'Lobby kiosk A')!;
  expect(me).toMatchObject({ lastSeq: total, serverRejected: 0 });
  // The device's commands on the server: the kiosk's outbox, number for number, each applied once.
  const commands = await server.store.db
    .selectFrom('commands')
    .innerJoin('devices', 'devices.id', 'commands.device_id')
    .select(['commands.seq', 'commands.command_id', 'commands.outcome'])
    .where('devices.name', '=', 'Lobby kiosk A')
    .orderBy('commands.seq')
    .execute();
  expect(commands.map((c) => [c.seq, c.command_id])).toEqual(queued.map((q) => [q.seq, q.id]));
  expect(commands.every((c) => c.outcome === 'applied')).toBe(true);
  await context.close();
});
