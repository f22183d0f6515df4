/**
 * Outgoing webhooks: a manager registers HTTPS (or LAN HTTP) endpoints for
 * event types on the tablet; the server signs each delivery per the Standard
 * Webhooks specification (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`, HMAC-SHA256) and delivers it from a durable outbox.
 *
 * Routes (managers only):
 * - `GET  /api/settings/webhooks` → `WebhookEndpoint[]`
 * - `POST /api/settings/webhooks` `WebhookEndpointBody` → `WebhookCreated` (the secret is shown once)
 * - `POST /api/settings/webhooks/:id` `WebhookEndpointPatch` → `WebhookEndpoint`
 * - `POST /api/settings/webhooks/:id/rotate` → `WebhookSecret` (the old secret still signs for a day)
 * - `POST /api/settings/webhooks/:id/test` → `WebhookDelivery` (a `ping`, queued like any delivery)
 * - `GET  /api/settings/webhooks/:id/deliveries` → `WebhookDelivery[]` (newest first, at most 100)
 */
import { z } from 'zod';
import { FreeText } from '../domain/text.ts';

/** What an endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'request.created',
  'request.called',
  'request.completed',
  'complaint.opened',
  'complaint.escalated',
  'complaint.closed',
  'luggage.overdue',
  'kiosk.offline',
  'kiosk.storage_full',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/**
 * Guest data a delivery carries only when the manager ticks it. Without any,
 * a delivery says ticket, kind, status and times: nothing that names a guest.
 */
export const WEBHOOK_GUEST_FIELDS = ['guestName', 'room', 'note'] as const;
export const WebhookGuestField = z.enum(WEBHOOK_GUEST_FIELDS);
export type WebhookGuestField = z.infer<typeof WebhookGuestField>;

/** Most endpoints one property may register. */
export const WEBHOOK_ENDPOINTS_MAX = 20;
export const WEBHOOK_URL_MAX = 2000;

/** Spaces, control characters and bidi controls: never in an address (the parser would encode some, hiding them). */
// eslint-disable-next-line no-control-regex
const URL_REFUSED = /[\u0000-\u0020\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * An absolute http(s) URL without credentials in it, kept as the URL parser writes it
 * (percent-encoded, host in ASCII). Control characters, spaces and broken characters are refused.
 */
export const WebhookUrl = z
  .string()
  .max(WEBHOOK_URL_MAX)
  .refine((s) => s.isWellFormed() && !URL_REFUSED.test(s), 'must not contain spaces, control characters or broken characters')
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'an http:// or https:// address without a user name or password')
  .transform((s) => new URL(s).href)
  .refine((s) => s.length <= WEBHOOK_URL_MAX, `must be at most ${WEBHOOK_URL_MAX} characters once encoded`);

export const WebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(WebhookEventType),
  guestFields: z.array(WebhookGuestField),
  active: z.boolean(),
  createdAt: z.string(),
  /** When the secret was last rotated; the previous one signs too until a day after this. */
  secretRotatedAt: z.string().nullable(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookEndpointBody = z.object({
  url: WebhookUrl,
  description: FreeText(120),
  eventTypes: z.array(WebhookEventType).min(1, 'choose at least one event').max(WEBHOOK_EVENT_TYPES.length),
  guestFields: z.array(WebhookGuestField).max(WEBHOOK_GUEST_FIELDS.length).default([]),
});
export type WebhookEndpointBody = z.infer<typeof WebhookEndpointBody>;

/** Only the fields sent change: the body's `guestFields` default is dropped here, or a patch without them (a pause) would clear them. */
export const WebhookEndpointPatch = WebhookEndpointBody.extend({ guestFields: z.array(WebhookGuestField).max(WEBHOOK_GUEST_FIELDS.length) })
  .partial()
  .extend({ active: z.boolean().optional() });
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatch>;

/** A signing secret in the Standard Webhooks form (`whsec_` + base64). */
export const WebhookSecret = z.object({ secret: z.string().startsWith('whsec_') });
export type WebhookSecret = z.infer<typeof WebhookSecret>;

export const WebhookCreated = z.object({ endpoint: WebhookEndpoint, secret: z.string().startsWith('whsec_') });
export type WebhookCreated = z.infer<typeof WebhookCreated>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const WebhookDeliveryStatus = z.enum(WEBHOOK_DELIVERY_STATUSES);

/** One message to one endpoint, as the tablet lists it. `id` is the `webhook-id` the receiver sees (its idempotency key). */
export const WebhookDelivery = z.object({
  id: z.string(),
  eventType: z.union([WebhookEventType, z.literal('ping')]),
  entityId: z.string(),
  status: WebhookDeliveryStatus,
  attempts: z.number().int(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  /** The receiver's HTTP status, or a short reason (timeout, refused) when there was none. */
  lastResult: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** The body of a delivery (Standard Webhooks' recommended shape). */
export const WebhookPayload = z.object({
  type: z.union([WebhookEventType, z.literal('ping')]),
  timestamp: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;

/** The `:id` of the per-endpoint routes. */
export const WebhookIdParams = z.object({ id: z.uuid() });
