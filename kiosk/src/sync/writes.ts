/**
 * A guest's requests, written: each writes locally first, then
 * nudges the flusher (screens call these through actions.ts). A write the storage refuses (full disk) throws, and
 * `saveFailed` tells the guest to ask at the desk: no number is shown.
 */
import { locale } from '../i18n/locale.store.ts';
import { api, db } from './client.ts';
import { flusher } from './engine.ts';
import { createFeedback, type FeedbackInput, type FeedbackQueued } from './feedback.ts';
import { me } from './state.ts';
import { guestWrite } from './storage-health.ts';
import { createCallStaffTicket, createRequestTicket, type CallStaffInput, type RequestInput } from './tickets.ts';
import type { TicketRow } from './db.ts';
import type { ServiceCode } from '../../../shared/domain/service.ts';
import type { WaitQuote } from '../../../shared/protocol/wait-stats.ts';

export type { CallStaffInput, FeedbackInput, RequestInput };

function device() {
  const m = me.value;
  if (!m) throw new Error('the kiosk has no identity yet');
  return m;
}

/**
 * Takes a number for the guest; works offline. The returned row carries the ticket to show, and the token
 * the guest's phone follows it with, in the guest's language now (`followUrl` in sync/state.ts builds its URL).
 */
export async function callStaff(input: CallStaffInput): Promise<TicketRow> {
  const m = device();
  const row = await guestWrite(() => createCallStaffTicket(db, m, { language: locale.value, ...input }, api.serverNow()));
  flusher.kick();
  return row;
}

/** Luggage in/out, shoe care (or call staff): a number at once, delivered when the network allows. */
export async function createRequest(input: RequestInput): Promise<TicketRow> {
  const m = device();
  const row = await guestWrite(() => createRequestTicket(db, m, { language: locale.value, ...input }, api.serverNow()));
  flusher.kick();
  return row;
}

/** A guest's request for one of the hotel's catalog services: only the fields its rules turn on (null otherwise). */
export interface ServiceRequestInput {
  service: ServiceCode;
  room: string | null;
  note: string | null;
  count: number | null;
  /** ISO instant the guest needs it by; null when the service does not ask. */
  neededAt: string | null;
  quote?: WaitQuote | null;
}

/**
 * A catalog service (taxi, towels…): a number at once, a `request.create` of kind `service` in the
 * outbox, delivered when the network allows. The server stamps the service's department on it.
 */
export function requestService(input: ServiceRequestInput): Promise<TicketRow> {
  return createRequest({
    kind: 'service',
    room: input.room,
    note: input.note,
    details: { kind: 'service', service: input.service, count: input.count, neededAt: input.neededAt },
    quote: input.quote ?? null,
  });
}

/** A rating and comment (maybe a complaint); works offline. A complaint comes back with the reference to tell the guest. */
export async function submitFeedback(input: FeedbackInput): Promise<FeedbackQueued> {
  const m = device();
  const queued = await guestWrite(() => createFeedback(db, m, input));
  flusher.kick();
  return queued;
}
