/**
 * The hotel's outgoing webhooks as a manager sees them on the tablet: the endpoints from
 * `GET /api/settings/webhooks`, each endpoint's recent deliveries (loaded when the screen opens
 * and on demand, polled while one is still pending and its list is open), and the manager's
 * changes straight over the API (not the outbox: the screen needs the server's yes or no at once,
 * and a new secret is shown only from that answer). Screens read the signals; only this module
 * writes them. Secrets are never kept here: they go from the answer to the screen that shows them.
 */
import { signal } from '@preact/signals';
import { z } from 'zod';
import {
  WebhookCreated,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookSecret,
  type WebhookEndpointBody,
  type WebhookEndpointPatch,
} from '../../../shared/protocol/webhooks.ts';
import { ApiFailure } from '../../../shared/sync-client/http.ts';
import { api, failureCode, type FailureCode } from './api.ts';

const BASE = '/api/settings/webhooks';
const path = (id: string, tail = '') => `${BASE}/${encodeURIComponent(id)}${tail}`;

/** Every endpoint, as the server last listed it; null until the first answer. */
export const webhookEndpoints = signal<readonly WebhookEndpoint[] | null>(null);
export const webhooksError = signal<FailureCode | null>(null);
/** Each endpoint's deliveries (newest first) once loaded in this session. */
export const webhookDeliveries = signal<ReadonlyMap<string, readonly WebhookDelivery[]>>(new Map());
/** The endpoint whose deliveries could not be loaded, with why. */
export const deliveriesErrors = signal<ReadonlyMap<string, FailureCode>>(new Map());

/**
 * A refusal as the screen shows it: the code, and the server's own words for a 400 (which rule
 * the body broke) or a 409 (e.g. the endpoint limit).
 */
export interface WebhookRefusal {
  ok: false;
  error: FailureCode;
  message: string | null;
}

function refusal(e: unknown): WebhookRefusal {
  const error = failureCode(e);
  const said = e instanceof ApiFailure && (e.status === 400 || e.status === 409) && e.message ? e.message : null;
  return { ok: false, error, message: said };
}

function putEndpoint(saved: WebhookEndpoint): void {
  const list = webhookEndpoints.value ?? [];
  webhookEndpoints.value = list.some((e) => e.id === saved.id) ? list.map((e) => (e.id === saved.id ? saved : e)) : [...list, saved];
}

function putDeliveries(id: string, list: readonly WebhookDelivery[]): void {
  const next = new Map(webhookDeliveries.value);
  next.set(id, list);
  webhookDeliveries.value = next;
}

function putDeliveriesError(id: string, error: FailureCode | null): void {
  const next = new Map(deliveriesErrors.value);
  if (error) next.set(id, error);
  else next.delete(id);
  deliveriesErrors.value = next;
}

/** One endpoint's deliveries, newest first (at most 100). */
export async function loadDeliveries(id: string): Promise<void> {
  try {
    putDeliveries(id, await api.get(path(id, '/deliveries'), z.array(WebhookDelivery)));
    putDeliveriesError(id, null);
  } catch (e) {
    putDeliveriesError(id, failureCode(e));
  }
}

/** The endpoint list, then each endpoint's deliveries so the list can say how the last one went. */
export async function loadWebhooks(): Promise<void> {
  if (await loadWebhookList()) await Promise.all((webhookEndpoints.value ?? []).map((e) => loadDeliveries(e.id)));
}

const POLL_MS = 3_000;

/**
 * Reloads `id`'s deliveries every 3 s while any of them is still pending, until the returned
 * function is called (its list closes). A delivery the server retries later stays pending for
 * minutes: polling continues as long as the list is open, which is what the manager is watching.
 */
export function followDeliveries(id: string): () => void {
  const timer = setInterval(() => {
    const list = webhookDeliveries.value.get(id) ?? [];
    if (list.some((d) => d.status === 'pending')) void loadDeliveries(id);
  }, POLL_MS);
  return () => clearInterval(timer);
}

/**
 * Registers an endpoint; the answer carries its signing secret, shown once. The server creates
 * endpoints active: one added paused is paused right after (should that fail, the list shows it
 * active, and the secret is shown all the same).
 */
export async function createWebhook(body: WebhookEndpointBody, active = true): Promise<{ ok: true; endpoint: WebhookEndpoint; secret: string } | WebhookRefusal> {
  let created: WebhookCreated;
  try {
    created = await api.post(BASE, body, WebhookCreated);
  } catch (e) {
    return refusal(e);
  }
  putEndpoint(created.endpoint);
  putDeliveries(created.endpoint.id, []);
  const paused = active ? null : await updateWebhook(created.endpoint.id, { active: false });
  return { ok: true, endpoint: paused?.ok ? paused.endpoint : created.endpoint, secret: created.secret };
}

/** Changes some of an endpoint's settings (address, description, events, guest fields, active). */
export async function updateWebhook(id: string, patch: WebhookEndpointPatch): Promise<{ ok: true; endpoint: WebhookEndpoint } | WebhookRefusal> {
  try {
    const saved = await api.post(path(id), patch, WebhookEndpoint);
    putEndpoint(saved);
    return { ok: true, endpoint: saved };
  } catch (e) {
    return refusal(e);
  }
}

/** A new signing secret; the old one keeps signing for a day. The endpoint is reloaded for its rotation time. */
export async function rotateWebhookSecret(id: string): Promise<{ ok: true; secret: string } | WebhookRefusal> {
  try {
    const { secret } = await api.post(path(id, '/rotate'), {}, WebhookSecret);
    void loadWebhookList();
    return { ok: true, secret };
  } catch (e) {
    return refusal(e);
  }
}

/** Queues a `ping` to the endpoint; it appears first in its deliveries. */
export async function sendWebhookTest(id: string): Promise<{ ok: true; delivery: WebhookDelivery } | WebhookRefusal> {
  try {
    const delivery = await api.post(path(id, '/test'), {}, WebhookDelivery);
    putDeliveries(id, [delivery, ...(webhookDeliveries.value.get(id) ?? []).filter((d) => d.id !== delivery.id)]);
    return { ok: true, delivery };
  } catch (e) {
    return refusal(e);
  }
}

/** The list alone (after a rotation: its time changed, its deliveries did not); false when it could not be loaded. */
async function loadWebhookList(): Promise<boolean> {
  try {
    webhookEndpoints.value = await api.get(BASE, z.array(WebhookEndpoint));
    webhooksError.value = null;
    return true;
  } catch (e) {
    webhooksError.value = failureCode(e);
    return false;
  }
}
