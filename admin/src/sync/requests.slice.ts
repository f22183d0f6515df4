/**
 * The queue's part of the staff view: requests from the snapshot and `request.upserted` events,
 * the optimistic overlays of this tablet's own transitions, and what to say when the server
 * refused one (who holds the request now).
 */
import { upsertByRev, type ServiceRequest } from '../../../shared/domain/request.ts';
import { RequestTransitionPayload } from '../../../shared/protocol/request.commands.ts';
import { requestCommands } from '../../../shared/protocol/request.commands.ts';
import type { CommandType } from '../../../shared/protocol/commands.ts';
import { pruneOverlays } from './optimistic.ts';
import { overlays, serverRequests } from './queries.ts';
import type { SyncSlice } from './slice.ts';

function setServer(next: ReadonlyMap<string, ServiceRequest>): void {
  serverRequests.value = next;
  overlays.value = pruneOverlays(overlays.value, next);
}

export const requestsSlice: SyncSlice = {
  name: 'requests',
  commands: Object.keys(requestCommands) as CommandType[],
  onSnapshot: (s) => setServer(new Map(s.requests.map((r) => [r.id, r]))),
  onEvents: (events) => setServer(upsertByRev(serverRequests.value, events.flatMap((e) => (e.type === 'request.upserted' ? [e.request] : [])))),
  onOutcomes(outcomes) {
    const rejectedIds = new Set(outcomes.filter((o) => o.outcome === 'rejected').map((o) => o.id));
    const accepted = new Set(outcomes.filter((o) => o.outcome !== 'rejected').map((o) => o.id));
    const settled = overlays.value.filter((o) => !rejectedIds.has(o.commandId)).map((o) => (accepted.has(o.commandId) ? { ...o, settled: true } : o));
    overlays.value = pruneOverlays(settled, serverRequests.value);
  },
  notice(command, error) {
    const parsed = command?.type === 'request.transition' ? RequestTransitionPayload.safeParse(command.payload) : null;
    const payload = parsed?.success ? parsed.data : null;
    const req = payload ? serverRequests.value.get(payload.requestId) : undefined;
    return {
      type: 'rejected',
      ticket: req?.ticket ?? '—',
      action: payload?.action ?? 'call',
      code: error.code,
      message: error.message,
      nowStatus: req?.status ?? null,
      holderName: req?.assignedStaffName ?? null,
    };
  },
  reset() {
    serverRequests.value = new Map();
    overlays.value = [];
  },
};
