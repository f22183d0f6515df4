/**
 * Sign-in refused for too many attempts: the tablet says the real wait the
 * server gave (not "wait a minute" while the account is locked for an hour),
 * in English and Chinese, and the person's own tablet, which they signed in on
 * before, still signs them in while unknown devices are locked out.
 */
import { expect, test, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/server.ts';
import { AdminPage } from './pages/admin.page.ts';
import { TABLET, keepScreenshot } from './support.ts';

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  await server?.stop(true);
});

async function signIn(page: Page, staffId: string, pin: string): Promise<void> {
  await page.getByTestId('staff-id').fill(staffId);
  await page.getByTestId('pin').fill(pin);
  await page.getByTestId('login-submit').click();
}

test('a locked account: an unknown tablet is told the real wait in both languages; her own tablet signs her in', async ({ browser }) => {
  // Her tablet: she signed in on it before (it keeps the server's trust cookie), and signed out at the end of a shift.
  const own = await browser.newContext({ viewport: TABLET });
  const tablet = new AdminPage(await own.newPage());
  await tablet.login(server.url, 'agent2', '1112');
  await tablet.page.getByTestId('logout').click();
  await expect(tablet.page.getByTestId('login-submit')).toBeVisible();

  // Someone guessed her PIN from elsewhere until the account locked for unknown devices: 13 min 50 s are left.
  const now = Date.now();
  await server.store.db
    .insertInto('auth_attempts')
    .values({ scope: 'pin:account', key: 'agent2', count: 50, window_ends: new Date(now + 830_000), locked_until: new Date(now + 830_000) })
    .execute();

  const other = await browser.newContext({ viewport: TABLET, locale: 'en-GB' });
  const page = await other.newPage();
  await page.goto(`${server.url}/admin/`);
  await signIn(page, 'agent2', '1112');
  const error = page.getByTestId('login-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('Try again in 14 minutes');
  await expect(error).not.toContainText('Wait a minute');
  await keepScreenshot(page, 'admin-login-wait-1280');
  await page.getByTestId('lang-toggle').click();
  await expect(error).toContainText('请 14 分钟后再试');
  await expect(page.getByTestId('staff-name')).toHaveCount(0);

  // Her own tablet, meanwhile: in.
  await signIn(tablet.page, 'agent2', '1112');
  await expect(tablet.page.getByTestId('staff-name')).toContainText('Tom Baker');
  await own.close();
  await other.close();
});

test('held back a few seconds after wrong PINs from this tablet: the tablet says how many', async ({ browser }) => {
  const context = await browser.newContext({ viewport: TABLET, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.url}/admin/`);
  // Five wrong PINs from this address for super1: the next try is due in 45 s.
  const now = Date.now();
  await server.store.db
    .insertInto('auth_attempts')
    .values({ scope: 'pin:source', key: 'super1 127.0.0.1', count: 5, window_ends: new Date(now + 3_600_000), locked_until: new Date(now + 45_000) })
    .execute();
  await signIn(page, 'super1', '2222');
  const error = page.getByTestId('login-error');
  await expect(error).toContainText(/Try again in 4\d seconds/);
  await page.getByTestId('lang-toggle').click();
  await expect(error).toContainText(/请 4\d 秒后再试/);
  await context.close();
});
