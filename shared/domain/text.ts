/**
 * One schema for every free-text field a person types (guest name, room, note,
 * comment, reason, device name, staff id, search text…).
 *
 * PostgreSQL refuses NUL in `text` and lone surrogates (and NUL) in `jsonb`
 * with "invalid byte sequence" / "unsupported Unicode escape sequence": left
 * through, such a value makes the server answer 500 for a command whose own
 * content is at fault, and a device would retry it forever. So the schema
 * refuses, with a 400 or a per-command rejection:
 * - control characters (C0, DEL, C1), except `\n` and `\t` in multi-line fields;
 * - lone surrogates (a UTF-16 half without its other half);
 * - noncharacters U+FFFE / U+FFFF.
 * Bidi embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069) are removed, not refused: a guest name with a right-to-left
 * override must not show "gnp.exe" as "exe.png" on a staff screen, and a
 * name typed with one is still a name. `shownText` does the same for text
 * already stored.
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const NONCHARACTER = /[\ufffe\uffff]/;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** True when `s` holds a UTF-16 surrogate without its pair. */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return true;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Removes bidi embedding / override / isolate controls, so text cannot reorder what is shown around it. */
export function shownText(s: string): string;
export function shownText(s: string | null): string | null;
export function shownText(s: string | null): string | null {
  return s === null ? null : s.replace(BIDI_CONTROLS, '');
}

/** At most `max` UTF-16 units of `s`, never cutting a character in half (an emoji cut in two is a lone surrogate the server refuses). */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** Why `s` cannot be stored as free text, or null when it can. */
export function textProblem(s: string, multiline: boolean): string | null {
  if ((multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(s)) return 'must not contain control characters';
  if (hasLoneSurrogate(s)) return 'must not contain broken characters (lone surrogates)';
  if (NONCHARACTER.test(s)) return 'must not contain noncharacters';
  return null;
}

export interface TextOptions {
  /** Keep `\n` and `\t` (notes, comments); single-line fields refuse them. */
  multiline?: boolean;
  min?: number;
}

/**
 * A trimmed free-text field of at most `max` UTF-16 units (never more
 * characters than a `varchar(max)` column holds), refusing control
 * characters and lone surrogates, with bidi controls removed.
 */
export function FreeText(max: number, options: TextOptions = {}) {
  const multiline = options.multiline ?? false;
  return z
    .string()
    .max(max * 4) // a first cut before the work below; the real limit is checked after cleaning
    .transform((s) => shownText(s).trim())
    .superRefine((s, ctx) => {
      const problem = textProblem(s, multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      if (s.length > max) ctx.addIssue({ code: 'too_big', maximum: max, origin: 'string', inclusive: true, input: s, message: `must be at most ${max} characters` });
      if (options.min !== undefined && s.length < options.min) ctx.addIssue({ code: 'too_small', minimum: options.min, origin: 'string', inclusive: true, input: s, message: `must be at least ${options.min} characters` });
    });
}

/** Text from the server as a screen shows it: bidi controls removed (older rows may still hold them). */
export const ShownText = z.string().transform((s) => shownText(s));
