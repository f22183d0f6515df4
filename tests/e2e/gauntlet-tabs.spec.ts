/**
 * Gauntlet: two tabs of one kiosk (same browser context, same IndexedDB),
 * both offline, each takes tickets. Back online, one flusher (Web Lock)
 * delivers the shared outbox: every ticket reaches the server exactly once,
 * with no sequence gap and nothing rejected.
 */
import { expect, test } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/server.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { idbCount, KIOSK_PORTRAIT } from './support.ts';

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});


test('two offline tabs of one kiosk deliver every ticket exactly once when the network returns', async ({ browser }) => {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const first = new KioskPage(await context.newPage());
  await first.open(server.url, server.demo!.kioskToken);
  const second = new KioskPage(await context.newPage());
  await second.page.goto(`${server.url}/kiosk/`); // the token is already stored for this origin
  await second.ready();
  const deviceId = (await server.store.db.selectFrom('devices').select('id').where('kind', '=', 'kiosk').executeTakeFirstOrThrow()).id;
  const before = (await server.store.db.selectFrom('service_requests').select('ticket').where('device_id', '=', deviceId).execute()).length;

  await context.setOffline(true);
  const tickets: string[] = [];
  for (let round = 0; round < 2; round++) {
    for (const tab of [first, second]) {
      tickets.push(await tab.callStaff('question'));
      await tab.done();
    }
  }
  expect(new Set(tickets).size, `tickets shown: ${tickets.join(', ')}`).toBe(4);
  expect(await idbCount(first.page, 'outbox')).toBe(4);

  await context.setOffline(false);
  await expect
    .poll(async () => (await server.store.db.selectFrom('service_requests').select('ticket').where('device_id', '=', deviceId).execute()).length, { timeout: 40_000 })
    .toBe(before + 4);
  await expect.poll(() => idbCount(first.page, 'outbox'), { timeout: 20_000 }).toBe(0);

  const rows = await server.store.db.selectFrom('service_requests').select('ticket').where('device_id', '=', deviceId).execute();
  const onServer = rows.map((r) => r.ticket);
  for (const t of tickets) expect(onServer.filter((x) => x === t), t).toHaveLength(1);
  expect(new Set(onServer).size).toBe(onServer.length);
  // Seqs on the server are 1..n without a gap, and nothing was rejected or left behind.
  const cmds = await server.store.db.selectFrom('commands').select(['seq', 'outcome']).where('device_id', '=', deviceId).orderBy('seq').execute();
  expect(cmds.map((c) => c.seq)).toEqual(cmds.map((_, i) => i + 1));
  expect(cmds.every((c) => c.outcome === 'applied')).toBe(true);
  expect(await idbCount(first.page, 'rejected')).toBe(0);
  expect(await idbCount(second.page, 'outbox')).toBe(0);
  await expect(first.page.locator('.footer__pending')).toBeHidden();
  await expect(second.page.locator('.footer__pending')).toBeHidden();
  await context.close();
});
