import { expect, type Locator, type Page } from '@playwright/test';
import { keyFor } from '../../kiosk/src/features/keyboard/layouts.ts';

/**
 * How a guest enters text on the kiosk: by touch. Every guest-facing test goes through these
 * helpers, never `fill` / `keyboard.type` (a USB scanner is the one real keyboard).
 *
 * `tapType` taps the field, then taps each character on the on-screen keyboard (switching to
 * Shift, 123 or ABC as a guest would), or — for a code field with its own keypad (card code, claim
 * code) — on that keypad. A character neither can produce fails the test at once. `tapPinyin`
 * types pinyin and taps the wanted candidate character. Every tap is counted in `taps` (the
 * flow-timing spec reads it).
 */
export const taps = { count: 0, keys: 0, picks: 0 };

/** Starts counting afresh. */
export function resetTaps(): void {
  taps.count = taps.keys = taps.picks = 0;
}

const osk = (page: Page) => page.getByTestId('osk');
const oskKey = (page: Page, key: string) => osk(page).locator(`[data-skbtn="${key.replace(/["\\]/g, '\\$&')}"]`);

/** One tap on anything (a button, a key, a field), counted. */
export async function tap(target: Locator): Promise<void> {
  await target.click();
  taps.count += 1;
}

/** A tap on a key (of the keyboard or a code keypad, layout switches included), counted as a tap and a key. */
async function tapKey(key: Locator): Promise<void> {
  await tap(key);
  taps.keys += 1;
}

/** The keypad of a code field, or null when the field uses the on-screen keyboard. */
async function ownKeypad(field: Locator): Promise<Locator | null> {
  const pad = field.locator('xpath=ancestor::form[1]').locator('.keypad');
  return (await pad.count()) > 0 ? pad : null;
}

async function openKeyboard(field: Locator): Promise<Page> {
  const page = field.page();
  // A guest already typing in this field does not tap it again.
  const typingHere = (await osk(page).isVisible()) && (await field.evaluate((el) => el === document.activeElement));
  if (!typingHere) await tap(field);
  await expect(osk(page), 'the on-screen keyboard opens for a guest field').toBeVisible();
  return page;
}

const layoutOf = async (page: Page) => (await osk(page).getAttribute('data-layout')) ?? 'letters';

/** Taps one character on the open keyboard, switching layout (ABC, Shift, 123) as a guest would when it is on another one. */
async function tapChar(page: Page, char: string): Promise<void> {
  const where = keyFor(char);
  const key = where?.key ?? char;
  for (let switches = 0; switches < 3; switches++) {
    if ((await oskKey(page, key).count()) > 0) return tapKey(oskKey(page, key));
    if (!where) break;
    const layout = await layoutOf(page);
    const next = layout === 'numeric' ? '{letters}' : where.layout === 'symbols' ? '{symbols}' : layout === 'symbols' ? '{letters}' : '{shift}';
    await tapKey(oskKey(page, next));
    await expect.poll(() => layoutOf(page)).not.toBe(layout);
  }
  throw new Error(`the on-screen keyboard has no key for ${JSON.stringify(char)}`);
}

async function tapOnKeypad(pad: Locator, text: string): Promise<void> {
  for (const raw of text) {
    if (raw === '-' || raw === ' ') continue; // the code fields group the characters themselves
    const char = raw.toUpperCase();
    const key = pad.locator('button.key').filter({ hasText: new RegExp(`^${char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
    if ((await key.count()) === 0) throw new Error(`the code keypad has no key for ${JSON.stringify(raw)}`);
    await tapKey(key.first());
  }
}

export async function tapType(field: Locator, text: string): Promise<void> {
  const pad = await ownKeypad(field);
  if (pad) {
    await tap(field);
    return tapOnKeypad(pad, text);
  }
  const page = await openKeyboard(field);
  // Latin text goes in through ABC, not through the pinyin candidates.
  if ((await osk(page).getAttribute('data-pinyin')) === 'true' && (await oskKey(page, '{lang}').count()) > 0 && /[a-z]/i.test(text)) {
    if ((await layoutOf(page)) !== 'letters' && (await layoutOf(page)) !== 'shift') await tapKey(oskKey(page, '{letters}'));
    await tapKey(oskKey(page, '{lang}'));
  }
  for (const char of text) await tapChar(page, char);
}

/** Clears a guest field by touch: Delete until it is empty (Clear on a code keypad). */
export async function tapClear(field: Locator): Promise<void> {
  const pad = await ownKeypad(field);
  if (pad) {
    await tap(field);
    await tapKey(pad.locator('button.key--wide').last());
    return;
  }
  const page = await openKeyboard(field);
  for (let n = (await field.inputValue()).length; n > 0; n--) await tapKey(oskKey(page, '{bksp}'));
  await expect(field).toHaveValue('');
}

/** Types `pinyin` in the keyboard's pinyin mode and taps `candidate` among the characters offered (paging on if needed). */
export async function tapPinyin(field: Locator, pinyin: string, candidate: string): Promise<void> {
  const page = await openKeyboard(field);
  await expect(osk(page), 'pinyin needs a Chinese language').toHaveAttribute('data-candidates', /zh-Han[st]/);
  if ((await layoutOf(page)) !== 'letters') await tapKey(oskKey(page, '{letters}'));
  if ((await osk(page).getAttribute('data-pinyin')) !== 'true') await tapKey(oskKey(page, '{lang}'));
  await expect(osk(page)).toHaveAttribute('data-pinyin', 'true');
  for (const char of pinyin) await tapKey(oskKey(page, char));
  const box = osk(page).locator('.hg-candidate-box');
  for (let pageNo = 0; pageNo < 40; pageNo++) {
    const item = box.locator('li.hg-candidate-box-list-item', { hasText: new RegExp(`^${candidate}$`) });
    if ((await item.count()) > 0) {
      await tap(item.first());
      taps.picks += 1;
      return;
    }
    const next = box.locator('.hg-candidate-box-next.hg-candidate-box-btn-active');
    if ((await next.count()) === 0) break;
    await tapKey(next);
  }
  throw new Error(`"${pinyin}" does not offer ${candidate}`);
}

/** Taps Done: the keyboard closes (the guest has finished typing). */
export async function tapDone(page: Page): Promise<void> {
  await tapKey(oskKey(page, '{done}'));
  await expect(osk(page)).toBeHidden();
}
