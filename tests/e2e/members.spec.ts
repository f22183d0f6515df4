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
  // The agent's authority is a daily budget: all of it is left before the first change of the day.
  const budget = page.getByTestId('my-limits');
  await expect(budget).toContainText('Left today');
  await expect(budget.getByTestId('budget-topup')).toHaveText('Top-up: ¥500.00 · 5,000 pts');
  await expect(budget.getByTestId('budget-adjust')).toHaveText('Adjust / compensate: ¥500.00 · 5,000 pts');
  await keepScreenshot(page, 'admin-members-profile');

  // A top-up within the agent's limit applies at once.
  await page.getByTestId('balance-op').selectOption('topup');
  await page.getByTestId('balance-amount').fill('200');
  await page.getByTestId('balance-reason').fill('Cash top-up at the desk');
  await page.getByTestId('balance-submit').click();
  await expect(balance).toHaveAttribute('data-minor', '47300');
  await expect(page.getByTestId('balance-status')).toHaveAttribute('data-state', 'applied');
  await expect(page.locator('[data-testid="ledger-entry"][data-kind="topup"]').first()).toContainText('Cash top-up at the desk');

  // What is left shrinks: ¥300.00 of top-up today, so ¥400.00 (within the ¥500.00 limit) now needs approval.
  await expect(budget.getByTestId('budget-topup')).toHaveText('Top-up: ¥300.00 · 5,000 pts');
  await expect(budget.getByTestId('budget-redeem')).toHaveText('Redeem / refund: ¥500.00 · 5,000 pts');
  await expect(page.getByTestId('balance-limit')).toContainText('¥300.00 of ¥500.00');
  await page.getByTestId('balance-amount').fill('300');
  await expect(page.getByTestId('needs-approval')).toHaveCount(0);
  await page.getByTestId('balance-amount').fill('400');
  await expect(page.getByTestId('needs-approval')).toContainText('left today');
  await page.getByTestId('balance-amount').fill('');
  await page.getByTestId('balance-points').fill('6000');
  await expect(page.getByTestId('needs-approval')).toBeVisible();
  await page.getByTestId('balance-points').fill('');

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
  // Approving draws on the supervisor's own budget: ¥5,000.00 − ¥800.00.
  await expect(sup.page.getByTestId('my-limits').getByTestId('budget-adjust')).toHaveText('Adjust / compensate: ¥4,200.00 · 50,000 pts');

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
  await expect(budget).toContainText('今日剩余额度');
  await expect(budget.getByTestId('budget-topup')).toHaveText('充值：¥300.00 · 5,000 积分');
  await keepScreenshot(page, 'admin-members-zh');
  await page.getByTestId('lang-toggle').click();

  // The supervisor prints the card.
  await sup.page.getByTestId('member-search').fill('Guo Rui');
  await sup.page.getByTestId('member-search').press('Enter');
  await expect(sup.page.getByTestId('member-row')).toHaveCount(1); // the search answered (not the list from before it)
  await sup.page.getByTestId('member-row').click();
  await sup.page.getByTestId('print-card').click();
  await expect(sup.page.getByTestId('print-card-view').locator('svg')).toBeVisible();
  await keepScreenshot(sup.page, 'admin-members-card');
  await sup.page.getByTestId('card-close').click();
  await expect(sup.page.getByTestId('reissue-card')).toBeVisible();

  await superCtx.close();
  await agentCtx.close();
});

test('a manager sets points limits next to the money limits, and has no budget of their own', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: TABLET });
  const manager = new AdminPage(await ctx.newPage());
  const page = manager.page;
  await manager.login(server.url, 'manager1', '3333');
  await page.getByTestId('nav-members').click();
  await expect(page.getByTestId('my-limits')).toHaveText('Managers have no limit.');
  await page.getByTestId('authority-open').click();
  const dialog = page.getByTestId('authority-dialog');
  await expect(dialog.getByTestId('limit-agent-topup')).toHaveValue('500');
  await expect(dialog.getByTestId('limit-agent-topup-points')).toHaveValue('5000');
  await expect(dialog).toContainText('daily budget');
  await dialog.getByTestId('limit-agent-topup-points').fill('2000');
  await keepScreenshot(page, 'admin-members-authority');
  await dialog.getByTestId('authority-save').click();
  await expect(dialog.getByTestId('authority-saved')).toBeVisible();

  // An agent signing in now sees the new points budget.
  const agentCtx = await browser.newContext({ viewport: TABLET });
  const agent = new AdminPage(await agentCtx.newPage());
  await agent.login(server.url, 'agent2', '1112');
  await agent.page.getByTestId('nav-members').click();
  await expect(agent.page.getByTestId('my-limits').getByTestId('budget-topup')).toHaveText('Top-up: ¥500.00 · 2,000 pts');
  await agentCtx.close();
  await ctx.close();
});
