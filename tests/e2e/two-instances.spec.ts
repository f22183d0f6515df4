import { expect, test } from '@playwright/test';
import { PG_SKIP_REASON, TEST_DATABASE_URL, freshDatabase } from '../support/pg.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_PORTRAIT, TABLET } from './support.ts';

test.skip(!TEST_DATABASE_URL, PG_SKIP_REASON);

let a: TestServer;
let b: TestServer;
let db: { url: string; drop(): Promise<void> };

test.beforeAll(async () => {
  db = await freshDatabase('lobbydesk_e2e_two');
  a = await startTestServer({ databaseUrl: db.url });
  b = await startTestServer({ databaseUrl: db.url }); // same database: migrations and seed already done
});
test.afterAll(async () => {
  await b?.stop(true);
  await a?.stop(true);
  await db?.drop();
});

test('a ticket taken through instance A appears live on a tablet connected to instance B', async ({ browser }) => {
  expect(b.demo).toBeNull(); // B did not seed again
  const kioskContext = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const adminContext = await browser.newContext({ viewport: TABLET });
  const kiosk = new KioskPage(await kioskContext.newPage());
  const admin = new AdminPage(await adminContext.newPage());

  await admin.login(b.url, 'agent1', '1111');
  await kiosk.open(a.url, a.demo!.kioskToken);
  const ticket = await kiosk.callStaff('other');
  await expect(admin.row(ticket)).toHaveCount(1, { timeout: 10_000 });
  await expect(admin.page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');

  await kioskContext.close();
  await adminContext.close();
});
