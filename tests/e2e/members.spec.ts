import { expect, test } from '@playwright/test';
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

test('an agent tops up within the limit, asks for approval above it, and sees the supervisor’s approval live', async ({ browser }) => {
  const agentCtx = await browser.newContext({ viewport: TABLET });
  const agent = new AdminPage(await agentCtx.newPage());
  const page = agent.page;
  await agent.login(server.url, 'agent1', '1111');
  await page.getByTestId('nav-members').click();

  // Search by name and open the profile.
  await page.getByTestId('member-search').fill('Guo Rui');
  await page.getByTestId('member-search').press('Enter');
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await page.getByTestId('member-row').click();
  const balance = page.getByTestId('member-balance');
  await expect(balance).toHaveAttribute('data-minor', '27300');
  await expect(page.getByTestId('ledger-entry').first()).toBeVisible();
  await expect(page.getByTestId('balance-limit')).toContainText('¥500.00');
  await keepScreenshot(page, 'admin-members-profile');

  // A top-up within the agent's limit applies at once.
  await page.getByTestId('balance-op').selectOption('topup');
  await page.getByTestId('balance-amount').fill('200');
  await page.getByTestId('balance-reason').fill('Cash top-up at the desk');
  await page.getByTestId('balance-submit').click();
  await expect(balance).toHaveAttribute('data-minor', '47300');
  await expect(page.getByTestId('balance-status')).toHaveAttribute('data-state', 'applied');
  await expect(page.locator('[data-testid="ledger-entry"][data-kind="topup"]').first()).toContainText('Cash top-up at the desk');

  // An adjustment above the limit: the form says so, and the change waits for approval.
  await page.getByTestId('balance-op').selectOption('adjust');
  await page.getByTestId('balance-amount').fill('800');
  await expect(page.getByTestId('needs-approval')).toBeVisible();
  await page.getByTestId('balance-reason').fill('Compensation: room not ready for four hours');
  await keepScreenshot(page, 'admin-members-over-limit');
  await page.getByTestId('balance-submit').click();
  await expect(page.getByTestId('balance-status')).toContainText(/waiting for approval/i);
  await expect(balance).toHaveAttribute('data-minor', '47300');
  await expect(page.getByTestId('approval-row')).toHaveCount(1);
  await expect(page.getByTestId('approval-approve')).toHaveCount(0); // an agent cannot approve, least of all their own
  await keepScreenshot(page, 'admin-members-pending');

  // The supervisor, on another tablet, approves it from the inbox.
  const superCtx = await browser.newContext({ viewport: TABLET });
  const sup = new AdminPage(await superCtx.newPage());
  await sup.login(server.url, 'super1', '2222');
  await sup.page.getByTestId('nav-members').click();
  const row = sup.page.getByTestId('approvals-inbox').getByTestId('approval-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Guo Rui');
  await expect(row).toContainText('Compensation: room not ready');
  await keepScreenshot(sup.page, 'admin-members-approvals');
  await row.getByTestId('approval-note').fill('Checked with front office');
  await row.getByTestId('approval-approve').click();
  await expect(sup.page.getByTestId('approvals-inbox').getByTestId('approval-row')).toHaveCount(0);

  // The agent's screen follows live: the new balance and a ledger entry naming both.
  await expect(balance).toHaveAttribute('data-minor', '127300', { timeout: 10_000 });
  const adjust = page.locator('[data-testid="ledger-entry"][data-kind="adjust"]').first();
  await expect(adjust).toContainText('Compensation: room not ready');
  await expect(adjust).toContainText(/approved by/i);
  await expect(page.getByTestId('approval-row')).toHaveCount(0);
  await expect(page.getByTestId('balance-status')).toHaveAttribute('data-state', 'approved');
  await keepScreenshot(page, 'admin-members-approved');
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('balance-submit')).toHaveText('确认');
  await keepScreenshot(page, 'admin-members-zh');
  await page.getByTestId('lang-toggle').click();

  // The supervisor prints the card.
  await sup.page.getByTestId('member-search').fill('Guo Rui');
  await sup.page.getByTestId('member-search').press('Enter');
  await sup.page.getByTestId('member-row').click();
  await sup.page.getByTestId('print-card').click();
  await expect(sup.page.getByTestId('print-card-view').locator('svg')).toBeVisible();
  await keepScreenshot(sup.page, 'admin-members-card');
  await sup.page.getByTestId('card-close').click();
  await expect(sup.page.getByTestId('reissue-card')).toBeVisible();

  await superCtx.close();
  await agentCtx.close();
});
