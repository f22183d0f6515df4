/**
 * Authority (工作权限): how much money a staff member may move on a member's
 * balance without asking. Limits are per property, per role and per kind of
 * operation, in integer minor units; a manager has no limit. Above the limit
 * the change waits for a supervisor or manager whose own limit covers it.
 * Used by the server to decide and by the tablet to say "needs approval".
 */
import { z } from 'zod';
import type { StaffRole } from '../protocol/auth.ts';

export const BalanceOperation = z.enum(['topup', 'redeem', 'adjust']);
export type BalanceOperation = z.infer<typeof BalanceOperation>;

const Limit = z.number().int().min(0).max(100_000_000);
/** One role's limits: top-up, refund/redeem, adjust/compensate. */
export const RoleLimits = z.object({ topup: Limit, redeem: Limit, adjust: Limit });
export type RoleLimits = z.infer<typeof RoleLimits>;

/** The roles whose limits a manager sets; a manager's own authority is unlimited. */
export const LimitedRole = z.enum(['agent', 'supervisor']);
export type LimitedRole = z.infer<typeof LimitedRole>;

export const AuthorityLimits = z.object({ agent: RoleLimits, supervisor: RoleLimits });
export type AuthorityLimits = z.infer<typeof AuthorityLimits>;

export const DEFAULT_AUTHORITY_LIMITS: AuthorityLimits = {
  agent: { topup: 50_000, redeem: 50_000, adjust: 50_000 },
  supervisor: { topup: 500_000, redeem: 500_000, adjust: 500_000 },
};

/** The most `role` may move in one `op` on its own authority; null = no limit (manager). */
export function limitFor(limits: AuthorityLimits, role: StaffRole, op: BalanceOperation): number | null {
  if (role === 'manager') return null;
  return limits[role][op];
}

/** The money a change moves, whatever its sign. */
export function magnitude(amountMinor: number): number {
  return Math.abs(amountMinor);
}

export function withinAuthority(limits: AuthorityLimits, role: StaffRole, op: BalanceOperation, amountMinor: number): boolean {
  const limit = limitFor(limits, role, op);
  return limit === null || magnitude(amountMinor) <= limit;
}

/** Who may decide an approval: a supervisor or manager whose own limit covers it, never the one who asked. */
export function canApprove(limits: AuthorityLimits, role: StaffRole, op: BalanceOperation, amountMinor: number): boolean {
  return role !== 'agent' && withinAuthority(limits, role, op, amountMinor);
}

/** The signed change to the balance: top-ups add, redemptions take, adjustments carry their own sign. */
export function balanceDelta(op: BalanceOperation, amountMinor: number): number {
  return op === 'topup' ? amountMinor : op === 'redeem' ? -amountMinor : amountMinor;
}
