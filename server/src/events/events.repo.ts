import { sql } from 'kysely';
import type { EventData, EventType } from '../../../shared/protocol/events.ts';
import type { Db, Tx } from '../store/store.ts';
import { anySubscribed, enqueueSubscribed } from '../webhooks/deliveries.repo.ts';
import { webhookFor } from '../webhooks/mapping.ts';
import { jsonRows } from '../store/json-rows.ts';

/** An event to append: its `data` has the stored shape its type's row in shared/protocol/events.ts gives. */
export type NewEvent = {
  [T in EventType]: {
    propertyId: string;
    type: T;
    entityId: string;
    subjectDeviceId: string | null;
    actorStaffId: string | null;
    originDeviceId: string | null;
    data: EventData<T>;
  };
}[EventType];

/**
 * A push's events wait here and are appended together when its batch ends
 * (push.service.ts): one version bump, one multi-row insert, one outbox
 * statement for the whole batch. Keyed by the push's transaction.
 */
const batches = new WeakMap<Tx, NewEvent[]>();

/** From now on, `appendEvent` on this transaction collects instead of writing; `appendEvents` writes them. */
export function collectEvents(trx: Tx): NewEvent[] {
  const events: NewEvent[] = [];
  batches.set(trx, events);
  return events;
}

/** The batch is over: later appends on this transaction write at once. */
export function stopCollecting(trx: Tx): void {
  batches.delete(trx);
}

/**
 * Appends an event under the next property version, and answers that version.
 * Inside a push (`collectEvents`) the event is kept for the batch's end and the
 * answer is 0: the push assigns the versions and publishes the highest.
 */
export async function appendEvent(trx: Tx, e: NewEvent): Promise<number> {
  const collected = batches.get(trx);
  if (collected) {
    collected.push(e);
    return 0;
  }
  return appendEvents(trx, e.propertyId, [e]);
}

/**
 * Appends events, in order, under the property's next versions; answers the
 * last (0 for none). The UPDATE takes the property row's lock until commit, so
 * versions become visible in order and without gaps: a reader that has seen
 * version V has seen everything below.
 */
export async function appendEvents(trx: Tx, propertyId: string, events: readonly NewEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  if (events.some((e) => e.propertyId !== propertyId)) throw new Error('appendEvents: every event must belong to the property');
  // Before the lock: whether any of these events is a webhook someone subscribes to (most properties: none).
  const hooks = events.map(webhookFor).filter((h) => h !== null);
  const subscribed = await anySubscribed(trx, propertyId, hooks);
  // The bump and the insert in one statement: the property's lock is held for it and the commit only. The rows
  // travel as one JSON array (not 8 parameters per event), numbered by their place in it.
  const rows = jsonRows(
    events.map((e, i) => ({ i, type: e.type, entity_id: e.entityId, subject_device_id: e.subjectDeviceId, actor_staff_id: e.actorStaffId, origin_device_id: e.originDeviceId, data: e.data })),
  );
  const { rows: bumped } = await sql<{ version: number }>`
    with bump as (update properties set version = version + ${events.length} where id = ${propertyId} returning version),
    added as (
      insert into events (property_id, version, type, entity_id, subject_device_id, actor_staff_id, origin_device_id, data)
      select ${propertyId}, bump.version - ${events.length} + 1 + e.i, e.type, e.entity_id, e.subject_device_id, e.actor_staff_id, e.origin_device_id, e.data
      from bump, jsonb_to_recordset(${rows}::jsonb) as e(i int, type text, entity_id uuid, subject_device_id uuid, actor_staff_id text, origin_device_id uuid, data jsonb)
    )
    select version from bump`.execute(trx);
  const version = bumped[0]?.version;
  if (version === undefined) throw new Error(`appendEvents: no property ${propertyId}`);
  // The webhook outbox rows commit with the events, after the bump (so deliveries are ordered as the versions).
  if (subscribed) await enqueueSubscribed(trx, propertyId, hooks, new Date());
  return Number(version);
}

export async function currentVersion(db: Db, propertyId: string): Promise<number> {
  const row = await db.selectFrom('properties').select('version').where('id', '=', propertyId).executeTakeFirst();
  return row?.version ?? 0;
}

export interface EventRow {
  version: number;
  type: string;
  data: unknown;
  at: Date;
}

export async function eventsAfter(
  db: Db,
  propertyId: string,
  after: number,
  upTo: number,
  limit: number,
  /** A kiosk's pull: events about this device, and those of the types every kiosk hears of. */
  kiosk?: { deviceId: string; everyKioskTypes: readonly string[] },
  /** Only these types, plus any type not in `known` (so a type from a newer version is read, and skipped with a log line). */
  types?: { only: readonly string[]; known: readonly string[] },
): Promise<EventRow[]> {
  let q = db
    .selectFrom('events')
    .select(['version', 'type', 'data', 'at'])
    .where('property_id', '=', propertyId)
    .where('version', '>', after)
    .where('version', '<=', upTo);
  if (kiosk) q = q.where((w) => w.or([w('subject_device_id', '=', kiosk.deviceId), ...(kiosk.everyKioskTypes.length ? [w('type', 'in', kiosk.everyKioskTypes)] : [])]));
  if (types) q = q.where((w) => w.or([w('type', 'in', types.only), w('type', 'not in', types.known)]));
  return q.orderBy('version').limit(limit).execute();
}
