/** SQL for the delivery outbox (migration 019): enqueue with the event, claim due rows, record results, list. */
import { sql } from 'kysely';
import type { WebhookDelivery } from '../../../shared/protocol/webhooks.ts';
import type { Db, Tx } from '../store/store.ts';
import type { WebhookMessage } from './mapping.ts';
import { jsonRows } from '../store/json-rows.ts';

/** A uuid v7 made by the database, one per inserted row (a time-ordered webhook-id). */
const UUID_V7 = sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/**
 * Queues the deliveries of these messages, in their order, for every active endpoint of the property
 * subscribed to each one's type: one statement for all of them. Guest fields go only to endpoints that ticked them.
 * Runs in the caller's transaction, so the outbox rows commit (or not) with the events.
 */
export async function enqueue(trx: Tx, propertyId: string, messages: readonly WebhookMessage[], now: Date): Promise<number> {
  // Most properties subscribe to nothing (or not to these types): a cheap look first spares serialising every payload.
  if (!(await anySubscribed(trx, propertyId, messages))) return 0;
  return enqueueSubscribed(trx, propertyId, messages, now);
}

/** Whether an active endpoint of the property subscribes to any of these messages' types (one indexed look). */
export async function anySubscribed(trx: Tx, propertyId: string, messages: readonly WebhookMessage[]): Promise<boolean> {
  if (messages.length === 0) return false;
  const types = [...new Set(messages.map((m) => m.type))];
  const subscribed = await trx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('property_id', '=', propertyId)
    .where('active', '=', true)
    .where(sql<boolean>`event_types && ${sql.val(types)}::text[]`)
    .limit(1)
    .executeTakeFirst();
  return subscribed !== undefined;
}

/** `enqueue` once `anySubscribed` has said yes (in the same transaction): the deliveries, in the messages' order. */
export async function enqueueSubscribed(trx: Tx, propertyId: string, messages: readonly WebhookMessage[], now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = jsonRows(messages.map((m, ord) => ({ ord, type: m.type, entity_id: m.entityId, at: m.at, data: m.data, guest: m.guest })));
  const res = await sql`
    insert into webhook_deliveries (id, endpoint_id, event_type, entity_id, payload, next_attempt_at, created_at)
    select ${UUID_V7}, e.id, m.type, m.entity_id,
      jsonb_build_object('type', m.type, 'timestamp', m.at, 'data',
        m.data || coalesce((select jsonb_object_agg(f, m.guest -> f) from unnest(e.guest_fields) f where m.guest ? f), '{}'::jsonb)),
      ${now}, ${now}
    from jsonb_to_recordset(${rows}::jsonb) as m(ord int, type text, entity_id text, at text, data jsonb, guest jsonb)
    join webhook_endpoints e on e.property_id = ${propertyId} and e.active and m.type = any(e.event_types)
    order by m.ord, e.id`.execute(trx);
  return Number(res.numAffectedRows ?? 0);
}

/** A `ping` to one endpoint (the tablet's test button), queued like any delivery. */
export async function enqueuePing(trx: Tx, endpointId: string, id: string, now: Date): Promise<WebhookDelivery> {
  const payload = { type: 'ping', timestamp: now.toISOString(), data: { endpointId } };
  const row = await trx
    .insertInto('webhook_deliveries')
    .values({ id, endpoint_id: endpointId, event_type: 'ping', entity_id: endpointId, payload: JSON.stringify(payload), next_attempt_at: now, created_at: now })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toDelivery(row);
}

const COLUMNS = ['id', 'event_type', 'entity_id', 'status', 'attempts', 'created_at', 'last_attempt_at', 'last_result', 'next_attempt_at'] as const;
type Row = { id: string; event_type: string; entity_id: string; status: string; attempts: number; created_at: Date | string; last_attempt_at: Date | string | null; last_result: string | null; next_attempt_at: Date | string | null };
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toDelivery(r: Row): WebhookDelivery {
  return {
    id: r.id,
    eventType: r.event_type as WebhookDelivery['eventType'],
    entityId: r.entity_id,
    status: r.status as WebhookDelivery['status'],
    attempts: r.attempts,
    createdAt: iso(r.created_at)!,
    lastAttemptAt: iso(r.last_attempt_at),
    lastResult: r.last_result,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
  };
}

/** The endpoint's latest deliveries, newest first. */
export async function recentDeliveries(db: Db, endpointId: string, limit = 100): Promise<WebhookDelivery[]> {
  const rows = await db.selectFrom('webhook_deliveries').select(COLUMNS).where('endpoint_id', '=', endpointId).orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(toDelivery);
}

export interface Claimed {
  id: string;
  endpointId: string;
  url: string;
  secret: string;
  previousSecret: string | null;
  rotatedAt: Date | null;
  payload: unknown;
  attempts: number;
  createdAt: Date;
}

/**
 * Claims up to `limit` due deliveries for this instance: never one while an earlier pending
 * delivery for the same endpoint and entity exists (order per entity), rows another instance
 * holds are skipped (and endpoints in `skipEndpoints`: those this instance already has enough
 * attempts under way for), and each claimed row's next_attempt_at moves to `leaseUntil`, so a row
 * whose claimer died becomes due again then.
 */
/** Whether any endpoint, of any property, is switched on (a paused one's deliveries wait and are not claimed). */
export async function anyActiveEndpoint(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('webhook_endpoints').select('id').where('active', '=', true).limit(1).executeTakeFirst());
}

export async function claimDue(db: Db, now: Date, leaseUntil: Date, limit: number, skipEndpoints: readonly string[] = []): Promise<Claimed[]> {
  const skip = skipEndpoints.length ? sql`and d.endpoint_id not in (${sql.join(skipEndpoints.map((id) => sql`${id}::uuid`))})` : sql``;
  const res = await sql<{ id: string; endpoint_id: string; url: string; secret: string; previous_secret: string | null; rotated_at: Date | string | null; payload: unknown; attempts: number; created_at: Date | string }>`
    with due as (
      select d.id from webhook_deliveries d
      join webhook_endpoints e on e.id = d.endpoint_id and e.active -- switched off: its deliveries wait
      where d.status = 'pending' and d.next_attempt_at <= ${now} ${skip}
        and not exists (select 1 from webhook_deliveries p where p.endpoint_id = d.endpoint_id and p.entity_id = d.entity_id and p.status = 'pending' and p.seq < d.seq)
      order by d.next_attempt_at, d.seq
      limit ${limit}
      for update of d skip locked
    ), claimed as (
      update webhook_deliveries w set next_attempt_at = ${leaseUntil} from due where w.id = due.id
      returning w.id, w.endpoint_id, w.payload, w.attempts, w.created_at
    )
    select c.*, e.url, e.secret, e.previous_secret, e.rotated_at from claimed c join webhook_endpoints e on e.id = c.endpoint_id`.execute(db);
  return res.rows.map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    url: r.url,
    secret: r.secret,
    previousSecret: r.previous_secret,
    rotatedAt: r.rotated_at === null ? null : new Date(r.rotated_at),
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    attempts: r.attempts,
    createdAt: new Date(r.created_at),
  }));
}

/** Gives claimed rows back (due at `at`) without an attempt: more than this instance takes on at once for their endpoint. */
export async function releaseClaims(db: Db, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length) await db.updateTable('webhook_deliveries').set({ next_attempt_at: at }).where('id', 'in', ids).where('status', '=', 'pending').execute();
}

/** Records one attempt: delivered, retried at `retryAt`, or failed for good (retryAt null). */
export async function recordAttempt(db: Db, id: string, at: Date, result: string, outcome: { delivered: true } | { delivered: false; retryAt: Date | null }): Promise<void> {
  const status = outcome.delivered ? 'delivered' : outcome.retryAt ? 'pending' : 'failed';
  await db
    .updateTable('webhook_deliveries')
    .set({ status, attempts: sql<number>`attempts + 1`, last_attempt_at: at, last_result: result.slice(0, 200), next_attempt_at: outcome.delivered ? null : outcome.retryAt })
    .where('id', '=', id)
    .execute();
}
