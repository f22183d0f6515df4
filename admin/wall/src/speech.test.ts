import { afterEach, describe, expect, it, vi } from 'vitest';
import { announce, announcementText, ticketEn, ticketZh } from './speech.ts';

afterEach(() => vi.unstubAllGlobals());

describe('spoken calls', () => {
  it('reads a ticket digit by digit in Chinese and in English', () => {
    expect(ticketZh('A007')).toBe('A零零七');
    expect(ticketZh('B1230')).toBe('B一二三零');
    expect(ticketEn('A007')).toBe('A 0 0 7');
  });

  it('names the desk in each of the three languages', () => {
    expect(announcementText('A007', '3', 'zh-Hans')).toBe('请 A零零七 号，到 3 号柜台');
    expect(announcementText('A007', '3', 'zh-Hant')).toBe('請 A零零七 號，到 3 號櫃檯');
    expect(announcementText('A007', '3', 'en')).toBe('Ticket A 0 0 7, please go to desk 3');
    expect(announcementText('S012', null, 'zh-Hans')).toBe('请 S零一二 号到服务台');
    expect(announcementText('S012', null, 'en')).toBe('Ticket S 0 1 2, please come to the desk');
  });

  it('never throws when the display has no speech engine, or a broken one', () => {
    vi.stubGlobal('speechSynthesis', undefined);
    expect(() => announce('A007', '3', ['zh-Hans', 'en'])).not.toThrow();
    vi.stubGlobal('speechSynthesis', {
      cancel: () => undefined,
      speak: () => {
        throw new Error('not allowed');
      },
    });
    vi.stubGlobal('SpeechSynthesisUtterance', class {
      lang = '';
      rate = 1;
      constructor(readonly text: string) {}
    });
    expect(() => announce('A007', '3', ['zh-Hans', 'en'])).not.toThrow();
  });

  it('speaks the wall languages in their order, dropping anything still queued', () => {
    const said: { text: string; lang: string }[] = [];
    const cancel = vi.fn();
    vi.stubGlobal('speechSynthesis', { cancel, speak: (u: { text: string; lang: string }) => said.push({ text: u.text, lang: u.lang }) });
    vi.stubGlobal('SpeechSynthesisUtterance', class {
      lang = '';
      rate = 1;
      constructor(readonly text: string) {}
    });
    announce('A007', '2', ['zh-Hans', 'en']);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(said).toEqual([
      { text: '请 A零零七 号，到 2 号柜台', lang: 'zh-CN' },
      { text: 'Ticket A 0 0 7, please go to desk 2', lang: 'en-US' },
    ]);
    said.length = 0;
    announce('A007', '2', ['en', 'zh-Hant']);
    expect(said).toEqual([
      { text: 'Ticket A 0 0 7, please go to desk 2', lang: 'en-US' },
      { text: '請 A零零七 號，到 2 號櫃檯', lang: 'zh-TW' },
    ]);
  });
});
