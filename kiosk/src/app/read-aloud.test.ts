import { describe, expect, it } from 'vitest';
import { kioskCatalog, type KioskKey } from '../i18n/kiosk.ts';
import { interpolate, type Locale, type Vars } from '../../../shared/i18n/locale.ts';
import { pickVoice, spellTicket } from './read-aloud.ts';
import { SCREENS, screenLines, screenText } from './screens.ts';

const tr = (l: Locale) => (k: KioskKey, v?: Vars) => interpolate(kioskCatalog[l][k], v);
const ALL_STEPS = SCREENS.steps;

describe('screenText', () => {
  it('reads the welcome and every service on home, in the guest’s language', () => {
    expect(screenText('home', tr('en'), 'en')).toBe(
      'Welcome. How may we help you today? Call staff. Store luggage. Collect luggage. Shoe care. Feedback. My balance.',
    );
    const zh = screenText('home', tr('zh-Hant'), 'zh-Hant');
    expect(zh.startsWith('歡迎')).toBe(true);
    expect(zh).toContain('呼叫服務人員。');
  });

  it('reads the hotel’s own services on home after the built-in tiles, before My balance', () => {
    expect(screenText('home', tr('en'), 'en', { services: ['Taxi', 'Umbrella'] })).toBe(
      'Welcome. How may we help you today? Call staff. Store luggage. Collect luggage. Shoe care. Feedback. Taxi. Umbrella. My balance.',
    );
  });

  it('reads the question and the choices on the reason screen', () => {
    expect(screenLines('reason', tr('en'))).toEqual(['What can we help you with?', 'A question', 'Help with luggage', 'Something is not right', 'Something else']);
  });

  it('spells the ticket number on a result screen', () => {
    expect(screenText('ticket', tr('en'), 'en', { ticket: 'A007' })).toBe('Your number. A 0 0 7. Please wait — your number will be called on the screen.');
    expect(screenText('shoe_ticket', tr('zh-Hans'), 'zh-Hans', { ticket: 'B012' })).toContain('B 0 1 2。');
    expect(spellTicket(' C100 ')).toBe('C 1 0 0');
  });

  it('says a manager will follow up only when the thank-you screen does', () => {
    expect(screenText('thanks', tr('en'), 'en', { followUp: true })).toContain('A manager will follow up');
    expect(screenText('thanks', tr('en'), 'en', { followUp: false })).not.toContain('manager');
  });

  it('reads a complaint’s reference character by character on the thank-you screen', () => {
    expect(screenText('thanks', tr('en'), 'en', { followUp: true, reference: 'C-A4K7' })).toContain('Your reference. C A 4 K 7. Please quote it');
    expect(screenText('thanks', tr('zh-Hant'), 'zh-Hant', { followUp: true, reference: 'C-A4K7' })).toContain('您的投訴編號。C A 4 K 7。');
    expect(screenText('thanks', tr('en'), 'en', { followUp: false })).not.toContain('reference');
  });

  it('never reads the member’s figures or a claim code aloud', () => {
    expect(screenLines('balance', tr('en'))).toEqual(['My balance']);
    expect(screenText('claim', tr('en'), 'en', { ticket: 'A001' })).not.toMatch(/[A-HJ-NP-Z2-9]{8}/);
  });

  it('has something to read on every screen in every language', () => {
    for (const l of ['en', 'zh-Hans', 'zh-Hant'] as const) for (const s of ALL_STEPS) expect(screenText(s, tr(l), l, { ticket: 'A001' }).length, `${s} ${l}`).toBeGreaterThan(2);
  });
});

describe('pickVoice', () => {
  const voices = [{ lang: 'en-GB' }, { lang: 'zh_CN' }, { lang: 'zh-HK' }, { lang: 'en-US' }];
  it('takes the exact language first', () => {
    expect(pickVoice(voices, 'en-US')).toEqual({ lang: 'en-US' });
    expect(pickVoice(voices, 'zh-CN')).toEqual({ lang: 'zh_CN' });
  });
  it('falls back to Hong Kong for Traditional, then to the same language', () => {
    expect(pickVoice(voices, 'zh-TW')).toEqual({ lang: 'zh-HK' });
    expect(pickVoice([{ lang: 'zh-CN' }], 'zh-TW')).toEqual({ lang: 'zh-CN' });
    expect(pickVoice([], 'en-US')).toBeNull();
  });
});
