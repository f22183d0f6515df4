/**
 * The life of a service request, as data. The server decides with it, the
 * admin UI shows only the actions it allows, tests enumerate it.
 */
export const REQUEST_STATUSES = ['waiting', 'called', 'serving', 'on_hold', 'no_show', 'completed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = ['call', 'serve', 'hold', 'no_show', 'requeue', 'complete', 'cancel', 'transfer'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

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

export const TERMINAL_STATUSES: readonly RequestStatus[] = ['completed', 'cancelled'];

export function nextStatus(from: RequestStatus, action: RequestAction): RequestStatus | null {
  const rule = requestMachine[action];
  return rule.from.includes(from) ? rule.to : null;
}

export function legalActions(from: RequestStatus): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => requestMachine[a].from.includes(from));
}

export function isActive(status: RequestStatus): boolean {
  return !TERMINAL_STATUSES.includes(status);
}
