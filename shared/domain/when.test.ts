import { describe, expect, it } from 'vitest';
import { dayAndTime, dayRelation } from './when.ts';

const phrases = { tomorrow: 'tomorrow {time}', onDate: '{date} {time}' };

describe('dayRelation / dayAndTime', () => {
  const now = new Date('2026-12-03T22:30:00Z'); // 06:30 on Fri 4 Dec in Shanghai, 22:30 on Thu 3 Dec in London
  it('says the day only when it is not today, in the given time zone', () => {
    const eightTomorrowShanghai = '2026-12-05T00:00:00Z'; // Sat 5 Dec 08:00 in Shanghai
    expect(dayRelation(new Date(eightTomorrowShanghai), now, 'Asia/Shanghai')).toBe('tomorrow');
    expect(dayAndTime(eightTomorrowShanghai, now, { locale: 'en-GB', timeZone: 'Asia/Shanghai', ...phrases })).toBe('tomorrow 08:00');
    expect(dayAndTime('2026-12-04T11:00:00Z', now, { locale: 'en-GB', timeZone: 'Asia/Shanghai', ...phrases })).toBe('19:00');
    expect(dayAndTime('2026-12-06T00:00:00Z', now, { locale: 'en-GB', timeZone: 'Asia/Shanghai', ...phrases })).toBe('Sun 6 Dec 08:00');
    expect(dayAndTime('2026-12-05T00:00:00Z', now, { locale: 'zh-CN', timeZone: 'Asia/Shanghai', tomorrow: '明天 {time}', onDate: '{date} {time}' })).toBe('明天 08:00');
    // The same instant is "today" where the day has not turned yet.
    expect(dayRelation(new Date('2026-12-03T23:00:00Z'), now, 'Europe/London')).toBe('today');
    expect(dayAndTime('not a time', now, { locale: 'en-GB', ...phrases })).toBe('');
  });
});
