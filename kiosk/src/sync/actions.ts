/**
 * What the kiosk screens can do. Each action writes locally first, then
 * nudges the flusher. A write the storage refuses (full disk) throws, and
 * `saveFailed` tells the guest to ask at the desk: no number is shown.
 */
import { api, db } from './client.ts';
import { flusher } from './engine.ts';
import { createFeedback, type FeedbackInput, type FeedbackQueued } from './feedback.ts';
import { me } from './session.ts';
import { noteSessionTicket } from './session-tickets.ts';
import { guestWrite } from './storage-health.ts';
import { createCallStaffTicket, createRequestTicket, type CallStaffInput, type RequestInput } from './tickets.ts';
import type { TicketRow } from './db.ts';

export type { CallStaffInput, FeedbackInput, RequestInput };
export type { StorageError } from './storage-health.ts';

function device() {
  const m = me.value;
  if (!m) throw new Error('the kiosk has no identity yet');
  return m;
}

/** Takes a number for the guest; works offline. The returned row carries the ticket to show. */
export async function callStaff(input: CallStaffInput): Promise<TicketRow> {
  const m = device();
  const row = await guestWrite(() => createCallStaffTicket(db, m, input, api.serverNow()));
  noteSessionTicket(row.id);
  flusher.kick();
  return row;
}

/** Luggage in/out, shoe care (or call staff): a number at once, delivered when the network allows. */
export async function createRequest(input: RequestInput): Promise<TicketRow> {
  const m = device();
  const row = await guestWrite(() => createRequestTicket(db, m, input, api.serverNow()));
  noteSessionTicket(row.id);
  flusher.kick();
  return row;
}

/** A rating and comment (maybe a complaint); works offline. A complaint comes back with the reference to tell the guest. */
export async function submitFeedback(input: FeedbackInput): Promise<FeedbackQueued> {
  const m = device();
  const queued = await guestWrite(() => createFeedback(db, m, input));
  flusher.kick();
  return queued;
}

export { pair, refresh } from './session.ts';
export { dismissSaveFailed, saveFailed, storageTrouble } from './storage-health.ts';
export { forgetSessionTickets } from './session-tickets.ts';
