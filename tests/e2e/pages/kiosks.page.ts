import { expect, type Page } from '@playwright/test';

/** The staff tablet's "Kiosks & displays" screen (supervisors and managers). */
export class KiosksPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-kiosks').click();
    await expect(this.page.locator('.devices-table, [data-testid="devices-empty"]')).toBeVisible();
  }

  row(name: string) {
    return this.page.locator(`[data-testid="device-row"][data-name="${name}"]`);
  }

  status(name: string) {
    return this.row(name).getByTestId('device-status');
  }

  async refresh(): Promise<void> {
    await this.page.getByTestId('devices-refresh').click();
  }

  async revoke(name: string): Promise<void> {
    await this.row(name).getByTestId('device-revoke').click();
    await this.page.getByTestId('device-revoke-confirm').click();
    await expect(this.status(name)).toHaveAttribute('data-state', 'revoked');
  }
}
