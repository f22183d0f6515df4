import type { GuestField } from './guest-field.ts';

/**
 * Puts `value` into a field exactly as typing would: through the element's own value setter, the
 * caret after the change, then a bubbling `input` event, so the screen's `onInput` (and every
 * validation behind it) runs as for a key press. A value longer than the field's `maxLength` is
 * refused, as the browser refuses typing past it. Returns whether the field took it.
 */
export function typeInto(field: GuestField, value: string, caret: number = value.length): boolean {
  if (field.maxLength > 0 && value.length > field.maxLength && value.length > field.value.length) return false;
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  const at = Math.max(0, Math.min(caret, value.length));
  try {
    field.setSelectionRange(at, at);
  } catch {
    // an input type without a caret
  }
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  return true;
}

/** Submits the field's form the way Enter in a text field does: through its default button, and not while that is disabled. */
export function submitFrom(field: GuestField): boolean {
  const form = field.form;
  if (!form) return false;
  const submitter = [...form.elements].find((el): el is HTMLButtonElement | HTMLInputElement => (el instanceof HTMLButtonElement || el instanceof HTMLInputElement) && el.type === 'submit');
  if (submitter?.disabled) return false;
  form.requestSubmit(submitter ?? null);
  return true;
}
