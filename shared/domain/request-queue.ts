/**
 * Which queue a request is worked from. A transfer to a department (the
 * departments of the issue board) puts it in that department's queue; every
 * other request is the front office's — the desk's own line. Only the queue
 * a request is in may take it (call or serve): "Call next" at the desk never
 * picks a ticket transferred away, and the server refuses a take sent from
 * another queue. Pure; used by the server, the tablet and tests.
 */
import type { Department } from './issue.ts';
import type { RequestAction } from './request.machine.ts';

/** The desk's own queue: a request no transfer sent elsewhere (department null), or sent back to the front office. */
export const FRONT_DESK_QUEUE = 'front_office' satisfies Department;

/** The queue `r` is in. */
export function requestQueue(r: { department: Department | null }): Department {
  return r.department ?? FRONT_DESK_QUEUE;
}

/** Actions that take a request into someone's hands: only its own queue may do them. */
export const TAKING_ACTIONS: readonly RequestAction[] = ['call', 'serve'];

/** Whether a tablet working `queue` may take `action` on `r` (a queue-less sender, e.g. an older app, is not checked). */
export function queueMayTake(r: { department: Department | null }, action: RequestAction, queue: Department | undefined): boolean {
  return queue === undefined || !TAKING_ACTIONS.includes(action) || requestQueue(r) === queue;
}
