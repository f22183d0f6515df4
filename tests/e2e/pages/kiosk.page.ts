import { expect, type Page } from '@playwright/test';

/** The guest kiosk, driven the way a guest would. */
export class KioskPage {
  constructor(readonly page: Page) {}

  async open(base: string, token: string): Promise<void> {
    await this.page.goto(`${base}/kiosk/#token=${token}`);
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.page.locator('body[data-ready="true"]')).toBeAttached({ timeout: 20_000 });
  }

  /** Waits until the service worker controls the page, so it can reload offline. */
  async serviceWorkerControls(): Promise<void> {
    await this.page.evaluate(() => navigator.serviceWorker.ready);
    if (!(await this.page.evaluate(() => !!navigator.serviceWorker.controller))) await this.page.reload();
    await expect(this.page.locator('body[data-sw="controlled"]')).toBeAttached({ timeout: 20_000 });
  }

  /** Takes a ticket through "Call staff" and returns the number shown. */
  async callStaff(reason: 'question' | 'luggage_help' | 'complaint' | 'other' = 'question'): Promise<string> {
    await this.page.getByTestId('call-staff').click();
    await this.page.getByTestId(`reason-${reason}`).click();
    const skip = this.page.getByTestId('skip-details');
    if (await skip.isVisible().catch(() => false)) await skip.click();
    await this.page.getByTestId('confirm').click();
    const ticket = this.page.getByTestId('ticket-number');
    await expect(ticket).toHaveText(/^[A-Z]\d{3,4}$/);
    return (await ticket.textContent())!.trim();
  }

  async done(): Promise<void> {
    await this.page.getByTestId('done').click();
    await expect(this.page.getByTestId('call-staff')).toBeVisible();
  }

  pending() {
    return this.page.getByTestId('pending-count');
  }

  /** Home → "My balance" → types a member card code on the keypad and submits it. */
  async enterCardCode(code: string): Promise<void> {
    await this.page.getByTestId('my-balance').click();
    const input = this.page.getByTestId('card-code');
    await expect(input).toBeVisible();
    await input.fill(code);
    await this.page.getByTestId('card-submit').click();
  }
}
