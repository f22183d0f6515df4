/**
 * Staff actions. A status change is a `request.transition` command written to
 * the outbox (with an optimistic overlay so the tablet shows it at once),
 * then the flusher is woken. Pairing codes are a direct API call.
 */
import type { Department } from '../../../shared/domain/issue.ts';
import { nextStatus, type RequestAction } from '../../../shared/domain/request.machine.ts';
import { queueJob, type ServiceRequest } from '../../../shared/domain/request.ts';
import { TAKING_ACTIONS } from '../../../shared/domain/request-queue.ts';
import { PairingCodeResponse } from '../../../shared/protocol/auth.ts';
import { api, failureCode, type FailureCode } from './api.ts';
import { sendAction } from './outbox.ts';
import { currentEngine } from './current-engine.ts';
import { desk, workQueue } from './prefs.ts';
import { overlays, serverRequests } from './queries.ts';

/** Where a transfer sends a request: a desk, a department, or both, with a note for staff. */
export interface TransferTarget {
  desk?: string | null;
  department?: Department | null;
  note?: string | null;
}

/**
 * Asks the server to move `request` (as the tablet shows it) by `action`.
 * Returns false when the action is not legal from the shown status (or for
 * its kind: a shoe-care job moves by its stages, see `KIND_QUEUE_LIMITS`).
 */
export async function transition(request: ServiceRequest, action: RequestAction, target?: TransferTarget): Promise<boolean> {
  const to = nextStatus(request.status, action, queueJob(request));
  if (!currentEngine() || !to) return false;
  if (action === 'transfer' && !target?.desk?.trim() && !target?.department) return false;
  const payload =
    action === 'transfer' && target
      ? { requestId: request.id, action, expectedStatus: request.status, desk: target.desk?.trim() || null, department: target.department ?? null, note: target.note?.trim() || null }
      : // A take (call, serve) names the queue this tablet works: the server refuses one of a ticket transferred away.
        { requestId: request.id, action, expectedStatus: request.status, desk: desk.value.trim() || null, ...(TAKING_ACTIONS.includes(action) ? { queue: workQueue.value } : {}) };
  // A transfer shows where it went at once, as the server will record it (a new target replaces the old).
  const moved = action === 'transfer' && target ? { desk: target.desk?.trim() || null, department: target.department ?? null, transferNote: target.note?.trim() || null } : undefined;
  const command = await sendAction({ type: 'request.transition', payload }, (c) => {
    const baseRev = serverRequests.value.get(request.id)?.rev ?? request.rev;
    overlays.value = [...overlays.value, { commandId: c.id, requestId: request.id, action, to, baseRev, settled: false, ...(moved ? { moved } : {}) }];
  });
  return command !== null;
}

export type PairingResult = { ok: true; code: string; expiresAt: string } | { ok: false; error: FailureCode };

export async function createPairingCode(kind: 'kiosk' | 'wall', name: string): Promise<PairingResult> {
  try {
    const res = await api.post('/api/devices/pairing-codes', { kind, name: name.trim() }, PairingCodeResponse);
    return { ok: true, ...res };
  } catch (e) {
    return { ok: false, error: failureCode(e) };
  }
}
