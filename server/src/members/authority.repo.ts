/** SQL for the property's authority limits; a role without a row has the defaults. */
import { DEFAULT_AUTHORITY_LIMITS, type AuthorityLimits, type LimitedRole } from '../../../shared/domain/authority.ts';
import type { Db, Tx } from '../store/store.ts';

export interface StoredLimits {
  limits: AuthorityLimits;
  updatedAt: string | null;
  updatedBy: string | null;
}

export async function authorityLimits(db: Db | Tx, propertyId: string): Promise<StoredLimits> {
  const rows = await db.selectFrom('authority_limits').selectAll().where('property_id', '=', propertyId).execute();
  const limits: AuthorityLimits = { agent: { ...DEFAULT_AUTHORITY_LIMITS.agent }, supervisor: { ...DEFAULT_AUTHORITY_LIMITS.supervisor } };
  let updatedAt: Date | null = null;
  let updatedBy: string | null = null;
  for (const r of rows) {
    limits[r.role] = { topup: r.topup_minor, redeem: r.redeem_minor, adjust: r.adjust_minor };
    const at = new Date(r.updated_at);
    if (!updatedAt || at > updatedAt) {
      updatedAt = at;
      updatedBy = r.updated_by;
    }
  }
  return { limits, updatedAt: updatedAt?.toISOString() ?? null, updatedBy };
}

export async function saveAuthorityLimits(trx: Tx, propertyId: string, limits: AuthorityLimits, staffId: string, now: Date): Promise<void> {
  for (const role of ['agent', 'supervisor'] as const satisfies readonly LimitedRole[]) {
    const l = limits[role];
    const values = { topup_minor: l.topup, redeem_minor: l.redeem, adjust_minor: l.adjust, updated_by: staffId, updated_at: now };
    await trx
      .insertInto('authority_limits')
      .values({ property_id: propertyId, role, ...values })
      .onConflict((oc) => oc.columns(['property_id', 'role']).doUpdateSet(values))
      .execute();
  }
}
