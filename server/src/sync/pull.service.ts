import type { ServiceRequest } from '../../../shared/domain/request.ts';
import { EVENT_TYPES, EVENTS, EVERY_KIOSK_TYPES, eventTypesFor, isEventType, type Audience, type EventType } from '../../../shared/protocol/events.ts';
import { PROJECTIONS } from './projections.ts';
import { MAX_PULL_BATCH } from '../../../shared/protocol/sync.ts';
import type { Principal } from '../auth/principal.ts';
import { currentIssues } from '../issues/issues.repo.ts';
import { currentLuggage } from '../luggage/luggage.repo.ts';
import { currentRequests } from '../requests/requests.repo.ts';
import { displaySettings } from '../settings/display.repo.ts';
import { allServices } from '../services/services.repo.ts';
import type { Db } from '../store/store.ts';
import { currentVersion, eventsAfter, type EventRow } from '../events/events.repo.ts';

export function audienceOf(who: Principal): Audience {
  return who.kind === 'staff' ? 'staff' : who.deviceKind === 'wall' ? 'wall' : 'kiosk';
}

/** What each audience may see of a request: the wall never gets names, rooms or notes; a kiosk only its own. */
function project(audience: Audience, r: ServiceRequest) {
  return PROJECTIONS['request.upserted'][audience](r);
}

/** Told of each event the pull skips: a type this version does not know (written by a newer one), or data it cannot read. */
export type SkipLog = (skipped: { version: number; type: string; reason: 'unknown_type' | 'unreadable' }) => void;

/** The event as `audience` receives it, or null when it cannot be read (the caller logs and skips it). */
function toAudience(audience: Audience, row: EventRow): object | null {
  if (!isEventType(row.type)) return null;
  const type: EventType = row.type;
  const projections: Partial<Record<Audience, (data: never) => unknown>> = PROJECTIONS[type];
  const projection = projections[audience];
  const stored = EVENTS[type].stored.safeParse(row.data);
  if (!projection || !stored.success) return null;
  return { version: row.version, at: new Date(row.at).toISOString(), type, [EVENTS[type].field]: projection(stored.data as never) };
}

/**
 * Events after `after`, up to the version that was committed when the pull
 * began. `reset` when the cursor is ahead of the server (a restored database).
 * An event this version cannot read (a type a newer version wrote during a
 * rolling deploy, or data it cannot parse) is skipped and logged, for every
 * audience, and the cursor moves past it: one such row never fails a pull.
 */
export async function pull(db: Db, who: Principal, after: number, onSkip: SkipLog = () => undefined) {
  const audience = audienceOf(who);
  const upTo = await currentVersion(db, who.propertyId);
  if (after > upTo) return { version: upTo, events: [], hasMore: false, reset: true };
  const own = audience === 'kiosk' && who.kind === 'device' ? who.deviceId : undefined;
  // Screens in the lobby read only the types they hear of (and any type this version does not know, to log it).
  const types = audience === 'staff' ? undefined : { only: eventTypesFor(audience), known: EVENT_TYPES };
  const kiosk = own ? { deviceId: own, everyKioskTypes: EVERY_KIOSK_TYPES } : undefined;
  const rows = await eventsAfter(db, who.propertyId, after, upTo, MAX_PULL_BATCH, kiosk, types);
  const hasMore = rows.length === MAX_PULL_BATCH;
  const events = rows.flatMap((row) => {
    const event = toAudience(audience, row);
    if (event) return [event];
    onSkip({ version: row.version, type: row.type, reason: isEventType(row.type) ? 'unreadable' : 'unknown_type' });
    return [];
  });
  return { version: hasMore ? rows[rows.length - 1]!.version : upTo, events, hasMore, reset: false };
}

export async function snapshot(db: Db, who: Principal) {
  const audience = audienceOf(who);
  // Read the version first: anything the request query sees beyond it is merely applied again on the next pull.
  const version = await currentVersion(db, who.propertyId);
  const own = audience === 'kiosk' && who.kind === 'device' ? who.deviceId : undefined;
  const requests = (await currentRequests(db, who.propertyId, own)).map((r) => project(audience, r));
  // Every audience gets the whole catalog, retired services included (the labels of old tickets).
  const services = await allServices(db, who.propertyId);
  if (audience === 'wall') return { version, requests, services, display: await displaySettings(db, who.propertyId) };
  if (audience !== 'staff') return { version, requests, services };
  return { version, requests, services, issues: await currentIssues(db, who.propertyId), luggage: await currentLuggage(db, who.propertyId) };
}
