/**
 * What a catalog service asks the guest, from its rules (off / optional / required per field), and
 * when the guest may confirm: every required field filled. Pure, so the rules are unit-tested.
 */
import type { ServiceFields } from '../../../../shared/domain/service.ts';
import { SERVICE_COUNT_MAX, SERVICE_FIELDS, type ServiceField } from '../../../../shared/domain/service-form.ts';

/** "When do you need it?" as a few large choices; `later` then asks for an hour today. */
export const NEEDED_AT = ['asap', '30m', '1h', '2h', 'later'] as const;
export type NeededAt = (typeof NEEDED_AT)[number];

export const NOTE_MAX = 500;
export const ROOM_MAX = 12;

export interface ServiceDraft {
  room: string;
  neededAt: NeededAt | null;
  /** The hour today for `later` (0–23). */
  laterHour: number | null;
  count: number;
  note: string;
}

export const EMPTY_SERVICE_DRAFT: ServiceDraft = { room: '', neededAt: null, laterHour: null, count: 1, note: '' };

/** The fields the screen shows, in screen order. */
export function shownFields(rules: ServiceFields): ServiceField[] {
  return SERVICE_FIELDS.filter((f) => rules[f] !== 'off');
}

/** Whether the guest gave a field an answer. A count always has one (the stepper starts at 1). */
export function isFilled(field: ServiceField, d: ServiceDraft): boolean {
  switch (field) {
    case 'room':
      return d.room.trim() !== '';
    case 'neededAt':
      return d.neededAt !== null && (d.neededAt !== 'later' || d.laterHour !== null);
    case 'count':
      return d.count >= 1 && d.count <= SERVICE_COUNT_MAX;
    case 'note':
      return d.note.trim() !== '';
  }
}

/** The required fields still empty, in screen order: the confirm button waits for none. */
export function missingFields(rules: ServiceFields, d: ServiceDraft): ServiceField[] {
  return shownFields(rules).filter((f) => rules[f] === 'required' && !isFilled(f, d));
}

export function canConfirm(rules: ServiceFields, d: ServiceDraft): boolean {
  return missingFields(rules, d).length === 0 && d.note.length <= NOTE_MAX;
}

/** The hours a guest may pick for "later today": full hours past the "in 2 hours" choice (none late in the evening). */
export function laterHours(now: Date): number[] {
  return Array.from({ length: 24 }, (_, h) => h).filter((h) => h >= now.getHours() + 3);
}

/** The instant a choice means on the kiosk's clock (the kiosk stands in the property); null without an answer. */
export function neededAtInstant(d: Pick<ServiceDraft, 'neededAt' | 'laterHour'>, now: Date): string | null {
  const inMin = (m: number) => new Date(now.getTime() + m * 60_000).toISOString();
  switch (d.neededAt) {
    case null:
      return null;
    case 'asap':
      return now.toISOString();
    case '30m':
      return inMin(30);
    case '1h':
      return inMin(60);
    case '2h':
      return inMin(120);
    case 'later':
      return d.laterHour === null ? null : new Date(now.getFullYear(), now.getMonth(), now.getDate(), d.laterHour, 0, 0, 0).toISOString();
  }
}

/** What is sent: only the fields the rules turn on, each cleaned; the rest null. */
export function requestFields(rules: ServiceFields, d: ServiceDraft, now: Date): { room: string | null; note: string | null; count: number | null; neededAt: string | null } {
  const on = (f: ServiceField) => rules[f] !== 'off';
  const text = (s: string, max: number) => (s.trim() ? s.trim().slice(0, max) : null);
  return {
    room: on('room') ? text(d.room, ROOM_MAX) : null,
    note: on('note') ? text(d.note, NOTE_MAX) : null,
    count: on('count') ? Math.min(SERVICE_COUNT_MAX, Math.max(1, Math.round(d.count))) : null,
    neededAt: on('neededAt') ? neededAtInstant(d, now) : null,
  };
}
