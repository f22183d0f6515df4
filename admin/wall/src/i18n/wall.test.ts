import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../shared/i18n/locale.ts';
import { deskText, wallKindText, wallString, wallText } from './wall.ts';

describe('wall text', () => {
  it('has every label in all three languages, none empty', () => {
    for (const s of [...Object.values(wallText), ...Object.values(wallKindText)]) {
      for (const l of LOCALES) expect(s[l].trim().length, JSON.stringify(s)).toBeGreaterThan(0);
    }
  });

  it('words a desk number per language, and shows a named desk as typed', () => {
    expect(deskText('1', 'en')).toBe('Desk 1');
    expect(deskText('1', 'zh-Hans')).toBe('1号柜台');
    expect(deskText('1', 'zh-Hant')).toBe('1號櫃檯');
    expect(deskText(' 2B ', 'en')).toBe('Desk 2B');
    expect(deskText('Concierge', 'zh-Hans')).toBe('Concierge');
    expect(deskText('Desk 1', 'en')).toBe('Desk 1');
  });

  it('fills the "last updated" time and the "+N more" count', () => {
    expect(wallString(wallText.lastUpdated, 'zh-Hant', { time: '14:05' })).toBe('最後更新 14:05');
    expect(wallString(wallText.more, 'en', { n: 7 })).toBe('+7 more');
  });
});
