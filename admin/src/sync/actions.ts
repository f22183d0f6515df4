/**
 * Staff actions. A status change is a `request.transition` command written to
 * the outbox (with an optimistic overlay so the tablet shows it at once),
 * then the flusher is woken. Pairing codes are a direct API call.
 */
import { nextStatus, type RequestAction } from '../../../shared/domain/request.machine.ts';
import type { ServiceRequest } from '../../../shared/domain/request.ts';
import { PairingCodeResponse } from '../../../shared/protocol/auth.ts';
import { enqueue } from '../../../shared/sync-client/outbox.ts';
import { api, failureCode, type FailureCode } from './api.ts';
import { db } from './db.ts';
import { currentEngine } from './engine.ts';
import { desk } from './prefs.ts';
import { overlays, serverRequests } from './queries.ts';

/**
 * Asks the server to move `request` (as the tablet shows it) by `action`.
 * Returns false when the action is not legal from the shown status.
 */
export async function transition(request: ServiceRequest, action: RequestAction): Promise<boolean> {
  const engine = currentEngine();
  const to = nextStatus(request.status, action);
  if (!engine || !to) return false;
  const { command } = await enqueue(db, engine.deviceId, {
    type: 'request.transition',
    payload: { requestId: request.id, action, expectedStatus: request.status, desk: desk.value.trim() || null },
  });
  const baseRev = serverRequests.value.get(request.id)?.rev ?? request.rev;
  overlays.value = [...overlays.value, { commandId: command.id, requestId: request.id, action, to, baseRev, settled: false }];
  engine.flusher.kick();
  return true;
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
