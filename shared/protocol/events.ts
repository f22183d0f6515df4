/**
 * Every event type, once: the table below says, per type, the field its data travels in,
 * the shape the server stores, and the shape each audience receives (an audience a type
 * does not name never receives it). The per-audience unions the clients parse, the types
 * each audience's pull reads, and the server's typed `appendEvent` are all derived from it,
 * so a new event is one row here plus its projection on the server
 * (server/src/sync/projections.ts), and the compiler finds anything forgotten.
 *
 * `version` is the property's gap-free cursor; applying an event twice changes nothing
 * (keep the highest `rev`).
 */
import { z } from 'zod';
import { Issue } from '../domain/issue.ts';
import { LuggageItem } from '../domain/luggage.ts';
import { ServiceRequest, WallRequest } from '../domain/request.ts';
import { Service, ServiceCode } from '../domain/service.ts';
import { DisplaySettings } from './display.ts';
import { Approval, MemberSummary } from './members-staff.ts';

export const Audience = z.enum(['staff', 'wall', 'kiosk']);
export type Audience = z.infer<typeof Audience>;

/** A kiosk only learns about the requests it created itself, and only this of them (`service`: a catalog service's code, else null). */
export const KioskRequest = ServiceRequest.pick({ id: true, kind: true, ticket: true, status: true, desk: true, calledAt: true, rev: true }).extend({
  service: ServiceCode.nullable().default(null),
});
export type KioskRequest = z.infer<typeof KioskRequest>;

interface EventDef {
  /** The field of the event object that carries the data (`{ type, version, at, [field]: data }`). */
  field: string;
  /** The data as appended and kept in the `events` table. */
  stored: z.ZodType;
  /** What each audience that hears of it receives; absent audiences never do. */
  audiences: Partial<Record<Audience, z.ZodType>>;
  /** A kiosk hears only of events about itself (its own requests), unless the type is for every kiosk. */
  everyKiosk?: true;
}

export const EVENTS = {
  'request.upserted': { field: 'request', stored: ServiceRequest, audiences: { staff: ServiceRequest, wall: WallRequest, kiosk: KioskRequest } },
  'issue.upserted': { field: 'issue', stored: Issue, audiences: { staff: Issue } },
  /** Stored without `overdue`: that is derived when it is read. */
  'luggage.upserted': { field: 'item', stored: LuggageItem.omit({ overdue: true }), audiences: { staff: LuggageItem } },
  'member.upserted': { field: 'member', stored: MemberSummary, audiences: { staff: MemberSummary } },
  'approval.upserted': { field: 'approval', stored: Approval, audiences: { staff: Approval } },
  /** The wall also hears when a manager changes the hotel's name or the wall's languages. */
  'display.upserted': { field: 'display', stored: DisplaySettings, audiences: { staff: DisplaySettings, wall: DisplaySettings } },
  /** A manager added, changed, reordered or retired a catalog service: every screen shows the catalog. */
  'service.upserted': { field: 'service', stored: Service, audiences: { staff: Service, wall: Service, kiosk: Service }, everyKiosk: true },
} as const satisfies Record<string, EventDef>;

type Events = typeof EVENTS;
export type EventType = keyof Events;
/** The data `appendEvent` takes for a type (the stored shape, before defaults). */
export type EventData<T extends EventType> = z.input<Events[T]['stored']>;
/** The data as kept, after parsing. */
export type StoredEventData<T extends EventType> = z.output<Events[T]['stored']>;
/** The audiences that hear of a type. */
export type AudiencesOf<T extends EventType> = keyof Events[T]['audiences'] & Audience;
/** What audience `A` receives of type `T`. */
export type EventDataFor<T extends EventType, A extends Audience> = Events[T]['audiences'] extends Record<A, infer S extends z.ZodType> ? z.output<S> : never;

type EventFor<A extends Audience> = {
  [T in EventType]: A extends AudiencesOf<T> ? { version: number; at: string; type: T } & { [K in Events[T]['field']]: EventDataFor<T, A> } : never;
}[EventType];

export const EVENT_TYPES = Object.keys(EVENTS) as EventType[];

/** The types every kiosk hears of, whichever device they are about. */
export const EVERY_KIOSK_TYPES = EVENT_TYPES.filter((t) => (EVENTS[t] as EventDef).everyKiosk === true);

/** The types an audience hears of, in table order. */
export function eventTypesFor(audience: Audience): EventType[] {
  return EVENT_TYPES.filter((t) => audience in EVENTS[t].audiences);
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENTS, type);
}

function unionFor<A extends Audience>(audience: A): z.ZodType<EventFor<A>> {
  const variants = eventTypesFor(audience).map((type) => {
    const def: EventDef = EVENTS[type];
    return z.object({ version: z.number().int().positive(), at: z.string(), type: z.literal(type), [def.field]: def.audiences[audience]! });
  });
  return z.discriminatedUnion('type', variants as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<EventFor<A>>;
}

/** Events as each audience receives them. */
export const StaffEvent = unionFor('staff');
export type StaffEvent = EventFor<'staff'>;
export const WallEvent = unionFor('wall');
export type WallEvent = EventFor<'wall'>;
export const KioskEvent = unionFor('kiosk');
export type KioskEvent = EventFor<'kiosk'>;

/** Live hint sent over SSE: only the new version; the client then pulls. */
export const LiveHint = z.object({ version: z.number().int().nonnegative() });
export type LiveHint = z.infer<typeof LiveHint>;
