/**
 * A human-time estimate for a guest flow, Keystroke-Level-Model style. The machine taps in
 * milliseconds; a first-time guest reads each screen and reaches for each target. Constants:
 *
 * - READ_SCREEN_S 1.35 — KLM "M", mental preparation (Card, Moran & Newell, "The Keystroke-Level
 *   Model for User Performance Time with Interactive Systems", CACM 23(7), 1980), once per screen
 *   (a guest who knows what they want: the screen is recognised, not studied).
 * - TAP_S 1.1 — KLM "P", pointing to a target (same paper), for each tap on a button, chip or
 *   field; the homing of a hand on a touchscreen is part of the reach.
 * - KEY_S 0.6 — one key on an on-screen QWERTY by a novice: about 20 words per minute
 *   (MacKenzie & Soukoreff, "Text Entry for Mobile Computing: Models and Methods, Theory and
 *   Practice", HCI 17(2–3), 2002), i.e. 100 characters a minute.
 * - PICK_S 1.35 + 1.1 — choosing a pinyin candidate: finding the character (M) and tapping it (P).
 */
export const READ_SCREEN_S = 1.35;
export const TAP_S = 1.1;
export const KEY_S = 0.6;
export const PICK_S = READ_SCREEN_S + TAP_S;

export interface FlowCount {
  /** Every tap, keys and candidates included. */
  taps: number;
  /** Taps on keyboard or keypad keys (layout switches included). */
  keyTaps: number;
  /** Pinyin candidates chosen. */
  candidatePicks: number;
  /** Screens shown, the first included. */
  screens: number;
}

export function estimateSeconds(c: FlowCount): number {
  const otherTaps = c.taps - c.keyTaps - c.candidatePicks;
  const s = c.screens * READ_SCREEN_S + otherTaps * TAP_S + c.keyTaps * KEY_S + c.candidatePicks * PICK_S;
  return Math.round(s * 10) / 10;
}
