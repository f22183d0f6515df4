/**
 * The life of a service request, as data. The server decides with it, the
 * admin UI shows only the actions it allows, tests enumerate it.
 */
export const REQUEST_STATUSES = ['waiting', 'called', 'serving', 'on_hold', 'no_show', 'completed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = ['call', 'serve', 'hold', 'no_show', 'requeue', 'complete', 'cancel', 'transfer'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** The built-in kinds, and `service`: a request for one of the hotel's catalog services (service.ts). */
export const REQUEST_KINDS = ['call_staff', 'luggage_in', 'luggage_out', 'shoe_care', 'service'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Why a guest calls staff (the kiosk's reason screen, in this order). */
export const CALL_REASONS = ['question', 'luggage_help', 'complaint', 'other'] as const;

export const requestMachine: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  call: { from: ['waiting', 'on_hold', 'no_show', 'called'], to: 'called' }, // called → called is a recall
  serve: { from: ['waiting', 'called'], to: 'serving' },
  hold: { from: ['called', 'serving'], to: 'on_hold' },
  no_show: { from: ['called'], to: 'no_show' },
  requeue: { from: ['on_hold', 'no_show'], to: 'waiting' },
  complete: { from: ['called', 'serving'], to: 'completed' },
  cancel: { from: ['waiting', 'called', 'on_hold', 'no_show'], to: 'cancelled' },
  // To another desk or a department: back in line there, nobody holds it (the command names the target).
  transfer: { from: ['waiting', 'called', 'serving', 'on_hold'], to: 'waiting' },
};

/**
 * What the queue may not do to a kind of request, on top of the status rules.
 * A shoe-care job (擦鞋服务) moves by its own stages (`shoe.advance`:
 * accepted → collected → ready → returned), and `returned` is what completes
 * it: the queue never completes one. Once the job has started (a stage is
 * set, so the guest's shoes may be with staff), the queue cannot cancel it
 * either. Before that a guest who changed their mind is cancelled as usual.
 * Luggage requests are completed by the ledger: checking the bags in (tags,
 * location) or handing them back (claim code, bag count), never by the queue,
 * so no bag is marked done without its custody record.
 */
export const KIND_QUEUE_LIMITS: Record<RequestKind, { never: readonly RequestAction[]; onceStarted: readonly RequestAction[] }> = {
  call_staff: { never: [], onceStarted: [] },
  luggage_in: { never: ['complete'], onceStarted: [] }, // completed by checking the bags in on the ledger (tags, location)
  luggage_out: { never: ['complete'], onceStarted: [] }, // completed by the hand-back (claim code + bag count)
  shoe_care: { never: ['complete'], onceStarted: ['cancel'] },
  service: { never: [], onceStarted: [] },
};

/** A request's kind, and whether its own job (a shoe-care stage) has started: what `KIND_QUEUE_LIMITS` looks at. */
export interface QueueJob {
  kind: RequestKind;
  started: boolean;
}

/** Whether the kind's limits leave `action` to the queue. */
export function kindAllows(job: QueueJob, action: RequestAction): boolean {
  const limits = KIND_QUEUE_LIMITS[job.kind];
  return !limits.never.includes(action) && !(job.started && limits.onceStarted.includes(action));
}

export const TERMINAL_STATUSES: readonly RequestStatus[] = ['completed', 'cancelled'];

/** The status `action` leads to from `from`, or null when it is not legal (for `job`'s kind too, when given). */
export function nextStatus(from: RequestStatus, action: RequestAction, job?: QueueJob): RequestStatus | null {
  const rule = requestMachine[action];
  if (!rule.from.includes(from)) return null;
  return job && !kindAllows(job, action) ? null : rule.to;
}

/** The actions legal from `from` (and for `job`'s kind, when given), in machine order. */
export function legalActions(from: RequestStatus, job?: QueueJob): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => nextStatus(from, a, job) !== null);
}

export function isActive(status: RequestStatus): boolean {
  return !TERMINAL_STATUSES.includes(status);
}
