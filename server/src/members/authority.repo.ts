/**
 * SQL for authority: the property's limits (a role without a row, or a points
 * limit left null, has the defaults) and each staff member's use of their
 * authority per service day and operation (`authority_usage`, migration 013).
 */
import {
  DEFAULT_AUTHORITY_LIMITS,
  NO_USE,
  type AuthorityLimits,
  type AuthorityLimitsInput,
  type BalanceOperation,
  type Budget,
  type LimitedRole,
} from '../../../shared/domain/authority.ts';
import { serviceDayOf } from '../../../shared/domain/ticket.ts';
import type { Db, Tx } from '../store/store.ts';

export interface StoredLimits {
  limits: AuthorityLimits;
  updatedAt: string | null;
  updatedBy: string | null;
}

const copy = (l: AuthorityLimits): AuthorityLimits => ({
  agent: { ...l.agent, points: { ...l.agent.points } },
  supervisor: { ...l.supervisor, points: { ...l.supervisor.points } },
});

export async function authorityLimits(db: Db | Tx, propertyId: string): Promise<StoredLimits> {
  const rows = await db.selectFrom('authority_limits').selectAll().where('property_id', '=', propertyId).execute();
  const limits = copy(DEFAULT_AUTHORITY_LIMITS);
  let updatedAt: Date | null = null;
  let updatedBy: string | null = null;
  for (const r of rows) {
    const d = DEFAULT_AUTHORITY_LIMITS[r.role].points;
    limits[r.role] = {
      topup: r.topup_minor,
      redeem: r.redeem_minor,
      adjust: r.adjust_minor,
      points: { topup: r.topup_points ?? d.topup, redeem: r.redeem_points ?? d.redeem, adjust: r.adjust_points ?? d.adjust },
    };
    const at = new Date(r.updated_at);
    if (!updatedAt || at > updatedAt) {
      updatedAt = at;
      updatedBy = r.updated_by;
    }
  }
  return { limits, updatedAt: updatedAt?.toISOString() ?? null, updatedBy };
}

/** Saves every role's limits; a role sent without points limits keeps those in `current`. Answers what was saved. */
export async function saveAuthorityLimits(trx: Tx, propertyId: string, input: AuthorityLimitsInput, current: AuthorityLimits, staffId: string, now: Date): Promise<AuthorityLimits> {
  const saved = copy(current);
  for (const role of ['agent', 'supervisor'] as const satisfies readonly LimitedRole[]) {
    const l = input[role];
    const points = l.points ?? current[role].points;
    saved[role] = { topup: l.topup, redeem: l.redeem, adjust: l.adjust, points: { ...points } };
    const values = {
      topup_minor: l.topup,
      redeem_minor: l.redeem,
      adjust_minor: l.adjust,
      topup_points: points.topup,
      redeem_points: points.redeem,
      adjust_points: points.adjust,
      updated_by: staffId,
      updated_at: now,
    };
    await trx
      .insertInto('authority_limits')
      .values({ property_id: propertyId, role, ...values })
      .onConflict((oc) => oc.columns(['property_id', 'role']).doUpdateSet(values))
      .execute();
  }
  return saved;
}

/** The property's service day at `now`, in its own time zone (as kiosk ticket days are). */
export async function serviceDayAt(db: Db | Tx, propertyId: string, now: Date): Promise<string> {
  const { time_zone } = await db.selectFrom('properties').select('time_zone').where('id', '=', propertyId).executeTakeFirstOrThrow();
  return serviceDayOf(now, time_zone);
}

/** What one staff member has used of their authority on a service day, per operation (nothing yet: zeros). */
export async function usageOn(db: Db | Tx, staffId: string, serviceDay: string): Promise<Budget> {
  const rows = await db.selectFrom('authority_usage').select(['operation', 'money_minor', 'points']).where('staff_id', '=', staffId).where('service_day', '=', serviceDay).execute();
  const used: Budget = { money: { ...NO_USE.money }, points: { ...NO_USE.points } };
  for (const r of rows) {
    used.money[r.operation] = r.money_minor;
    used.points[r.operation] = r.points;
  }
  return used;
}

export interface UsageKey {
  propertyId: string;
  staffId: string;
  serviceDay: string;
  operation: BalanceOperation;
}

/**
 * The staff member's use of one operation on one service day, locked until
 * the transaction ends: every change drawn on that budget waits here, so two
 * tablets (or two instances) cannot both spend what is left.
 */
export async function lockUsage(trx: Tx, k: UsageKey): Promise<{ moneyMinor: number; points: number }> {
  await trx
    .insertInto('authority_usage')
    .values({ property_id: k.propertyId, staff_id: k.staffId, service_day: k.serviceDay, operation: k.operation })
    .onConflict((oc) => oc.columns(['staff_id', 'service_day', 'operation']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('authority_usage')
    .select(['money_minor', 'points'])
    .where('staff_id', '=', k.staffId)
    .where('service_day', '=', k.serviceDay)
    .where('operation', '=', k.operation)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { moneyMinor: row.money_minor, points: row.points };
}

/** Adds to a usage row locked by `lockUsage` in the same transaction. */
export async function addUsage(trx: Tx, k: UsageKey, moneyMinor: number, points: number, now: Date): Promise<void> {
  await trx
    .updateTable('authority_usage')
    .set((eb) => ({ money_minor: eb('money_minor', '+', moneyMinor), points: eb('points', '+', points), updated_at: now }))
    .where('staff_id', '=', k.staffId)
    .where('service_day', '=', k.serviceDay)
    .where('operation', '=', k.operation)
    .execute();
}
