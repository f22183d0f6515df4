/**
 * Optimistic status overlays: a staff action shows its result at once, while
 * its command waits in the outbox. An overlay is dropped when its command is
 * rejected, or once it was accepted and the server's copy of the request has
 * moved past the revision the overlay was made on. Pure functions, no I/O.
 */
import type { RequestAction, RequestStatus } from '../../../shared/domain/request.machine.ts';
import type { ServiceRequest } from '../../../shared/domain/request.ts';

export interface Overlay {
  commandId: string;
  requestId: string;
  action: RequestAction;
  to: RequestStatus;
  /** The server revision of the request when the action was taken. */
  baseRev: number;
  /** The server accepted the command (applied or duplicate). */
  settled: boolean;
  /** A transfer's new place (desk, department, note), shown at once like the status. */
  moved?: Pick<ServiceRequest, 'desk' | 'department' | 'transferNote'>;
}

/** The requests as this tablet should show them: server state plus pending actions, newest last. */
export function applyOverlays(server: ReadonlyMap<string, ServiceRequest>, overlays: readonly Overlay[]): Map<string, ServiceRequest> {
  if (overlays.length === 0) return server as Map<string, ServiceRequest>;
  const view = new Map(server);
  for (const o of overlays) {
    const r = view.get(o.requestId);
    if (r) view.set(o.requestId, { ...r, ...o.moved, status: o.to });
  }
  return view;
}

/** Drops the overlays the server's state has caught up with. Returns the same array when nothing changed. */
export function pruneOverlays(overlays: readonly Overlay[], server: ReadonlyMap<string, ServiceRequest>): readonly Overlay[] {
  const keep = overlays.filter((o) => {
    const r = server.get(o.requestId);
    if (!r) return true; // not seen yet: keep until the server's copy arrives
    return !(o.settled && r.rev > o.baseRev);
  });
  return keep.length === overlays.length ? overlays : keep;
}

/** Ids of requests that have an action still on its way to the server. */
export function pendingRequestIds(overlays: readonly Overlay[]): Set<string> {
  return new Set(overlays.filter((o) => !o.settled).map((o) => o.requestId));
}
