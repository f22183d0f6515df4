/**
 * The webhook screens' rules, without the screen: the address shortened for a row, the form and
 * its checks (the shared schema's, per field), what a row says about an endpoint and a delivery.
 * Text is returned as catalog keys and values; the screen translates.
 */
import {
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_GUEST_FIELDS,
  WebhookEndpointBody,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointPatch,
  type WebhookEventType,
  type WebhookGuestField,
} from '../../../../shared/protocol/webhooks.ts';

/**
 * An address as a row shows it: no `https://` (the usual case), `http://` kept as a warning that
 * it travels unencrypted, no query (it may carry a token), and a long path cut in the middle so
 * the host and the last segment stay readable. The full address is the row's title.
 */
export function shortUrl(url: string, max = 48): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.length > max ? `${url.slice(0, max - 1)}…` : url;
  }
  const scheme = u.protocol === 'https:' ? '' : `${u.protocol}//`;
  const path = u.pathname === '/' ? '' : u.pathname;
  const tail = u.search || u.hash ? '?…' : '';
  const head = `${scheme}${u.host}`;
  const whole = `${head}${path}${tail}`;
  if (whole.length <= max) return whole;
  if (head.length >= max - 2) return `${head.slice(0, max - 1)}…`;
  const segments = path.split('/').filter(Boolean);
  const last = `/${segments.at(-1) ?? ''}${tail}`;
  const room = max - head.length - 2; // "/…"
  if (segments.length > 1 && last.length <= room) {
    // Keep as many leading segments as fit beside the last one.
    let lead = '';
    for (const s of segments.slice(0, -1)) {
      if (lead.length + s.length + 1 + last.length > room) break;
      lead += `/${s}`;
    }
    return `${head}${lead}/…${last}`;
  }
  return `${head}/…${last.slice(-room)}`;
}

export interface WebhookForm {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  guestFields: WebhookGuestField[];
  active: boolean;
}

export function newForm(): WebhookForm {
  return { url: '', description: '', eventTypes: [], guestFields: [], active: true };
}

export function formOf(e: WebhookEndpoint): WebhookForm {
  return { url: e.url, description: e.description, eventTypes: [...e.eventTypes], guestFields: [...e.guestFields], active: e.active };
}

/** Ticks or unticks `value`, keeping the shared list's order. */
export function toggled<T extends string>(all: readonly T[], chosen: readonly T[], value: T, on: boolean): T[] {
  return all.filter((x) => (x === value ? on : chosen.includes(x)));
}

export const toggledEvent = (chosen: readonly WebhookEventType[], value: WebhookEventType, on: boolean) => toggled(WEBHOOK_EVENT_TYPES, chosen, value, on);
export const toggledGuestField = (chosen: readonly WebhookGuestField[], value: WebhookGuestField, on: boolean) => toggled(WEBHOOK_GUEST_FIELDS, chosen, value, on);

export function bodyOf(f: WebhookForm): WebhookEndpointBody {
  return { url: f.url.trim(), description: f.description.trim(), eventTypes: [...f.eventTypes], guestFields: [...f.guestFields] };
}

/** What an edit changes (empty when nothing did): only those fields are sent. */
export function patchOf(f: WebhookForm, was: WebhookEndpoint): WebhookEndpointPatch {
  const b = bodyOf(f);
  const same = (a: readonly string[], c: readonly string[]) => a.length === c.length && a.every((x) => c.includes(x));
  const patch: WebhookEndpointPatch = {};
  if (b.url !== was.url) patch.url = b.url;
  if (b.description !== was.description) patch.description = b.description;
  if (!same(b.eventTypes, was.eventTypes)) patch.eventTypes = b.eventTypes;
  if (!same(b.guestFields, was.guestFields)) patch.guestFields = b.guestFields;
  if (f.active !== was.active) patch.active = f.active;
  return patch;
}

export type FormField = 'url' | 'description' | 'eventTypes';
export type ProblemKey = 'urlMissing' | 'url' | 'urlLong' | 'description' | 'eventTypes';

/**
 * The form's problems per field, from the shared schema the server parses with (so the tablet
 * refuses exactly what the server would); empty when the form can be sent.
 */
export function formProblems(f: WebhookForm): Partial<Record<FormField, ProblemKey>> {
  const body = bodyOf(f);
  const out: Partial<Record<FormField, ProblemKey>> = {};
  const parsed = WebhookEndpointBody.safeParse(body);
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'url' && !out.url) out.url = body.url === '' ? 'urlMissing' : issue.code === 'too_big' ? 'urlLong' : 'url';
    else if (field === 'description' && !out.description) out.description = 'description';
    else if (field === 'eventTypes' && !out.eventTypes) out.eventTypes = 'eventTypes';
  }
  return out;
}

/** The newest of an endpoint's deliveries (the server lists newest first; the order is not trusted). */
export function lastDelivery(list: readonly WebhookDelivery[] | undefined): WebhookDelivery | null {
  if (!list || list.length === 0) return null;
  return list.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
}

/** Endpoints in the list's order: active ones first, then the oldest first. */
export function sortEndpoints(list: readonly WebhookEndpoint[]): WebhookEndpoint[] {
  return [...list].sort((a, b) => Number(b.active) - Number(a.active) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** A mark beside a delivery's status word, so the status never rests on its colour alone. */
export const STATUS_MARK: Record<WebhookDelivery['status'], string> = { pending: '⟳', delivered: '✓', failed: '✕' };

/**
 * A delivery's line as the list shows it. `result` is the receiver's HTTP status (with "HTTP" before
 * it) or the server's short reason; `next` only while the delivery will be tried again.
 */
export function deliveryFacts(d: WebhookDelivery): {
  event: WebhookDelivery['eventType'];
  entity: string;
  status: WebhookDelivery['status'];
  attempts: number;
  result: string | null;
  lastAt: string | null;
  next: string | null;
} {
  const r = d.lastResult?.trim() || null;
  return {
    event: d.eventType,
    entity: d.entityId,
    status: d.status,
    attempts: d.attempts,
    result: r && /^\d{3}$/.test(r) ? `HTTP ${r}` : r,
    lastAt: d.lastAttemptAt,
    next: d.status === 'pending' ? d.nextAttemptAt : null,
  };
}
