import { expect, type Page } from '@playwright/test';
import { tapType } from '../touch.ts';

/** A complaint's optional details on the feedback form. */
export interface GuestDetails {
  guestName?: string;
  room?: string;
  contact?: string;
}

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
    const confirm = this.page.getByTestId('confirm');
    // The next screen (details or confirm) may take a moment on a busy machine: wait for one before choosing.
    await expect(skip.or(confirm)).toBeVisible();
    if (await skip.isVisible()) await skip.click();
    await confirm.click();
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
    await tapType(input, code);
    await this.page.getByTestId('card-submit').click();
  }

  /** Home → "Store luggage": bags, room, a pick-up hour tomorrow → the claim screen. Returns the ticket and claim code shown. */
  async luggageIn(opts: { bags: number; room?: string; hour?: number }): Promise<{ ticket: string; claimCode: string }> {
    await this.page.getByTestId('tile-luggage-in').click();
    for (let i = 1; i < opts.bags; i++) await this.page.getByTestId('bags-plus').click();
    await expect(this.page.getByTestId('bags-count')).toHaveText(String(opts.bags));
    if (opts.room) await tapType(this.page.getByTestId('room-input'), opts.room);
    if (opts.hour !== undefined) {
      await this.page.getByTestId('pickup-tomorrow').click();
      await this.page.getByTestId(`pickup-hour-${opts.hour}`).click();
    }
    await this.page.getByTestId('confirm').click();
    const code = this.page.getByTestId('claim-code');
    await expect(code).toHaveText(/^[A-HJ-NP-Z2-9]{9}$/);
    await expect(this.page.getByTestId('claim-qr')).toBeVisible();
    return { ticket: (await this.page.getByTestId('ticket-number').textContent())!.trim(), claimCode: (await code.textContent())!.trim() };
  }

  /** Home → "Collect luggage": types the code on the keypad and submits. Returns the ticket shown. */
  async luggageOut(claimCode: string): Promise<string> {
    await this.page.getByTestId('tile-luggage-out').click();
    await tapType(this.page.getByTestId('claim-input'), claimCode);
    await expect(this.page.getByTestId('claim-input')).toHaveValue(claimCode);
    await this.page.getByTestId('claim-submit').click();
    return this.shownTicket();
  }

  /** Home → "Shoe care": pairs, collect from a room (or the lobby) → the ticket shown. */
  async shoeCare(opts: { pairs: number; room?: string }): Promise<string> {
    await this.page.getByTestId('tile-shoe-care').click();
    for (let i = 1; i < opts.pairs; i++) await this.page.getByTestId('pairs-plus').click();
    if (opts.room) {
      await this.page.getByTestId('collect-room').click();
      await tapType(this.page.getByTestId('room-input'), opts.room);
    } else await this.page.getByTestId('collect-lobby').click();
    await this.page.getByTestId('confirm').click();
    return this.shownTicket();
  }

  /** Home → "Feedback": fills what is given and sends; ends on the thank-you screen. */
  async feedback(opts: { rating: number; categories?: string[]; comment?: string; complaint?: boolean } & GuestDetails): Promise<void> {
    await this.page.getByTestId('tile-feedback').click();
    await this.page.getByTestId(`rating-${opts.rating}`).click();
    for (const c of opts.categories ?? []) await this.page.getByTestId(`category-${c}`).click();
    if (opts.comment) await tapType(this.page.getByTestId('feedback-comment'), opts.comment);
    if (opts.complaint) await this.page.getByTestId('complaint-toggle').click();
    if (opts.guestName || opts.room || opts.contact) await this.guestDetails(opts);
    await this.page.getByTestId('feedback-submit').click();
    await expect(this.page.getByTestId('thanks')).toBeVisible();
  }

  /** On the feedback form: opens "Add your details (optional)" and types what is given by touch; a contact only after ticking consent. */
  async guestDetails(d: GuestDetails): Promise<void> {
    await this.page.getByTestId('details-toggle').click();
    if (d.guestName) await tapType(this.page.getByTestId('feedback-name'), d.guestName);
    if (d.room) await tapType(this.page.getByTestId('feedback-room'), d.room);
    await this.keyboardDone();
    if (d.contact) {
      await expect(this.page.getByTestId('contact-input')).toBeDisabled();
      await this.page.getByTestId('consent').check();
      await tapType(this.page.getByTestId('contact-input'), d.contact);
      await this.keyboardDone();
    }
  }

  /** Taps Done on the on-screen keyboard when it is open, as a guest does before tapping the next control. */
  async keyboardDone(): Promise<void> {
    const osk = this.page.getByTestId('osk');
    if (await osk.isVisible()) await osk.locator('[data-skbtn="{done}"]').click();
    await expect(osk).toBeHidden();
  }

  private async shownTicket(): Promise<string> {
    const ticket = this.page.getByTestId('ticket-number');
    await expect(ticket).toHaveText(/^[A-Z]\d{3,4}$/);
    return (await ticket.textContent())!.trim();
  }
}
