/**
 * Endpoint rules: at most WEBHOOK_ENDPOINTS_MAX per property, event types and guest fields
 * named once each, a new secret on create and rotate (shown then only). Every change is audited,
 * without the secret.
 */
import { v7 as uuidv7 } from 'uuid';
import { WEBHOOK_ENDPOINTS_MAX, type WebhookCreated, type WebhookDelivery, type WebhookEndpoint, type WebhookEndpointBody, type WebhookEndpointPatch } from '../../../shared/protocol/webhooks.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { DomainError } from '../http/errors.ts';
import type { Tx } from '../store/store.ts';
import { enqueuePing } from './deliveries.repo.ts';
import { findEndpoint, insertEndpoint, listEndpoints, lockProperty, rotateSecret, updateEndpoint } from './endpoints.repo.ts';
import { newSecret } from './signer.ts';

export interface WebhookActor {
  propertyId: string;
  staffId: string;
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

async function mustFind(trx: Tx, who: WebhookActor, id: string): Promise<WebhookEndpoint> {
  const e = await findEndpoint(trx, who.propertyId, id);
  if (!e) throw new DomainError('not_found', 'No webhook endpoint with this id at your property');
  return e;
}

const audit = (trx: Tx, who: WebhookActor, action: string, id: string, details: Record<string, unknown> = {}) =>
  appendAudit(trx, { propertyId: who.propertyId, staffId: who.staffId, action, subjectId: id, details });

export async function createEndpoint(trx: Tx, who: WebhookActor, body: WebhookEndpointBody, now: Date): Promise<WebhookCreated> {
  await lockProperty(trx, who.propertyId);
  const existing = await listEndpoints(trx, who.propertyId);
  if (existing.length >= WEBHOOK_ENDPOINTS_MAX) throw new DomainError('bad_request', `A property has at most ${WEBHOOK_ENDPOINTS_MAX} webhook endpoints: edit or switch off one instead`);
  const secret = newSecret();
  const values = { url: body.url, description: body.description, eventTypes: unique(body.eventTypes), guestFields: unique(body.guestFields), active: true };
  const endpoint = await insertEndpoint(trx, who.propertyId, uuidv7(), values, secret, now);
  await audit(trx, who, 'webhook.created', endpoint.id, { after: values });
  return { endpoint, secret };
}

export async function patchEndpoint(trx: Tx, who: WebhookActor, id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpoint> {
  const before = await mustFind(trx, who, id);
  const values = {
    url: patch.url ?? before.url,
    description: patch.description ?? before.description,
    eventTypes: unique(patch.eventTypes ?? before.eventTypes),
    guestFields: unique(patch.guestFields ?? before.guestFields),
    active: patch.active ?? before.active,
  };
  const after = await updateEndpoint(trx, who.propertyId, id, values);
  await audit(trx, who, 'webhook.updated', id, { before, after: values });
  return after;
}

export async function rotateEndpointSecret(trx: Tx, who: WebhookActor, id: string, now: Date): Promise<{ secret: string }> {
  await mustFind(trx, who, id);
  const secret = newSecret();
  await rotateSecret(trx, who.propertyId, id, secret, now);
  await audit(trx, who, 'webhook.rotated', id);
  return { secret };
}

export async function pingEndpoint(trx: Tx, who: WebhookActor, id: string, now: Date): Promise<WebhookDelivery> {
  await mustFind(trx, who, id);
  const delivery = await enqueuePing(trx, id, uuidv7(), now);
  await audit(trx, who, 'webhook.tested', id, { deliveryId: delivery.id });
  return delivery;
}
