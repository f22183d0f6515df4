import { describe, expect, it } from 'vitest';
import { formatMoney, formatPoints, parseMoney, parsePoints } from './money.ts';

describe('parseMoney', () => {
  it('reads yuan with up to two decimals as minor units', () => {
    expect(parseMoney('12.5')).toBe(1250);
    expect(parseMoney('¥1,200')).toBe(120_000);
    expect(parseMoney('-3.05')).toBe(-305);
    expect(parseMoney('0.1')).toBe(10);
  });
  it('refuses anything else', () => {
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('1.234')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
  });
});

describe('formatMoney', () => {
  it('writes minor units as yuan with two decimals and a real minus sign', () => {
    expect(formatMoney(127_300)).toBe('¥1,273.00');
    expect(formatMoney(-3_400)).toBe('−¥34.00');
  });
});

describe('points', () => {
  it('reads whole points, empty as none, and writes them grouped', () => {
    expect(parsePoints('')).toBe(0);
    expect(parsePoints('1,500')).toBe(1500);
    expect(parsePoints('−20')).toBe(-20);
    expect(parsePoints('1.5')).toBeNull();
    expect(parsePoints('1234567890')).toBeNull();
    expect(formatPoints(50_000)).toBe('50,000');
  });
});
