/**
 * Luggage-ledger and shoe-care actions: each is a staff command written to
 * the outbox, then the flusher is woken. Each returns the command id (to
 * follow its answer in `commandResults`), or null when no engine runs.
 */
import { v7 as uuidv7 } from 'uuid';
import { normalizeClaimCode } from '../../../shared/domain/luggage.ts';
import type { ShoeStage } from '../../../shared/domain/luggage.machine.ts';
import type { ServiceRequest } from '../../../shared/domain/request.ts';
import { sendCommand, type Sent } from './sent.ts';
import { desk } from './prefs.ts';
import { requestList } from './queries.ts';

export interface CheckIn {
  requestId: string | null;
  claimCode: string | null;
  bags: number;
  tags: string[];
  location: string;
  guestName: string;
  room: string;
  notes: string;
  expectedPickupAt: string | null;
}

const orNull = (s: string) => s.trim() || null;

export function checkIn(c: CheckIn): Promise<Sent<'luggage.store'> | null> {
  return sendCommand({
    type: 'luggage.store',
    payload: {
      itemId: uuidv7(),
      requestId: c.requestId,
      claimCode: c.requestId ? null : c.claimCode,
      bags: c.bags,
      tags: c.tags.map((t) => t.trim()),
      location: c.location.trim(),
      guestName: orNull(c.guestName),
      room: orNull(c.room),
      notes: orNull(c.notes),
      expectedPickupAt: c.expectedPickupAt,
    },
  });
}

export function moveItem(itemId: string, location: string, note: string): Promise<Sent<'luggage.move'> | null> {
  return sendCommand({ type: 'luggage.move', payload: { itemId, location: location.trim(), note: orNull(note) } });
}

/** Hand-back with the claim ticket. A waiting kiosk pick-up request with the same code is completed with it. */
export function release(itemId: string, claimCode: string, bagCount: number): Promise<Sent<'luggage.release'> | null> {
  const code = normalizeClaimCode(claimCode);
  const pickup = requestList.value.find(
    (r: ServiceRequest) => r.kind === 'luggage_out' && r.status !== 'completed' && r.status !== 'cancelled' && r.details?.kind === 'luggage_out' && r.details.claimCode === code,
  );
  return sendCommand({ type: 'luggage.release', payload: { itemId, claimCode: code, bagCount, requestId: pickup?.id ?? null } });
}

export function releaseLost(itemId: string, identityNotes: string): Promise<Sent<'luggage.release_lost'> | null> {
  return sendCommand({ type: 'luggage.release_lost', payload: { itemId, identityNotes: identityNotes.trim() } });
}

export function decideRelease(itemId: string, approve: boolean): Promise<Sent<'luggage.approve_release'> | null> {
  return sendCommand({ type: 'luggage.approve_release', payload: { itemId, approve } });
}

export function advanceShoe(requestId: string, stage: ShoeStage, expectedStage: ShoeStage | null): Promise<Sent<'shoe.advance'> | null> {
  return sendCommand({ type: 'shoe.advance', payload: { requestId, stage, expectedStage, desk: desk.value.trim() || null } });
}
