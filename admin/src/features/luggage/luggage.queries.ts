/** What the luggage screen shows, from the ledger and the requests. Pure functions. */
import { isOverdue, type LuggageItem } from '../../../../shared/domain/luggage.ts';
import { nextShoeStage, type ShoeStage } from '../../../../shared/domain/luggage.machine.ts';
import { isActive } from '../../../../shared/domain/request.machine.ts';
import type { ServiceRequest } from '../../../../shared/domain/request.ts';

const ORDER = { lost_claim_pending: 0, awaiting_storage: 1, stored: 2, released: 3 } as const;

/** Waiting for approval first, then in store (overdue first, oldest first), then handed back (newest first). */
export function sortLedger(items: readonly LuggageItem[], nowMs: number): LuggageItem[] {
  return [...items].sort((a, b) => {
    const s = ORDER[a.status] - ORDER[b.status];
    if (s) return s;
    if (a.status === 'released') return (b.releasedAt ?? '').localeCompare(a.releasedAt ?? '');
    const o = Number(isOverdue(b, nowMs)) - Number(isOverdue(a, nowMs));
    return o || a.createdAt.localeCompare(b.createdAt);
  });
}

export function ledgerCounts(items: readonly LuggageItem[], nowMs: number) {
  const inStore = items.filter((i) => i.status !== 'released');
  return {
    inStore: inStore.length,
    bags: inStore.reduce((n, i) => n + i.bags, 0),
    overdue: inStore.filter((i) => isOverdue(i, nowMs)).length,
    pending: items.filter((i) => i.status === 'lost_claim_pending').length,
  };
}

/** Kiosk drop-off requests not yet checked in: what the check-in form offers. */
export function waitingDropOffs(requests: readonly ServiceRequest[], items: readonly LuggageItem[]): ServiceRequest[] {
  const used = new Set(items.map((i) => i.requestId));
  return requests.filter((r) => r.kind === 'luggage_in' && isActive(r.status) && r.details?.kind === 'luggage_in' && !used.has(r.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export interface ShoeJob {
  request: ServiceRequest;
  stage: ShoeStage | null;
  next: ShoeStage | null;
}

/** Open shoe-care requests with their stage and the one step they can take. */
export function shoeJobs(requests: readonly ServiceRequest[]): ShoeJob[] {
  return requests
    .filter((r) => r.kind === 'shoe_care' && isActive(r.status))
    .map((r) => {
      const stage = r.details?.kind === 'shoe_care' ? (r.details.stage ?? null) : null;
      return { request: r, stage, next: nextShoeStage(stage) };
    })
    .sort((a, b) => a.request.createdAt.localeCompare(b.request.createdAt));
}

/** Every bag tagged, no tag twice. */
export function tagsComplete(tags: readonly string[], bags: number): boolean {
  const used = tags.slice(0, bags).map((t) => t.trim());
  return used.length === bags && used.every(Boolean) && new Set(used).size === bags;
}
