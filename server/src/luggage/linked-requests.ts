/**
 * The kiosk requests a luggage or shoe-care job settles: they move by the
 * job, not by the queue's status machine (a check-in completes its luggage_in
 * request whatever its queue status; a shoe job's stage sets its status).
 */
import type { RequestStatus } from '../../../shared/domain/request.machine.ts';
import { isActive } from '../../../shared/domain/request.machine.ts';
import type { RequestDetails, RequestKind, ServiceRequest } from '../../../shared/domain/request.ts';
import type { Principal } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import { lockRequest, updateRequest } from '../requests/requests.repo.ts';
import type { Tx } from '../store/store.ts';
import { appendEvent } from '../events/events.repo.ts';

type Staff = Extract<Principal, { kind: 'staff' }>;

/** Locks an active request of `kind`, or refuses. */
export async function lockOpenRequest(trx: Tx, who: Staff, requestId: string, kind: RequestKind): Promise<ServiceRequest> {
  const r = await lockRequest(trx, who.propertyId, requestId);
  if (!r) throw new DomainError('not_found', 'No such request');
  if (r.kind !== kind) throw new DomainError('bad_request', `Ticket ${r.ticket} is not a ${kind} request`);
  if (!isActive(r.status)) throw new DomainError('conflict', `Ticket ${r.ticket} is already ${r.status}`, { current: r });
  return r;
}

/** Writes the request's new status (and details) with the acting staff member, and its event. Returns the event's version. */
export async function moveRequest(
  trx: Tx,
  who: Staff,
  originDeviceId: string,
  current: ServiceRequest,
  change: { status: RequestStatus; details?: RequestDetails; desk?: string | null },
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const next: ServiceRequest = {
    ...current,
    status: change.status,
    details: change.details ?? current.details,
    desk: change.desk ?? current.desk,
    assignedStaffId: who.staffId,
    assignedStaffName: who.name,
    calledAt: change.status === 'called' ? at : current.calledAt,
    completedAt: change.status === 'completed' ? at : current.completedAt,
    updatedAt: at,
    rev: current.rev + 1,
  };
  await updateRequest(trx, next);
  return appendEvent(trx, {
    propertyId: who.propertyId,
    type: 'request.upserted',
    entityId: next.id,
    subjectDeviceId: next.deviceId,
    actorStaffId: who.staffId,
    originDeviceId,
    data: next,
  });
}

export function staffOnly(who: Principal): Staff {
  if (who.kind !== 'staff') throw new DomainError('forbidden', 'Only staff keep the luggage ledger and shoe jobs');
  return who;
}
