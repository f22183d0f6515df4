import { expect, type Page } from '@playwright/test';

/** The lobby wall display. */
export class WallPage {
  constructor(readonly page: Page) {}

  async open(base: string, token: string): Promise<void> {
    await this.page.goto(`${base}/wall/#token=${token}`);
    await expect(this.page.locator('body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
  }

  waiting(ticket: string) {
    return this.page.getByTestId('waiting-ticket').filter({ hasText: ticket });
  }

  nowCalling() {
    return this.page.getByTestId('now-calling');
  }
}
