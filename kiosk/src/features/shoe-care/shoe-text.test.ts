import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/locale.store.ts';
import { backByText, shoeStatusKey } from './shoe-text.ts';

const job = (collectAt: 'room' | 'lobby', status: 'called' | 'completed' | 'serving') =>
  ({ kind: 'shoe_care', status, details: { kind: 'shoe_care', pairs: 1, collectAt, neededBy: null } }) as const;

describe('shoe-care wording on the kiosk', () => {
  afterEach(() => setLocale('en'));

  it('never tells a guest whose shoes were collected from their room to come to the desk', () => {
    expect(shoeStatusKey(job('lobby', 'called'))).toBe('ticketStatus.called');
    expect(shoeStatusKey(job('room', 'called'))).toBe('shoe.statusRoomReady');
    expect(shoeStatusKey(job('room', 'completed'))).toBe('shoe.statusRoomDone');
    expect(shoeStatusKey(job('room', 'serving'))).toBe('ticketStatus.serving');
  });

  it('gives the day with the time when it is not today, in each language', () => {
    const now = new Date('2026-12-03T12:00:00Z'); // 20:00 in Shanghai
    const tomorrow8 = '2026-12-04T00:00:00Z'; // 08:00 tomorrow in Shanghai
    expect(backByText(tomorrow8, now, 'Asia/Shanghai')).toBe('Back by tomorrow 08:00');
    expect(backByText('2026-12-03T13:00:00Z', now, 'Asia/Shanghai')).toBe('Back by 21:00');
    setLocale('zh-Hans');
    expect(backByText(tomorrow8, now, 'Asia/Shanghai')).toBe('明天 08:00前送回');
    setLocale('zh-Hant');
    expect(backByText(tomorrow8, now, 'Asia/Shanghai')).toBe('明天 08:00前送回');
  });
});
