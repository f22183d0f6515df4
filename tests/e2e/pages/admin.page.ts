import { expect, type Page } from '@playwright/test';

/** The staff tablet. */
export class AdminPage {
  constructor(readonly page: Page) {}

  async login(base: string, staffId: string, pin: string): Promise<void> {
    await this.page.goto(`${base}/admin/`);
    await this.page.getByTestId('staff-id').fill(staffId);
    await this.page.getByTestId('pin').fill(pin);
    await this.page.getByTestId('login-submit').click();
    await expect(this.page.locator('body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
  }

  row(ticket: string) {
    return this.page.locator(`[data-testid="request-row"][data-ticket="${ticket}"]`);
  }

  rows() {
    return this.page.getByTestId('request-row');
  }

  async act(ticket: string, action: string): Promise<void> {
    await this.row(ticket).getByTestId(`action-${action}`).click();
  }

  /** The actions a row offers, by name (`action-call` → `call`), sorted. */
  async shownActions(ticket: string): Promise<string[]> {
    const ids = await this.row(ticket).locator('[data-testid^="action-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    return ids.map((id) => id.replace(/^action-/, '')).sort();
  }

  toasts() {
    return this.page.getByTestId('toast');
  }

  transferDialog() {
    return this.page.getByTestId('transfer-dialog');
  }
}
