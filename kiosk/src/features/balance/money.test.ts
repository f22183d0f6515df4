import { describe, expect, it } from 'vitest';
import { formatMoney, formatPoints } from './money.ts';

describe('money', () => {
  it('formats minor units as money in each kiosk language', () => {
    expect(formatMoney(128_000, 'en')).toBe('¥1,280.00');
    expect(formatMoney(0, 'zh-Hans')).toBe('¥0.00');
    expect(formatMoney(-1_550, 'en')).toBe('-¥15.50');
    expect(formatMoney(990, 'en', 'JPY')).toBe('¥990');
  });
  it('groups points', () => {
    expect(formatPoints(22_800, 'en')).toBe('22,800');
  });
});
