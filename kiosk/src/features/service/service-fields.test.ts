import { describe, expect, it } from 'vitest';
import type { ServiceFields } from '../../../../shared/domain/service.ts';
import { canConfirm, EMPTY_SERVICE_DRAFT, laterHours, missingFields, neededAtInstant, requestFields, shownFields, type ServiceDraft } from './service-fields.ts';

const rules = (r: Partial<ServiceFields>): ServiceFields => ({ room: 'off', neededAt: 'off', count: 'off', note: 'off', ...r });
const draft = (d: Partial<ServiceDraft>): ServiceDraft => ({ ...EMPTY_SERVICE_DRAFT, ...d });
const NOW = new Date(2026, 2, 14, 10, 20);

describe('a catalog service’s fields', () => {
  it('shows only the fields its rules turn on, in screen order', () => {
    expect(shownFields(rules({ note: 'optional', room: 'required' }))).toEqual(['room', 'note']);
    expect(shownFields(rules({}))).toEqual([]);
  });

  it('can be confirmed at once when nothing is required', () => {
    expect(canConfirm(rules({}), EMPTY_SERVICE_DRAFT)).toBe(true);
    expect(canConfirm(rules({ room: 'optional', note: 'optional', neededAt: 'optional' }), EMPTY_SERVICE_DRAFT)).toBe(true);
  });

  it('waits for a required room, and a room of spaces is no room', () => {
    const r = rules({ room: 'required', count: 'required' });
    expect(missingFields(r, EMPTY_SERVICE_DRAFT)).toEqual(['room']);
    expect(canConfirm(r, draft({ room: '   ' }))).toBe(false);
    expect(canConfirm(r, draft({ room: '1208' }))).toBe(true);
  });

  it('waits for a required time, and "later today" needs its hour', () => {
    const r = rules({ neededAt: 'required' });
    expect(canConfirm(r, EMPTY_SERVICE_DRAFT)).toBe(false);
    expect(canConfirm(r, draft({ neededAt: 'asap' }))).toBe(true);
    expect(canConfirm(r, draft({ neededAt: 'later' }))).toBe(false);
    expect(canConfirm(r, draft({ neededAt: 'later', laterHour: 15 }))).toBe(true);
  });

  it('waits for a required note, and lists every missing field in screen order', () => {
    const r = rules({ room: 'required', neededAt: 'required', note: 'required' });
    expect(missingFields(r, draft({ neededAt: 'asap' }))).toEqual(['room', 'note']);
    expect(canConfirm(r, draft({ room: '12', neededAt: '1h', note: 'two pillows' }))).toBe(true);
  });

  it('always has a count (the stepper starts at 1)', () => {
    expect(missingFields(rules({ count: 'required' }), EMPTY_SERVICE_DRAFT)).toEqual([]);
  });

  it('turns the time choices into instants on the kiosk’s clock', () => {
    expect(neededAtInstant({ neededAt: null, laterHour: null }, NOW)).toBeNull();
    expect(neededAtInstant({ neededAt: 'asap', laterHour: null }, NOW)).toBe(NOW.toISOString());
    expect(Date.parse(neededAtInstant({ neededAt: '30m', laterHour: null }, NOW)!) - NOW.getTime()).toBe(30 * 60_000);
    expect(Date.parse(neededAtInstant({ neededAt: '2h', laterHour: null }, NOW)!) - NOW.getTime()).toBe(120 * 60_000);
    expect(neededAtInstant({ neededAt: 'later', laterHour: 17 }, NOW)).toBe(new Date(2026, 2, 14, 17, 0).toISOString());
    expect(laterHours(NOW)[0]).toBe(13); // 10:20: past "in 2 hours"
    expect(laterHours(new Date(2026, 2, 14, 21, 5))).toEqual([]);
  });

  it('sends only the fields that are on, cleaned', () => {
    const d = draft({ room: ' 1208 ', note: '  extra pillows ', count: 3, neededAt: 'asap' });
    expect(requestFields(rules({ room: 'required', count: 'optional' }), d, NOW)).toEqual({ room: '1208', note: null, count: 3, neededAt: null });
    expect(requestFields(rules({ note: 'optional', neededAt: 'optional' }), d, NOW)).toEqual({ room: null, note: 'extra pillows', count: null, neededAt: NOW.toISOString() });
    expect(requestFields(rules({ note: 'optional' }), draft({ note: '   ' }), NOW).note).toBeNull();
  });
});
