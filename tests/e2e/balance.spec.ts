import { expect, test } from '@playwright/test';
import { cardCode } from '../../shared/domain/card-token.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_PORTRAIT, keepScreenshot } from './support.ts';
import { tapClear, tapType } from './touch.ts';

let server: TestServer;

// Guest text goes in by tapping keys (tests/e2e/touch.ts): slower than `fill`.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

test('a member types the card code and sees the masked name, balance and points', async ({ browser }) => {
  const m = await server.store.db.selectFrom('members').select(['card_id', 'card_version', 'points']).where('name', '=', 'Hu Jun').executeTakeFirstOrThrow();
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);

  await kiosk.enterCardCode(cardCode(m.card_id, m.card_version));
  await expect(kiosk.page.getByTestId('balance-name')).toHaveText('H***');
  await expect(kiosk.page.getByTestId('balance-amount')).toHaveText('¥1,500.00');
  await expect(kiosk.page.getByTestId('balance-points')).toHaveText('9,900');
  await expect(kiosk.page.getByTestId('balance-tier')).toHaveText('Gold');
  await expect(kiosk.page.getByTestId('balance-entries').locator('li')).toHaveCount(5);
  await expect(kiosk.page.getByText('Hu Jun')).toHaveCount(0);
  await keepScreenshot(kiosk.page, 'kiosk-balance-portrait');

  await kiosk.page.getByTestId('balance-done').click();
  await expect(kiosk.page.getByTestId('my-balance')).toBeVisible();
  await context.close();
});

test('a wrong code, an old card and a lost connection each get a clear message', async ({ browser }) => {
  const context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(server.url, server.demo!.kioskToken);

  await kiosk.enterCardCode('AAAA-AAAA-AAAA');
  await expect(kiosk.page.getByTestId('card-error')).toHaveText(/could not find that card code/);
  await keepScreenshot(kiosk.page, 'kiosk-card-unknown-portrait');

  const m = await server.store.db.selectFrom('members').select(['card_id', 'card_version']).where('name', '=', 'Ma Lin').executeTakeFirstOrThrow();
  await server.store.db.updateTable('members').set({ card_version: m.card_version + 1 }).where('card_id', '=', m.card_id).execute();
  const input = kiosk.page.getByTestId('card-code');
  await tapClear(input);
  await tapType(input, cardCode(m.card_id, m.card_version));
  await kiosk.page.getByTestId('card-submit').click();
  await expect(kiosk.page.getByTestId('card-error')).toHaveText(/replaced by a newer one/);

  await context.setOffline(true);
  await tapClear(input);
  await tapType(input, cardCode(m.card_id, m.card_version + 1));
  await kiosk.page.getByTestId('card-submit').click();
  await expect(kiosk.page.getByTestId('card-error')).toHaveText(/not available offline/);
  await context.setOffline(false);
  await kiosk.page.getByTestId('card-submit').click();
  await expect(kiosk.page.getByTestId('balance-name')).toHaveText('M***');
  await context.close();
});
