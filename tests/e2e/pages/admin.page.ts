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
}
