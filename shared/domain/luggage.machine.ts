/**
 * The luggage ledger (行李寄存) and shoe-care jobs (擦鞋服务) as data. The
 * server decides with these tables, the staff tablet shows only the actions
 * they allow, tests enumerate them.
 */
export const LUGGAGE_STATUSES = ['awaiting_storage', 'stored', 'lost_claim_pending', 'released'] as const;
export type LuggageStatus = (typeof LUGGAGE_STATUSES)[number];

export const LUGGAGE_ACTIONS = ['store', 'move', 'release', 'release_lost', 'approve_release', 'decline_release'] as const;
export type LuggageAction = (typeof LUGGAGE_ACTIONS)[number];

/**
 * `store` receives and shelves the bags in one step (custody: received, then
 * stored); `awaiting_storage` is the state between the two and is never left
 * standing by the server today. A lost claim ticket parks the item in
 * `lost_claim_pending` until a supervisor approves (released) or declines
 * (back to stored). Released is final: nothing is ever deleted.
 */
export const luggageMachine: Record<LuggageAction, { from: readonly LuggageStatus[]; to: LuggageStatus }> = {
  store: { from: ['awaiting_storage'], to: 'stored' },
  move: { from: ['stored'], to: 'stored' },
  release: { from: ['stored'], to: 'released' },
  release_lost: { from: ['stored'], to: 'lost_claim_pending' },
  approve_release: { from: ['lost_claim_pending'], to: 'released' },
  decline_release: { from: ['lost_claim_pending'], to: 'stored' },
};

export function nextLuggageStatus(from: LuggageStatus, action: LuggageAction): LuggageStatus | null {
  const rule = luggageMachine[action];
  return rule.from.includes(from) ? rule.to : null;
}

export function legalLuggageActions(from: LuggageStatus): LuggageAction[] {
  return LUGGAGE_ACTIONS.filter((a) => luggageMachine[a].from.includes(from));
}

/** Who hands a parked lost-ticket item back: the record names the approver (工作权限). */
export const LUGGAGE_APPROVER_ROLES = ['supervisor', 'manager'] as const;

/** A shoe-care job moves through these stages, in this order, one step at a time. */
export const SHOE_STAGES = ['accepted', 'collected', 'ready', 'returned'] as const;
export type ShoeStage = (typeof SHOE_STAGES)[number];

/** The request status each stage puts the shoe_care request in: `ready` calls the ticket on the wall, `returned` completes it. */
export const SHOE_STAGE_STATUS = { accepted: 'serving', collected: 'serving', ready: 'called', returned: 'completed' } as const satisfies Record<
  ShoeStage,
  'serving' | 'called' | 'completed'
>;

/** The stage after `current` (null: not accepted yet), or null at the end. */
export function nextShoeStage(current: ShoeStage | null): ShoeStage | null {
  const i = current === null ? 0 : SHOE_STAGES.indexOf(current) + 1;
  return SHOE_STAGES[i] ?? null;
}

/**
 * A shoe job collected from the guest's room goes back to the room: its `ready` stage is never a call to a
 * desk for the guest, and screens say "collected from / back to the room" instead of "called to Desk 1".
 */
export function isRoomShoeJob(r: { kind: string; details?: { kind: string; collectAt?: string } | null }): boolean {
  return r.kind === 'shoe_care' && r.details?.kind === 'shoe_care' && r.details.collectAt === 'room';
}
