/**
 * Cancel with an undo window: a busy desk mis-taps, so Cancel is not sent at
 * once. The row shows "Cancelling… Undo" for `UNDO_MS`; Undo forgets it, and
 * only when the window ends is the cancel sent (as the row was when tapped,
 * so a ticket someone else moved meanwhile is refused as a conflict, never
 * cancelled in its new state). Signing out sends the waiting cancels first.
 */
import { signal } from '@preact/signals';
import type { ServiceRequest } from '../../../../shared/domain/request.ts';
import { transition } from '../../sync/actions.ts';

export const UNDO_MS = 6_000;

/** Requests whose cancel waits out its window: id → when it will be sent (ms). */
export const pendingCancels = signal<ReadonlyMap<string, number>>(new Map());

const waiting = new Map<string, { request: ServiceRequest; timer: ReturnType<typeof setTimeout> }>();

function forget(id: string): void {
  const next = new Map(pendingCancels.value);
  next.delete(id);
  pendingCancels.value = next;
  waiting.delete(id);
}

async function send(id: string): Promise<void> {
  const w = waiting.get(id);
  if (!w) return;
  clearTimeout(w.timer);
  forget(id);
  await transition(w.request, 'cancel');
}

/** Starts the undo window for cancelling `request` (a second tap changes nothing). */
export function cancelWithUndo(request: ServiceRequest, ms = UNDO_MS): void {
  if (waiting.has(request.id)) return;
  const timer = setTimeout(() => void send(request.id), ms);
  waiting.set(request.id, { request, timer });
  pendingCancels.value = new Map(pendingCancels.value).set(request.id, Date.now() + ms);
}

/** Undo: the cancel is never sent. */
export function undoCancel(id: string): void {
  const w = waiting.get(id);
  if (!w) return;
  clearTimeout(w.timer);
  forget(id);
}

/** Sends every waiting cancel now (before signing out, so the person who tapped it is the one it is credited to). */
export async function sendPendingCancels(): Promise<void> {
  await Promise.all([...waiting.keys()].map(send));
}
