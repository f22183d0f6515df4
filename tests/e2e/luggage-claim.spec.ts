/**
 * Luggage pick-up at the kiosk, by touch: a claim code is checked when the
 * guest enters it (online against the ledger, offline by its check
 * character), a wrong code gets a plain message and no ticket; the staff row
 * shows the code and hands the bags back. The claim QR works by camera and
 * by USB scanner. Typed member card codes: a typo is a typo, a replaced card
 * is replaced.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { cardCode } from '../../shared/domain/card-token.ts';
import { makeClaimCode } from '../../shared/domain/claim-code.ts';
import { findChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { qrFrame, writeY4m } from '../support/y4m.ts';
import { StaffDriver } from '../integration/helpers.ts';
import { AdminPage } from './pages/admin.page.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_PORTRAIT, TABLET, keepScreenshot } from './support.ts';
import { tapClear, tapType } from './touch.ts';

let server: TestServer;
let desk: StaffDriver;

test.beforeAll(async () => {
  server = await startTestServer();
  desk = await new StaffDriver(server.url).login('agent2', '1112');
});
test.afterAll(async () => {
  await server?.stop(true);
});

/** Bags checked in at the desk under a fresh claim code; returns the code. */
async function storedBags(bags = 2): Promise<string> {
  const code = makeClaimCode();
  const tags = Array.from({ length: bags }, (_, i) => `T${i + 1}${code}`);
  const r = await desk.push([
    {
      id: uuidv7(),
      deviceId: desk.deviceId,
      seq: desk.nextSeq++,
      type: 'luggage.store',
      createdAt: new Date().toISOString(),
      payload: { itemId: uuidv7(), requestId: null, claimCode: code, bags, tags, location: 'Shelf D2', guestName: 'Zhao Lei', room: '0902', notes: null, expectedPickupAt: null },
    },
  ]);
  expect(r.body.outcomes[0]).toMatchObject({ outcome: 'applied' });
  return code;
}

const pickups = () => server.store.db.selectFrom('service_requests').select(['ticket', 'status', 'details']).where('kind', '=', 'luggage_out').execute();
const typoOf = (code: string) => code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);

test('a wrong claim code gets a plain message and no ticket; the right one a ticket, whose staff row shows the code and hands the bags back', async ({ browser }) => {
  const code = await storedBags(2);
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  const page = kiosk.page;
  await kiosk.open(server.url, server.demo!.kioskToken);
  await page.getByTestId('tile-luggage-out').click();
  const input = page.getByTestId('claim-input');

  // A well-formed code nobody stored: the ledger says no.
  await tapType(input, makeClaimCode());
  await page.getByTestId('claim-submit').click();
  await expect(page.getByTestId('pickup-error')).toHaveText(/no bags in store under this code/);
  await expect(page.getByTestId('ticket-number')).toHaveCount(0);
  await keepScreenshot(page, 'kiosk-claim-unknown-portrait');

  // A typo: the check character catches it as the last character is tapped.
  await tapClear(input);
  await tapType(input, typoOf(code));
  await expect(page.getByTestId('pickup-error')).toHaveText(/a character is wrong/);
  await expect(page.getByTestId('claim-submit')).toBeDisabled();
  await expect(page.getByTestId('ticket-number')).toHaveCount(0);
  await keepScreenshot(page, 'kiosk-claim-typo-portrait');
  expect(await pickups()).toEqual([]);

  // The right code.
  await tapClear(input);
  await tapType(input, code);
  await expect(page.getByTestId('pickup-error')).toBeHidden();
  await page.getByTestId('claim-submit').click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z]\d{3,4}$/);
  const ticket = (await page.getByTestId('ticket-number').textContent())!.trim();
  await expect.poll(async () => (await pickups()).map((r) => r.ticket)).toEqual([ticket]);
  await context.close();

  // The desk: the row shows the code; Hand back opens the hand-back with the code filled in.
  const tablet = await browser.newContext({ viewport: TABLET });
  const admin = new AdminPage(await tablet.newPage());
  await admin.login(server.url, 'agent1', '1111');
  const row = admin.page.locator(`[data-testid="request-row"][data-ticket="${ticket}"]`);
  await expect(row.getByTestId('row-claim')).toHaveAttribute('data-claim', code);
  await expect(row.getByTestId('row-claim')).toContainText(`${code.slice(0, 4)} ${code.slice(4)}`);
  await expect(row.getByTestId('action-handback')).toBeVisible();
  await keepScreenshot(admin.page, 'admin-queue-claim-row');
  await row.getByTestId('action-handback').click();
  const dialog = admin.page.getByTestId('release-dialog');
  await expect(dialog.getByTestId('release-claim')).toHaveValue(code);
  await dialog.getByTestId('release-bags').fill('2');
  await dialog.getByTestId('release-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toHaveCount(0);
  await expect.poll(async () => (await pickups()).find((r) => r.ticket === ticket)?.status).toBe('completed');
  const item = await server.store.db.selectFrom('luggage_items').select(['status', 'released_by']).where('claim_code', '=', code).executeTakeFirstOrThrow();
  expect(item.status).toBe('released');
  await tablet.close();
});

test('offline, a mistyped code is caught by its check character and issues no ticket; a right one still gets its ticket', async ({ browser }) => {
  const code = await storedBags(1);
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  const page = kiosk.page;
  await kiosk.open(server.url, server.demo!.kioskToken);
  const before = (await pickups()).length;
  await context.setOffline(true);
  await page.getByTestId('tile-luggage-out').click();
  const input = page.getByTestId('claim-input');
  // Two neighbours swapped: the most common slip.
  const swapped = code[2] === code[3] ? typoOf(code) : code.slice(0, 2) + code[3] + code[2] + code.slice(4);
  await tapType(input, swapped);
  await expect(page.getByTestId('pickup-error')).toHaveText(/a character is wrong/);
  await expect(page.getByTestId('claim-submit')).toBeDisabled();
  await expect(page.getByTestId('ticket-number')).toHaveCount(0);
  await tapClear(input);
  await tapType(input, code);
  await page.getByTestId('claim-submit').click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z]\d{3,4}$/);
  await context.setOffline(false);
  await expect.poll(async () => (await pickups()).length, { timeout: 30_000 }).toBe(before + 1);
  await context.close();
});

async function browserWithCamera(video: string): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
}

test('the claim ticket’s QR held up to the camera starts the pick-up', async () => {
  const code = await storedBags(1);
  const dir = await mkdtemp(join(tmpdir(), 'lobbydesk-claim-camera-'));
  const video = join(dir, 'claim.y4m');
  await writeY4m(video, await qrFrame(code));
  const browser = await browserWithCamera(video);
  try {
    const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
    await context.grantPermissions(['camera'], { origin: server.url });
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(server.url, server.demo!.kioskToken);
    await kiosk.page.getByTestId('tile-luggage-out').click();
    await kiosk.page.getByTestId('claim-scan').click();
    await expect(kiosk.page.getByTestId('claim-scanner')).toBeVisible();
    await expect(kiosk.page.getByTestId('ticket-number')).toHaveText(/^[A-Z]\d{3,4}$/, { timeout: 20_000 });
    const ticket = (await kiosk.page.getByTestId('ticket-number').textContent())!.trim();
    await expect.poll(async () => (await pickups()).find((r) => r.ticket === ticket)?.details).toEqual({ kind: 'luggage_out', claimCode: code });
  } finally {
    await browser.close();
  }
});

/**
 * A USB scanner: a burst of key presses ending in Enter, all within a few ms (dispatched in one go in
 * the page, so a loaded test machine cannot stretch the gaps between them the way separate
 * `keyboard.type` calls can for a code this short).
 */
async function scannerReads(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...t, 'Enter']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }, text);
}

test('a USB scanner reading the claim QR on the home screen starts the pick-up; a code nobody stored gets the message', async ({ browser }) => {
  const code = await storedBags(1);
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  const page = kiosk.page;
  await kiosk.open(server.url, server.demo!.kioskToken);
  await scannerReads(page, makeClaimCode());
  await expect(page.getByTestId('pickup-error')).toHaveText(/no bags in store under this code/);
  await expect(page.getByTestId('ticket-number')).toHaveCount(0);
  await scannerReads(page, code);
  await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z]\d{3,4}$/, { timeout: 15_000 });
  const ticket = (await page.getByTestId('ticket-number').textContent())!.trim();
  await expect.poll(async () => (await pickups()).find((r) => r.ticket === ticket)?.details).toEqual({ kind: 'luggage_out', claimCode: code });
  await context.close();
});

test('a typo in a typed member card code is reported as a typo; a replaced card still as replaced', async ({ browser }) => {
  const m = await server.store.db.selectFrom('members').select(['card_id', 'card_version']).where('name', '=', 'Ma Lin').executeTakeFirstOrThrow();
  const current = cardCode(m.card_id, m.card_version).replace(/-/g, '');
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  const page = kiosk.page;
  await kiosk.open(server.url, server.demo!.kioskToken);

  // A slip in the last characters (the version and the check character).
  const typo = current.slice(0, 11) + (current[11] === 'A' ? 'B' : 'A') + current[12];
  await kiosk.enterCardCode(typo);
  await expect(page.getByTestId('card-error')).toHaveText(/a character is wrong/);
  await expect(page.getByTestId('card-error')).not.toHaveText(/replaced/);
  await expect(page.getByTestId('balance-name')).toHaveCount(0);
  await keepScreenshot(page, 'kiosk-card-typo-portrait');

  // The card is reissued: its old code, typed right, is "replaced".
  await server.store.db.updateTable('members').set({ card_version: m.card_version + 1 }).where('card_id', '=', m.card_id).execute();
  const input = page.getByTestId('card-code');
  await tapClear(input);
  await tapType(input, current);
  await page.getByTestId('card-submit').click();
  await expect(page.getByTestId('card-error')).toHaveText(/replaced by a newer one/);
  await context.close();
});
