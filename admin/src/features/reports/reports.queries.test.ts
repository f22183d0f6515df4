import { describe, expect, it } from 'vitest';
import { percent, shiftPeriod, splitDuration, todayIn } from './reports.queries.ts';

describe('reports screen helpers', () => {
  it('steps a day, a week or a month back and forth, keeping the day inside short months', () => {
    expect(shiftPeriod('day', '2025-03-01', -1)).toBe('2025-02-28');
    expect(shiftPeriod('week', '2025-03-10', 1)).toBe('2025-03-17');
    expect(shiftPeriod('month', '2025-01-31', 1)).toBe('2025-02-28');
    expect(shiftPeriod('month', '2025-01-15', -1)).toBe('2024-12-15');
  });

  it('takes today in the property’s time zone', () => {
    const at = new Date('2025-03-09T17:00:00Z');
    expect(todayIn('Asia/Shanghai', at)).toBe('2025-03-10');
    expect(todayIn('UTC', at)).toBe('2025-03-09');
  });

  it('reads durations and rates at a glance', () => {
    expect(splitDuration(45.4)).toEqual({ unit: 's', n: 45 });
    expect(splitDuration(200)).toEqual({ unit: 'm', m: 3, s: 20 });
    expect(splitDuration(7500)).toEqual({ unit: 'h', h: 2, m: 5 });
    expect(splitDuration(null)).toBeNull();
    expect(percent(0.8333)).toBe('83%');
    expect(percent(null)).toBeNull();
  });
});
