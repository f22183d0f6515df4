/**
 * Spoken calls on the wall (optional, off by default, stored on this
 * display): in the wall's languages, in their order, through the browser's
 * `speechSynthesis`. The ticket is read digit by digit ("A 0 0 7" /
 * "A零零七") so it is understood across a noisy lobby. Never throws: no
 * speech engine, no voices or a blocked engine leave the wall silent.
 */
import { signal } from '@preact/signals';
import type { Locale } from '../../../shared/i18n/locale.ts';

const KEY = 'lobbydesk.wall.speak';
const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export const speakEnabled = signal<boolean>(storage()?.getItem(KEY) === '1');

export function setSpeakEnabled(on: boolean): void {
  speakEnabled.value = on;
  try {
    storage()?.setItem(KEY, on ? '1' : '0');
  } catch {
    /* storage blocked: the choice lasts until reload */
  }
  if (!on) stopSpeaking();
}

/** "A007" → "A零零七": letters stay, each digit is its Chinese numeral. */
export function ticketZh(ticket: string): string {
  return Array.from(ticket, (c) => (c >= '0' && c <= '9' ? ZH_DIGITS[Number(c)]! : c)).join('');
}

/** "A007" → "A 0 0 7": one character at a time. */
export function ticketEn(ticket: string): string {
  return Array.from(ticket).join(' ');
}

/** The voice language of each locale (Traditional Chinese is read in Mandarin, as in Taiwan). */
export const SPEECH_LANG: Record<Locale, string> = { en: 'en-US', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' };

/** What is said for a call in one language. The desk is read as staff typed it. */
export function announcementText(ticket: string, desk: string | null, locale: Locale): string {
  const d = desk?.trim();
  if (locale === 'en') return d ? `Ticket ${ticketEn(ticket)}, please go to desk ${d}` : `Ticket ${ticketEn(ticket)}, please come to the desk`;
  if (locale === 'zh-Hant') return d ? `請 ${ticketZh(ticket)} 號，到 ${d} 號櫃檯` : `請 ${ticketZh(ticket)} 號到服務台`;
  return d ? `请 ${ticketZh(ticket)} 号，到 ${d} 号柜台` : `请 ${ticketZh(ticket)} 号到服务台`;
}

interface SpeechLike {
  speak(u: unknown): void;
  cancel(): void;
}

function engine(): { synth: SpeechLike; Utterance: new (text: string) => { lang: string; rate: number } } | null {
  const g = globalThis as { speechSynthesis?: SpeechLike; SpeechSynthesisUtterance?: new (text: string) => { lang: string; rate: number } };
  return g.speechSynthesis && g.SpeechSynthesisUtterance ? { synth: g.speechSynthesis, Utterance: g.SpeechSynthesisUtterance } : null;
}

/** Says the call in each of the wall's languages, in order (replacing anything still queued, so calls never pile up). */
export function announce(ticket: string, desk: string | null, locales: readonly Locale[]): void {
  try {
    const e = engine();
    if (!e) return;
    e.synth.cancel();
    for (const locale of locales) {
      const u = new e.Utterance(announcementText(ticket, desk, locale));
      u.lang = SPEECH_LANG[locale];
      u.rate = 0.9;
      e.synth.speak(u);
    }
  } catch {
    /* no speech on this display: the wall still shows the call */
  }
}

export function stopSpeaking(): void {
  try {
    engine()?.synth.cancel();
  } catch {
    /* nothing to stop */
  }
}
