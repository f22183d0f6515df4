/**
 * Gauntlet: a deploy while kiosks run. "The new version takes over when idle;
 * no reload loop."
 *
 * The server serves a copy of the built apps from a temporary folder, and a
 * deploy changes that copy the way a new build does: index.html changes (it
 * names its build in a meta tag here) and so do its precache revision and the
 * bytes of sw.js — a real new service worker version, which the browser finds
 * with `registration.update()` (what the kiosk's 30-minute check calls),
 * installs and keeps waiting. Time moves with Playwright's clock.
 *
 * An old kiosk talking to a newer server gets `426 protocol_outdated`; that
 * answer is tested in tests/integration/access.test.ts, not here.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/server.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_PORTRAIT } from './support.ts';

let server: TestServer;
let staticDir: string;
let originalHtml: string;

test.beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'lobbydesk-deploy-'));
  await cp(resolve(process.env.LOBBYDESK_DIST ?? 'dist'), staticDir, { recursive: true });
  originalHtml = await readFile(join(staticDir, 'kiosk', 'index.html'), 'utf8');
  server = await startTestServer({ staticDir });
});
test.afterAll(async () => {
  await server?.stop(true);
  if (staticDir) await rm(staticDir, { recursive: true, force: true });
});

/** Puts build `build` of the kiosk in place: a new index.html, and sw.js precaching it under its new revision. */
async function deploy(build: string): Promise<void> {
  const dir = join(staticDir, 'kiosk');
  const html = originalHtml.replace('</head>', `<meta name="lobbydesk-build" content="${build}" />\n</head>`);
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  const revision = createHash('md5').update(html).digest('hex');
  const next = sw.replace(/\{url:"index\.html",revision:"[0-9a-f]+"\}/, `{url:"index.html",revision:"${revision}"}`);
  expect(next, 'sw.js precaches index.html with a revision').not.toBe(sw);
  await writeFile(join(dir, 'index.html'), html);
  await writeFile(join(dir, 'sw.js'), next);
}

/** The build the page runs (null: the one first built). */
function runningBuild(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('meta[name="lobbydesk-build"]')?.getAttribute('content') ?? null);
}

/** Asks the browser to look for a new service worker now, as the kiosk's periodic check does; answers once the check is done. */
function checkForUpdate(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg?.update();
  });
}

/** The service worker registration's state: is a new version installing or waiting, and is the page controlled. */
function registration(page: Page): Promise<{ installing: boolean; waiting: boolean; controlled: boolean }> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { installing: !!reg?.installing, waiting: !!reg?.waiting, controlled: !!navigator.serviceWorker.controller };
  });
}

async function kioskTickets(): Promise<string[]> {
  return (await server.store.db.selectFrom('service_requests').select('ticket').orderBy('ticket').execute()).map((r) => r.ticket);
}

test('a new version waits for an idle kiosk with an empty outbox, reloads it exactly once, and never loops', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT, serviceWorkers: 'allow' });
  await context.clock.install();
  const kiosk = new KioskPage(await context.newPage());
  const page = kiosk.page;
  await kiosk.open(server.url, server.demo!.kioskToken);
  await kiosk.serviceWorkerControls();
  expect(await runningBuild(page)).toBeNull();
  let loads = 0;
  page.on('load', () => (loads += 1));

  // A guest is in the middle of "Call staff" when build 2 is deployed and found.
  await page.getByTestId('call-staff').click();
  await page.getByTestId('reason-question').click();
  await deploy('2');
  await checkForUpdate(page);
  await expect.poll(() => registration(page), { timeout: 20_000 }).toMatchObject({ installing: false, waiting: true });

  // Mid-flow, nothing moves. The guest takes a number offline, so it waits in the outbox.
  await context.setOffline(true);
  await page.getByTestId('skip-details').click();
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('ticket-number')).toHaveText('A001');
  await expect(kiosk.pending()).toHaveText('1');

  // The guest walks away: the ticket screen runs out and the idle timers run. Idle, but the outbox is not empty: no take-over.
  await page.clock.runFor(20_000);
  await expect(page.getByTestId('call-staff')).toBeVisible();
  await page.clock.runFor(2 * 60_000);
  await expect(page.getByTestId('call-staff')).toBeVisible();
  expect(await registration(page)).toMatchObject({ waiting: true, controlled: true });
  expect(loads).toBe(0);
  expect(await runningBuild(page)).toBeNull();

  // The network returns: the ticket goes out, the outbox empties, and build 2 takes over with one reload.
  await context.setOffline(false);
  await expect.poll(kioskTickets, { timeout: 30_000 }).toEqual(['A001']);
  await expect.poll(() => loads, { timeout: 30_000 }).toBe(1);
  await kiosk.ready();
  expect(await runningBuild(page)).toBe('2');
  await expect(page.locator('body[data-sw="controlled"]')).toBeAttached();
  expect(await registration(page)).toMatchObject({ installing: false, waiting: false, controlled: true });

  // No loop: a further check finds nothing new, and nothing reloads.
  await checkForUpdate(page);
  expect(await registration(page)).toMatchObject({ installing: false, waiting: false });
  await expect(page.getByTestId('call-staff')).toBeVisible();
  expect(loads).toBe(1);

  // Build 3 arrives within 5 minutes of that reload (two server versions during a rolling deploy look like this).
  // It takes over the idle kiosk, but the reload guard holds the reload back; the guest screens stay usable.
  await deploy('3');
  await checkForUpdate(page);
  await expect.poll(() => registration(page), { timeout: 20_000 }).toMatchObject({ installing: false, waiting: false });
  await expect(page.getByTestId('call-staff')).toBeVisible();
  expect(loads).toBe(1);
  expect(await runningBuild(page)).toBe('2');
  await page.getByTestId('call-staff').click(); // usable: not stuck on "Updating…"
  await expect(page.getByTestId('reason-question')).toBeVisible();

  // When the gap is over (and the kiosk idle), build 3 is loaded — once.
  await page.clock.runFor(2 * 60_000); // the guest walked away from the reason screen (60 s, then the 20 s warning)
  await expect(page.getByTestId('call-staff')).toBeVisible();
  expect(loads).toBe(1);
  await page.clock.runFor(4 * 60_000);
  await expect.poll(() => loads, { timeout: 20_000 }).toBe(2);
  await kiosk.ready();
  expect(await runningBuild(page)).toBe('3');

  // Half an hour on: the kiosk's own update check runs, finds nothing new, and nothing reloads.
  await page.clock.fastForward('31:00');
  await checkForUpdate(page);
  expect(await registration(page)).toMatchObject({ installing: false, waiting: false, controlled: true });
  await expect(page.getByTestId('call-staff')).toBeVisible();
  expect(loads).toBe(2);
  expect(await kioskTickets()).toEqual(['A001']);
  await context.close();
});
