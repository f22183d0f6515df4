/**
 * Which events become which webhooks, and what a delivery says: one table from an event
 * (its type and its new data) to a webhook type, and one builder per subject of the
 * payload's `data`. The payload holds ticket, kind, status, times, department/queue and the
 * entity id; guest fields travel only where the endpoint ticked them (`guest`, kept apart
 * so the outbox insert adds them per endpoint). Nothing else of a guest ever leaves.
 *
 * "Status became X" is read from the new data alone: the service that makes a transition
 * stamps its time with the same instant as `updatedAt` (calledAt, completedAt, escalatedAt,
 * closedAt), and a new row has rev 1. So a later edit of a called request is not a second call.
 */
import type { EventType, StoredEventData } from '../../../shared/protocol/events.ts';
import type { WebhookEventType, WebhookGuestField } from '../../../shared/protocol/webhooks.ts';
import type { NewEvent } from '../events/events.repo.ts';

export interface WebhookMessage {
  type: WebhookEventType;
  entityId: string;
  /** ISO time of the event (the payload's `timestamp`). */
  at: string;
  data: Record<string, unknown>;
  /** Guest data, sent only for the fields an endpoint ticked. */
  guest: Partial<Record<WebhookGuestField, string | null>>;
}

type Req = StoredEventData<'request.upserted'>;
type Iss = StoredEventData<'issue.upserted'>;

const requestData = (r: Req) => ({
  id: r.id,
  ticket: r.ticket,
  kind: r.kind,
  status: r.status,
  department: r.department ?? null,
  desk: r.desk,
  createdAt: r.createdAt,
  calledAt: r.calledAt,
  completedAt: r.completedAt,
});

const issueData = (i: Iss) => ({
  id: i.id,
  reference: i.reference ?? null,
  kind: i.source,
  severity: i.severity,
  status: i.status,
  departments: i.departments ?? [],
  escalationLevel: i.escalationLevel ?? 0,
  createdAt: i.createdAt,
  escalatedAt: i.escalatedAt ?? null,
  resolvedAt: i.resolvedAt ?? null,
  closedAt: i.closedAt ?? null,
});

/** The one table: an event type, and how its new data says which webhook (if any) it is. */
const FROM_EVENT: { [T in EventType]?: (d: StoredEventData<T>) => WebhookEventType | null } = {
  'request.upserted': (r) =>
    r.rev === 1 ? 'request.created' : r.status === 'called' && r.calledAt === r.updatedAt ? 'request.called' : r.status === 'completed' && r.completedAt === r.updatedAt ? 'request.completed' : null,
  'issue.upserted': (i) =>
    i.rev === 1 ? 'complaint.opened' : i.status === 'closed' && i.closedAt === i.updatedAt ? 'complaint.closed' : i.escalatedAt === i.updatedAt ? 'complaint.escalated' : null,
};

/** The webhook an event causes, or null (most events cause none: the outbox is not touched). */
export function webhookFor(e: NewEvent): WebhookMessage | null {
  if (e.type === 'request.upserted') {
    const r = e.data as Req;
    const type = FROM_EVENT['request.upserted']!(r);
    return type && { type, entityId: e.entityId, at: r.updatedAt, data: requestData(r), guest: { guestName: r.guestName, room: r.room, note: r.note } };
  }
  if (e.type === 'issue.upserted') {
    const i = e.data as Iss;
    const type = FROM_EVENT['issue.upserted']!(i);
    return type && { type, entityId: e.entityId, at: i.updatedAt, data: issueData(i), guest: { guestName: i.guestName, room: i.room, note: i.summary } };
  }
  return null;
}

/** The event types that can cause a webhook: any other type skips the outbox without a statement. */
export const WEBHOOK_SOURCE_EVENTS = Object.keys(FROM_EVENT) as EventType[];

export interface OverdueLuggage {
  id: string;
  ticket: string | null;
  status: string;
  bags: number;
  location: string;
  expected_pickup_at: Date | string | null;
  created_at: Date | string;
  guest_name: string | null;
  room: string | null;
  notes: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function luggageOverdue(l: OverdueLuggage, now: Date): WebhookMessage {
  return {
    type: 'luggage.overdue',
    entityId: l.id,
    at: now.toISOString(),
    data: { id: l.id, ticket: l.ticket, kind: 'luggage', status: l.status, bags: l.bags, location: l.location, createdAt: iso(l.created_at), expectedPickupAt: iso(l.expected_pickup_at) },
    guest: { guestName: l.guest_name, room: l.room, note: l.notes },
  };
}

export interface KioskHealth {
  id: string;
  name: string;
  last_seen_at: Date | string | null;
  storage_usage: number | string | null;
  storage_quota: number | string | null;
  storage_error: string | null;
}

export function kioskMessage(type: 'kiosk.offline' | 'kiosk.storage_full', k: KioskHealth, now: Date): WebhookMessage {
  const n = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    type,
    entityId: k.id,
    at: now.toISOString(),
    data: { id: k.id, kind: 'kiosk', name: k.name, lastSeenAt: iso(k.last_seen_at), storageUsage: n(k.storage_usage), storageQuota: n(k.storage_quota), storageError: k.storage_error },
    guest: {},
  };
}
