import type { Locator } from '@playwright/test';

/**
 * How a guest enters text on the kiosk: by touch. Every guest-facing test goes through
 * these helpers, never `fill` / `keyboard.type` (a USB scanner is the one real keyboard).
 *
 * Transitional: until the on-screen keyboard lands this still fills the field; the
 * keyboard work replaces the body with taps on its keys, and every caller follows.
 */
export async function tapType(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.fill(text);
}

/** Clears a guest field by touch. */
export async function tapClear(field: Locator): Promise<void> {
  await field.click();
  await field.fill('');
}
