/**
 * States no event announces, found by a periodic sweep: a luggage item past its expected
 * pick-up, a kiosk not heard from, a kiosk whose storage is full (writes refused) or nearly so. Each is announced
 * once per transition: a mark is written with the deliveries (one transaction; with several
 * instances only the one whose mark insert lands enqueues) and removed when the state ends.
 */
import { sql } from 'kysely';
import type { Store } from '../store/store.ts';
import { enqueue } from './deliveries.repo.ts';
import { kioskMessage, luggageOverdue, type KioskHealth, type OverdueLuggage, type WebhookMessage } from './mapping.ts';

/** A kiosk sends a heartbeat every minute (shared/sync-client/heartbeat.ts): five missed is offline. */
export const KIOSK_OFFLINE_AFTER_MS = 5 * 60_000;
/** Storage used at or above this share of the browser's quota is "full" (writes may soon fail). */
export const STORAGE_FULL_RATIO = 0.9;

/** Full: the kiosk said writes fail for want of space, or it uses nearly all of its quota. */
const isFull = sql<boolean>`(d.storage_error = 'quota' or (d.storage_quota > 0 and d.storage_usage >= d.storage_quota * ${STORAGE_FULL_RATIO}))`;

type Found = { propertyId: string; subjectId: string; message: WebhookMessage };
type Kind = 'luggage.overdue' | 'kiosk.offline' | 'kiosk.storage_full';

const unmarked = (kind: Kind, subject: string) => sql<boolean>`not exists (select 1 from webhook_marks m where m.kind = ${kind} and m.subject_id = ${sql.ref(subject)}::text)`;

async function announce(store: Store, kind: Kind, found: Found[], stillIn: ReturnType<typeof sql>, now: Date): Promise<number> {
  let sent = 0;
  for (const f of found) {
    sent += await store.tx(async (trx) => {
      const mark = await trx.insertInto('webhook_marks').values({ property_id: f.propertyId, kind, subject_id: f.subjectId, at: now }).onConflict((oc) => oc.doNothing()).returning('subject_id').executeTakeFirst();
      return mark ? enqueue(trx, f.propertyId, [f.message], now) : 0;
    });
  }
  // The state ended (collected, back online, space freed): the next time it begins is announced again.
  await sql`delete from webhook_marks m where m.kind = ${kind} and not (${stillIn})`.execute(store.db);
  return sent;
}

const KIOSK_COLUMNS = ['d.id', 'd.property_id', 'd.name', 'd.last_seen_at', 'd.storage_usage', 'd.storage_quota', 'd.storage_error'] as const;
const kioskFound = (type: 'kiosk.offline' | 'kiosk.storage_full', rows: (KioskHealth & { property_id: string })[], now: Date): Found[] =>
  rows.map((r) => ({ propertyId: r.property_id, subjectId: r.id, message: kioskMessage(type, r, now) }));

/** One pass; returns how many deliveries it queued. */
export async function sweepStates(store: Store, now: Date): Promise<number> {
  const offlineBefore = new Date(now.getTime() - KIOSK_OFFLINE_AFTER_MS);
  const luggage = await store.db
    .selectFrom('luggage_items as l')
    .select(['l.id', 'l.property_id', 'l.ticket', 'l.status', 'l.bags', 'l.location', 'l.expected_pickup_at', 'l.created_at', 'l.guest_name', 'l.room', 'l.notes'])
    .where('l.status', 'in', ['stored', 'lost_claim_pending'])
    .where('l.expected_pickup_at', '<', now)
    .where(unmarked('luggage.overdue', 'l.id'))
    .limit(200)
    .execute();
  let sent = await announce(
    store,
    'luggage.overdue',
    luggage.map((l) => ({ propertyId: l.property_id, subjectId: l.id, message: luggageOverdue(l as OverdueLuggage, now) })),
    sql`exists (select 1 from luggage_items l where l.id::text = m.subject_id and l.status in ('stored', 'lost_claim_pending') and l.expected_pickup_at < ${now})`,
    now,
  );
  const kiosks = store.db.selectFrom('devices as d').select(KIOSK_COLUMNS).where('d.kind', '=', 'kiosk').where('d.revoked_at', 'is', null);
  const offline = await kiosks.where('d.last_seen_at', '<', offlineBefore).where(unmarked('kiosk.offline', 'd.id')).execute();
  sent += await announce(store, 'kiosk.offline', kioskFound('kiosk.offline', offline, now), sql`exists (select 1 from devices d where d.id::text = m.subject_id and d.revoked_at is null and d.last_seen_at < ${offlineBefore})`, now);
  const full = await kiosks.where(isFull).where(unmarked('kiosk.storage_full', 'd.id')).execute();
  sent += await announce(store, 'kiosk.storage_full', kioskFound('kiosk.storage_full', full, now), sql`exists (select 1 from devices d where d.id::text = m.subject_id and d.revoked_at is null and ${isFull})`, now);
  return sent;
}
