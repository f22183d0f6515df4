/**
 * A walk through every kiosk screen, shared by the accessibility audit
 * (kiosk-a11y.spec.ts) and the screenshots (kiosk-screens.spec.ts). At each
 * screen `visit` is called once per language, after the language buttons
 * switched it. Not a spec: it registers no tests.
 */
import { expect, type Page } from '@playwright/test';
import { LOCALES, type Locale } from '../../shared/i18n/locale.ts';
import { tapDone, tapType } from './touch.ts';

export type Visit = (screen: string, lang: Locale) => Promise<void>;

async function inEachLanguage(page: Page, screen: string, visit: Visit): Promise<void> {
  for (const lang of LOCALES) {
    await page.getByTestId(`lang-${lang}`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await visit(screen, lang);
  }
  await page.getByTestId('lang-en').click();
}

async function home(page: Page): Promise<void> {
  const done = page.getByTestId('done');
  if (await done.isVisible().catch(() => false)) await done.click();
  await expect(page.getByTestId('call-staff')).toBeVisible();
}

/** Every guest screen of a paired kiosk that shows home. `cardCode` opens a member's balance. */
export async function tourGuestScreens(page: Page, cardCode: string, visit: Visit): Promise<void> {
  const at = (screen: string) => inEachLanguage(page, screen, visit);
  await at('home');

  // Call staff: reason → details → confirm → ticket.
  await page.getByTestId('call-staff').click();
  await at('reason');
  await page.getByTestId('reason-question').click();
  await at('details');
  await tapType(page.getByTestId('guest-name'), 'Alexandra Montgomery-Whitfield');
  await tapType(page.getByTestId('guest-room'), '1208');
  await page.getByTestId('details-next').click();
  await at('confirm');
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z]\d{3,4}$/);
  await at('ticket');
  await home(page);

  // Luggage: check-in → claim; pick-up → its ticket.
  await page.getByTestId('tile-luggage-in').click();
  await page.getByTestId('pickup-tomorrow').click();
  await at('luggage-in');
  await page.getByTestId('pickup-hour-10').click();
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('claim-qr')).toBeVisible();
  await at('claim');
  const claimCode = (await page.getByTestId('claim-code').textContent())!.trim();
  await home(page);
  await page.getByTestId('tile-luggage-out').click();
  await at('pickup');
  await tapType(page.getByTestId('claim-input'), claimCode);
  await page.getByTestId('claim-submit').click();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  await at('pickup-ticket');
  await home(page);

  // Shoe care → its ticket.
  await page.getByTestId('tile-shoe-care').click();
  await page.getByTestId('collect-room').click();
  await tapType(page.getByTestId('room-input'), '1208');
  await tapDone(page);
  await at('shoe-care');
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  await at('shoe-ticket');
  await home(page);

  // Feedback → thanks.
  await page.getByTestId('tile-feedback').click();
  await page.getByTestId('rating-2').click();
  await page.getByTestId('category-service').click();
  await at('feedback');
  await page.getByTestId('feedback-submit').click();
  await expect(page.getByTestId('thanks')).toBeVisible();
  await at('thanks');
  await home(page);

  // One of the hotel's own services (the demo's extra towels: room and count) → its ticket.
  await page.getByTestId('tile-service-extra_towels').click();
  await expect(page.getByTestId('service-name')).toBeVisible();
  await page.getByTestId('service-count-plus').click();
  await tapType(page.getByTestId('service-room'), '1208');
  await tapDone(page);
  await at('service');
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('ticket-service')).toBeVisible();
  await at('service-ticket');
  await home(page);

  // My balance: the card entry, then the balance.
  await page.getByTestId('my-balance').click();
  await expect(page.getByTestId('card-code')).toBeVisible();
  await at('card');
  await tapType(page.getByTestId('card-code'), cardCode);
  await page.getByTestId('card-submit').click();
  await expect(page.getByTestId('balance-name')).toBeVisible();
  await at('balance');
  await page.getByTestId('balance-done').click();
  await expect(page.getByTestId('call-staff')).toBeVisible();
}

/** The pairing screen of a kiosk that has no token yet. */
export async function tourSetupScreen(page: Page, base: string, visit: Visit): Promise<void> {
  await page.goto(`${base}/kiosk/`);
  await expect(page.getByTestId('pair-code')).toBeVisible({ timeout: 20_000 });
  await inEachLanguage(page, 'setup', visit);
}
