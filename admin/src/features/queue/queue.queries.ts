/**
 * Pure queue logic for the staff tablet: which requests are on the active
 * list and in what order, who "Call next" picks, the done-today count, and
 * how long a guest has waited. No I/O, no signals: tested beside this file.
 */
import { isActive, legalActions, type QueueJob, type RequestAction, type RequestStatus } from '../../../../shared/domain/request.machine.ts';
import type { Department } from '../../../../shared/domain/issue.ts';
import type { ServiceRequest } from '../../../../shared/domain/request.ts';
import { requestQueue, TAKING_ACTIONS } from '../../../../shared/domain/request-queue.ts';

function byAge(a: ServiceRequest, b: ServiceRequest): number {
  return a.createdAt.localeCompare(b.createdAt) || a.ticket.localeCompare(b.ticket) || a.id.localeCompare(b.id);
}

/** Every request that is not finished, oldest ticket first. */
export function activeQueue(list: Iterable<ServiceRequest>): ServiceRequest[] {
  return [...list].filter((r) => isActive(r.status)).sort(byAge);
}

/** Where "Call next" looks: the queue this tablet works, its desk, and tickets it must skip (a cancel waiting out its undo). */
export interface CallScope {
  queue: Department;
  desk: string;
  skip?: ReadonlySet<string>;
}

/** Whether `r` belongs on this tablet's list: in its queue, and not transferred to another desk. */
export function isMine(r: ServiceRequest, scope: Pick<CallScope, 'queue' | 'desk'>): boolean {
  if (requestQueue(r) !== scope.queue) return false;
  const target = transferTarget(r);
  return !target?.desk || target.desk.trim() === scope.desk.trim();
}

/**
 * The oldest waiting request of this tablet's queue, or null when nobody waits there. A ticket
 * transferred to a department, or to another desk, is never picked (without a scope: any queue).
 */
export function nextToCall(list: Iterable<ServiceRequest>, scope?: CallScope): ServiceRequest | null {
  let best: ServiceRequest | null = null;
  for (const r of list) {
    if (r.status !== 'waiting' || (scope && (!isMine(r, scope) || scope.skip?.has(r.id)))) continue;
    if (!best || byAge(r, best) < 0) best = r;
  }
  return best;
}

/** The active list split: this tablet's own rows, and the rows transferred to another queue or desk (shown apart, with their note). */
export function splitByQueue(active: readonly ServiceRequest[], scope: Pick<CallScope, 'queue' | 'desk'>): { mine: ServiceRequest[]; elsewhere: ServiceRequest[] } {
  const mine: ServiceRequest[] = [];
  const elsewhere: ServiceRequest[] = [];
  for (const r of active) (isMine(r, scope) ? mine : elsewhere).push(r);
  return { mine, elsewhere };
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
export function rowActions(status: RequestStatus, job?: QueueJob, elsewhere = false): { action: RequestAction; primary: boolean }[] {
  // A ticket in another queue is not this tablet's to take: it may transfer it back (or cancel it), not call or serve it.
  const legal = legalActions(status, job).filter((a) => !elsewhere || !TAKING_ACTIONS.includes(a));
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
