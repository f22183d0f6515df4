/** SQL for webhook endpoints (migration 019). Secrets are read only by the signer and the create/rotate answers. */
import type { WebhookEndpoint, WebhookEventType, WebhookGuestField } from '../../../shared/protocol/webhooks.ts';
import type { Db, Tx } from '../store/store.ts';

const COLUMNS = ['id', 'url', 'description', 'event_types', 'guest_fields', 'active', 'created_at', 'rotated_at'] as const;
type Row = { id: string; url: string; description: string; event_types: string[]; guest_fields: string[]; active: boolean; created_at: Date | string; rotated_at: Date | string | null };

/** PGlite and pg both return text[] as arrays; a driver that returns the literal `{a,b}` is read too. */
const arr = (v: string[] | string): string[] => (Array.isArray(v) ? v : v.replace(/^\{|\}$/g, '').split(',').filter(Boolean));

function toEndpoint(r: Row): WebhookEndpoint {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    eventTypes: arr(r.event_types) as WebhookEventType[],
    guestFields: arr(r.guest_fields) as WebhookGuestField[],
    active: r.active,
    createdAt: new Date(r.created_at).toISOString(),
    secretRotatedAt: r.rotated_at === null ? null : new Date(r.rotated_at).toISOString(),
  };
}

export async function listEndpoints(db: Db | Tx, propertyId: string): Promise<WebhookEndpoint[]> {
  const rows = await db.selectFrom('webhook_endpoints').select(COLUMNS).where('property_id', '=', propertyId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toEndpoint);
}

export async function findEndpoint(db: Db | Tx, propertyId: string, id: string): Promise<WebhookEndpoint | null> {
  const row = await db.selectFrom('webhook_endpoints').select(COLUMNS).where('property_id', '=', propertyId).where('id', '=', id).executeTakeFirst();
  return row ? toEndpoint(row) : null;
}

export interface EndpointValues {
  url: string;
  description: string;
  eventTypes: string[];
  guestFields: string[];
  active: boolean;
}

export async function insertEndpoint(trx: Tx, propertyId: string, id: string, v: EndpointValues, secret: string, now: Date): Promise<WebhookEndpoint> {
  const row = await trx
    .insertInto('webhook_endpoints')
    .values({ id, property_id: propertyId, url: v.url, description: v.description, event_types: v.eventTypes, guest_fields: v.guestFields, active: v.active, secret, created_at: now })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toEndpoint(row);
}

export async function updateEndpoint(trx: Tx, propertyId: string, id: string, v: EndpointValues): Promise<WebhookEndpoint> {
  const row = await trx
    .updateTable('webhook_endpoints')
    .set({ url: v.url, description: v.description, event_types: v.eventTypes, guest_fields: v.guestFields, active: v.active })
    .where('property_id', '=', propertyId)
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toEndpoint(row);
}

/** The current secret becomes the previous one (it still signs for a day), `secret` the current. */
export async function rotateSecret(trx: Tx, propertyId: string, id: string, secret: string, now: Date): Promise<void> {
  await trx
    .updateTable('webhook_endpoints')
    .set((eb) => ({ previous_secret: eb.ref('secret'), secret, rotated_at: now }))
    .where('property_id', '=', propertyId)
    .where('id', '=', id)
    .execute();
}

/** Takes the property row's lock (appendEvent takes it too), so two managers adding at once both see the limit. */
export async function lockProperty(trx: Tx, propertyId: string): Promise<void> {
  await trx.selectFrom('properties').select('id').where('id', '=', propertyId).forUpdate().executeTakeFirstOrThrow();
}
