import { sql } from 'kysely';
import type { EventData, EventType } from '../../../shared/protocol/events.ts';
import type { Db, Tx } from '../store/store.ts';
import { enqueue } from '../webhooks/deliveries.repo.ts';
import { webhookFor } from '../webhooks/mapping.ts';

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
 * Appends an event under the next property version. The UPDATE takes the
 * property row's lock until commit, so versions become visible in order and
 * without gaps: a reader that has seen version V has seen everything below.
 */
export async function appendEvent(trx: Tx, e: NewEvent): Promise<number> {
  const { version } = await trx
    .updateTable('properties')
    .set({ version: sql`version + 1` })
    .where('id', '=', e.propertyId)
    .returning('version')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('events')
    .values({
      property_id: e.propertyId,
      version,
      type: e.type,
      entity_id: e.entityId,
      subject_device_id: e.subjectDeviceId,
      actor_staff_id: e.actorStaffId,
      origin_device_id: e.originDeviceId,
      data: JSON.stringify(e.data),
    })
    .execute();
  // The webhook outbox rows commit with the event (one statement, and none for an event that causes no webhook).
  const hook = webhookFor(e);
  if (hook) await enqueue(trx, e.propertyId, hook, new Date());
  return version;
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
