/**
 * "Read aloud": the main text of each guest screen spoken with the browser's
 * speechSynthesis in the guest's language. Off by default; the guest turns it
 * on from the top bar and it turns off again when their session ends (the
 * kiosk returns home, or idles). Nothing here ever throws: a browser without
 * speech (or without voices) simply has no "Read aloud".
 *
 * What is read is chosen per screen (each screen's registration, `read` —
 * see app/screens.ts `screenText`), from the catalog, not scraped from the
 * page. Deliberately never read in a public lobby: the
 * member's name, balance and points, a luggage claim code, or anything the
 * guest typed — only headings, instructions, the guest's ticket number and a
 * complaint's reference (which gives nobody access to anything).
 */
import { signal } from '@preact/signals';
import type { KioskKey } from '../i18n/kiosk.ts';
import type { Locale, Vars } from '../../../shared/i18n/locale.ts';

export const readAloud = signal(false);

/** The voice language for each kiosk language. */
export const SPEECH_LANG: Record<Locale, string> = { en: 'en-US', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' };

export type Translate = (key: KioskKey, vars?: Vars) => string;

/** What the screen shows that is worth reading besides the catalog text. */
export interface ScreenFacts {
  /** The guest's ticket number on a result screen. */
  ticket?: string | null;
  /** The thank-you screen says a manager will follow up. */
  followUp?: boolean;
  /** The complaint's reference on the thank-you screen (`C-A4K7`). */
  reference?: string | null;
  /** The names of the hotel's own services on home's tiles, in the guest's language (a manager's data, not the catalog). */
  services?: readonly string[];
}

/** "A007" → "A 0 0 7", so a voice reads each character, not "a thousand and seven". */
export function spellTicket(ticket: string): string {
  return ticket.trim().split('').join(' ');
}

/** A result screen: "Your number", the number spelled out, then what happens next. */
export function ticketLines(tr: Translate, facts: ScreenFacts, after: KioskKey): string[] {
  return [tr('ticket.yourNumber'), facts.ticket ? spellTicket(facts.ticket) : '', tr(after)];
}

/** The screen's lines as one utterance, each ending in a pause (a full stop in the text's script). */
export function spokenText(lines: readonly string[], locale: Locale): string {
  return joinLines(lines, locale);
}

/** The "could not save" notice (it stands in for the screen the guest was on). */
export function saveFailedText(kind: 'quota' | 'failed', tr: Translate, locale: Locale): string {
  return joinLines([tr('saveFailed.title'), tr(kind === 'quota' ? 'saveFailed.full' : 'saveFailed.failed')], locale);
}

function joinLines(lines: readonly string[], locale: Locale): string {
  const stop = locale === 'en' ? '.' : '。';
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (/[.!?。！？]$/.test(l) ? l : l + stop))
    .join(locale === 'en' ? ' ' : '');
}

/** The best installed voice: the exact language, else the same language in another region (zh-TW ← zh-HK). */
export function pickVoice<V extends { lang: string }>(voices: readonly V[], lang: string): V | null {
  const norm = (s: string) => s.replace('_', '-').toLowerCase();
  const want = norm(lang);
  const exact = voices.find((v) => norm(v.lang) === want);
  if (exact) return exact;
  const near = want === 'zh-tw' ? voices.find((v) => norm(v.lang) === 'zh-hk') : undefined;
  return near ?? voices.find((v) => norm(v.lang).split('-')[0] === want.split('-')[0]) ?? null;
}

function synth(): SpeechSynthesis | null {
  try {
    return typeof window !== 'undefined' && window.speechSynthesis && typeof SpeechSynthesisUtterance !== 'undefined' ? window.speechSynthesis : null;
  } catch {
    return null;
  }
}

/** Whether this browser can speak at all (else the toggle is not shown). */
export function canReadAloud(): boolean {
  return synth() !== null;
}

/** Speaks `text` in `locale`, cutting off whatever was being read. */
export function speak(text: string, locale: Locale): void {
  const s = synth();
  if (!s || !text) return;
  try {
    s.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = SPEECH_LANG[locale];
    const voice = pickVoice(s.getVoices(), u.lang);
    if (voice) u.voice = voice;
    u.rate = 0.95;
    s.speak(u);
  } catch {
    // No voice, a busy engine: the screen is still there to read.
  }
}

export function stopReading(): void {
  try {
    synth()?.cancel();
  } catch {
    // nothing to stop
  }
}

export function toggleReadAloud(): void {
  readAloud.value = !readAloud.value;
  if (!readAloud.value) stopReading();
}

/** The next guest starts with it off. */
export function resetReadAloud(): void {
  if (readAloud.value) readAloud.value = false;
  stopReading();
}
