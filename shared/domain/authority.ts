/**
 * Authority (工作权限, 指定额度): how much money and how many points a staff
 * member may move on members' accounts without asking. Limits are per
 * property, per role and per kind of operation, money (integer minor units)
 * and points apart; a manager has no limit. A limit is a daily budget, not a
 * cap per slip: what one staff member moves in one operation over one
 * service day (the property's time zone) counts against it, by magnitude. A
 * change past what is left waits for a supervisor or manager, and an
 * approval is drawn from the approver's own budget.
 * Used by the server to decide and by the tablet to say "needs approval".
 */
import { z } from 'zod';
import type { StaffRole } from '../protocol/auth.ts';

export const BalanceOperation = z.enum(['topup', 'redeem', 'adjust']);
export type BalanceOperation = z.infer<typeof BalanceOperation>;

/** The most a member's balance (minor units) or points can hold: the database columns are 32-bit integers. */
export const MAX_STORED = 2_147_483_647;

const Limit = z.number().int().min(0).max(100_000_000);
/** One amount per operation: top-up, refund/redeem, adjust/compensate. */
export const OperationAmounts = z.object({ topup: Limit, redeem: Limit, adjust: Limit });
export type OperationAmounts = z.infer<typeof OperationAmounts>;

/** One role's daily budgets: money per operation (minor units, at the top level as before) and points per operation. */
export const RoleLimits = z.object({ topup: Limit, redeem: Limit, adjust: Limit, points: OperationAmounts });
export type RoleLimits = z.infer<typeof RoleLimits>;

/** The roles whose limits a manager sets; a manager's own authority is unlimited. */
export const LimitedRole = z.enum(['agent', 'supervisor']);
export type LimitedRole = z.infer<typeof LimitedRole>;

export const AuthorityLimits = z.object({ agent: RoleLimits, supervisor: RoleLimits });
export type AuthorityLimits = z.infer<typeof AuthorityLimits>;

/**
 * What `settings.authority` carries: as `AuthorityLimits`, but a tablet from
 * before points had limits sends none (the server keeps the points limits
 * it has), so a queued command of an older tablet still applies.
 */
export const AuthorityLimitsInput = z.object({ agent: RoleLimits.partial({ points: true }), supervisor: RoleLimits.partial({ points: true }) });
export type AuthorityLimitsInput = z.infer<typeof AuthorityLimitsInput>;

export const DEFAULT_AUTHORITY_LIMITS: AuthorityLimits = {
  agent: { topup: 50_000, redeem: 50_000, adjust: 50_000, points: { topup: 5_000, redeem: 5_000, adjust: 5_000 } },
  supervisor: { topup: 500_000, redeem: 500_000, adjust: 500_000, points: { topup: 50_000, redeem: 50_000, adjust: 50_000 } },
};

/** Money and points per operation: a day's use of authority, or what is left of it. */
export const Budget = z.object({ money: OperationAmounts, points: OperationAmounts });
export type Budget = z.infer<typeof Budget>;

export const NO_USE: Budget = { money: { topup: 0, redeem: 0, adjust: 0 }, points: { topup: 0, redeem: 0, adjust: 0 } };

/** A role's daily limit for one operation, in money (minor units) or points; null = no limit (manager). */
export function limitFor(limits: AuthorityLimits, role: StaffRole, op: BalanceOperation, unit: 'money' | 'points' = 'money'): number | null {
  if (role === 'manager') return null;
  return unit === 'money' ? limits[role][op] : limits[role].points[op];
}

/** The money (or points) a change moves, whatever its sign. */
export function magnitude(amount: number): number {
  return Math.abs(amount);
}

/** What is left today of a role's budgets after `used`; null = no limit (manager). Never below zero (a limit lowered mid-day). */
export function remainingBudget(limits: AuthorityLimits, role: StaffRole, used: Budget): Budget | null {
  if (role === 'manager') return null;
  const l = limits[role];
  const left = (limit: number, u: number) => Math.max(0, limit - u);
  const per = (get: (op: BalanceOperation) => number, u: OperationAmounts): OperationAmounts => ({
    topup: left(get('topup'), u.topup),
    redeem: left(get('redeem'), u.redeem),
    adjust: left(get('adjust'), u.adjust),
  });
  return { money: per((op) => l[op], used.money), points: per((op) => l.points[op], used.points) };
}

/** True when a change of `amountMinor` and `points` in `op` fits in what is left (null = unlimited). */
export function withinBudget(remaining: Budget | null, op: BalanceOperation, amountMinor: number, points: number): boolean {
  return remaining === null || (magnitude(amountMinor) <= remaining.money[op] && magnitude(points) <= remaining.points[op]);
}

/** True when one change fits in the role's limits at all (a fresh day's budget). */
export function withinAuthority(limits: AuthorityLimits, role: StaffRole, op: BalanceOperation, amountMinor: number, points = 0): boolean {
  return withinBudget(remainingBudget(limits, role, NO_USE), op, amountMinor, points);
}

/**
 * Who may approve a change: a supervisor or manager (never the one who asked)
 * whose own budget left today covers it (`remaining` null = a manager).
 */
export function canApprove(role: StaffRole, remaining: Budget | null, op: BalanceOperation, amountMinor: number, points: number): boolean {
  return role !== 'agent' && withinBudget(remaining, op, amountMinor, points);
}

/** The signed change to the balance: top-ups add, redemptions take, adjustments carry their own sign. */
export function balanceDelta(op: BalanceOperation, amountMinor: number): number {
  return op === 'topup' ? amountMinor : op === 'redeem' ? -amountMinor : amountMinor;
}
