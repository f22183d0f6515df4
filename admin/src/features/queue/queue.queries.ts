/**
 * Pure queue logic for the staff tablet: which requests are on the active
 * list and in what order, who "Call next" picks, the done-today count, and
 * how long a guest has waited. No I/O, no signals: tested beside this file.
 */
import { isActive, legalActions, type QueueJob, type RequestAction, type RequestStatus } from '../../../../shared/domain/request.machine.ts';
import type { Department } from '../../../../shared/domain/issue.ts';
import type { ServiceRequest } from '../../../../shared/domain/request.ts';

function byAge(a: ServiceRequest, b: ServiceRequest): number {
  return a.createdAt.localeCompare(b.createdAt) || a.ticket.localeCompare(b.ticket) || a.id.localeCompare(b.id);
}

/** Every request that is not finished, oldest ticket first. */
export function activeQueue(list: Iterable<ServiceRequest>): ServiceRequest[] {
  return [...list].filter((r) => isActive(r.status)).sort(byAge);
}

/** The oldest waiting request, or null when nobody waits. */
export function nextToCall(list: Iterable<ServiceRequest>): ServiceRequest | null {
  let best: ServiceRequest | null = null;
  for (const r of list) if (r.status === 'waiting' && (!best || byAge(r, best) < 0)) best = r;
  return best;
}

/** Requests finished (completed or cancelled) on `serviceDay`. */
export function doneTodayCount(list: Iterable<ServiceRequest>, serviceDay: string): number {
  let n = 0;
  for (const r of list) if (!isActive(r.status) && r.serviceDay === serviceDay) n += 1;
  return n;
}

export interface QueueCounts {
  waiting: number;
  inService: number;
  held: number;
}

export function queueCounts(list: Iterable<ServiceRequest>): QueueCounts {
  const c: QueueCounts = { waiting: 0, inService: 0, held: 0 };
  for (const r of list) {
    if (r.status === 'waiting') c.waiting += 1;
    else if (r.status === 'called' || r.status === 'serving') c.inService += 1;
    else if (r.status === 'on_hold' || r.status === 'no_show') c.held += 1;
  }
  return c;
}

/** Milliseconds since an ISO instant, never negative (a clock ahead of ours shows 0). */
export function elapsedMs(sinceIso: string | null, nowMs: number): number {
  if (!sinceIso) return 0;
  const t = Date.parse(sinceIso);
  return Number.isFinite(t) ? Math.max(0, nowMs - t) : 0;
}

export type Duration = { unit: 'seconds'; n: number } | { unit: 'minutes'; n: number } | { unit: 'hours'; h: number; m: number };

/** A waiting time at the grain a person reads: seconds under a minute, minutes under an hour. */
export function splitDuration(ms: number): Duration {
  const s = Math.floor(ms / 1000);
  if (s < 60) return { unit: 'seconds', n: s };
  const m = Math.floor(s / 60);
  if (m < 60) return { unit: 'minutes', n: m };
  return { unit: 'hours', h: Math.floor(m / 60), m: m % 60 };
}

/** The action each status leads with (shown as the primary button). */
const PRIMARY: Partial<Record<RequestStatus, RequestAction>> = {
  waiting: 'call',
  called: 'serve',
  serving: 'complete',
  on_hold: 'call',
  no_show: 'requeue',
};

/**
 * Legal actions for a status (and the kind's limits, given its job: a shoe-care request is never completed
 * from the queue) in the order the row shows them: the primary first, cancel last.
 */
export function rowActions(status: RequestStatus, job?: QueueJob): { action: RequestAction; primary: boolean }[] {
  const legal = legalActions(status, job);
  const primary = PRIMARY[status];
  const order = (a: RequestAction) => (a === primary ? -1 : a === 'cancel' ? 1 : 0);
  return [...legal].sort((a, b) => order(a) - order(b)).map((action) => ({ action, primary: action === primary }));
}

/**
 * Where a waiting request was sent, for the row's "→ Housekeeping" / "→ Desk 2": a department wins;
 * a desk shows only while it waits unheld (a transfer lets go of it; a called or requeued request's desk is an agent's own).
 */
export function transferTarget(r: ServiceRequest): { department: Department; desk: null } | { department: null; desk: string } | null {
  if (r.department) return { department: r.department, desk: null };
  if (r.status === 'waiting' && r.desk && !r.assignedStaffId) return { department: null, desk: r.desk };
  return null;
}
