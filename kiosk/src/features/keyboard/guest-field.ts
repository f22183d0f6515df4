/**
 * Which fields the on-screen keyboard serves, and which pad each gets. A screen only declares its
 * field as usual: any text `<input>` or `<textarea>` on a guest screen (`#main`) gets the keyboard;
 * `inputMode="numeric"` / `"tel"` (or `type="tel"`) asks for the number pad. A field that sits in a
 * form with its own code keypad (card code, claim code, pairing code: `components/Keypad.tsx`) is
 * left to that keypad, and `data-keyboard="off"` opts a field out.
 */
export type GuestField = HTMLInputElement | HTMLTextAreaElement;
export type Pad = 'text' | 'numeric';

const TEXT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email']);
const NUMERIC_MODES = new Set(['numeric', 'tel', 'decimal']);

export function guestFieldOf(target: EventTarget | null): GuestField | null {
  if (!(target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && TEXT_TYPES.has(target.type)))) return null;
  if (target.disabled || target.readOnly || !target.closest('#main')) return null;
  if (target.dataset.keyboard === 'off' || target.form?.querySelector('.keypad')) return null;
  return target;
}

/**
 * The pad a field asked for. The first time, its declared `inputMode` is kept in `data-osk-pad` and
 * replaced by `none`, so a touch device's own keyboard never opens on top of ours.
 */
export function claimField(field: GuestField): Pad {
  if (!field.dataset.oskPad) {
    const numeric = NUMERIC_MODES.has(field.inputMode) || (field instanceof HTMLInputElement && field.type === 'tel');
    field.dataset.oskPad = numeric ? 'numeric' : 'text';
  }
  if (field.inputMode !== 'none') field.inputMode = 'none';
  return field.dataset.oskPad === 'numeric' ? 'numeric' : 'text';
}
