import type { Db } from '../store/store.ts';

export async function staffById(db: Db, id: string) {
  return db.selectFrom('staff').selectAll().where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

export async function insertSession(db: Db, s: { tokenHash: string; staffId: string; propertyId: string; expiresAt: Date }) {
  await db.insertInto('sessions').values({ token_hash: s.tokenHash, staff_id: s.staffId, property_id: s.propertyId, expires_at: s.expiresAt }).execute();
}

/** A live session with its staff member, or undefined when expired, revoked or unknown. */
export async function sessionStaff(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('staff', 'staff.id', 'sessions.staff_id')
    .select(['staff.id', 'staff.name', 'staff.role', 'staff.property_id', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('staff.active', '=', true)
    .executeTakeFirst();
}

export async function revokeSession(db: Db, tokenHash: string) {
  await db.updateTable('sessions').set({ revoked_at: new Date() }).where('token_hash', '=', tokenHash).execute();
}

export async function propertyById(db: Db, id: string) {
  const p = await db.selectFrom('properties').select(['id', 'name', 'time_zone']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id: p.id, name: p.name, timeZone: p.time_zone };
}

/** Active staff at a property, by name; never the PIN hash. */
export async function activeStaff(db: Db, propertyId: string) {
  return db.selectFrom('staff').select(['id', 'name', 'role']).where('property_id', '=', propertyId).where('active', '=', true).orderBy('name').execute();
}

/** One active staff member of the property (id and name), or undefined. */
export async function activeStaffMember(db: Db, propertyId: string, staffId: string) {
  return db.selectFrom('staff').select(['id', 'name']).where('id', '=', staffId).where('property_id', '=', propertyId).where('active', '=', true).executeTakeFirst();
}

/** Whether the trust cookie with this hash is trusted for this staff member now (`trusted_devices`, migration 014). */
export async function isTrustedDevice(db: Db, tokenHashValue: string, staffId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('trusted_devices')
    .select('token_hash')
    .where('token_hash', '=', tokenHashValue)
    .where('staff_id', '=', staffId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the server issued this trust cookie (for anyone). */
export async function isKnownTrustCookie(db: Db, tokenHashValue: string): Promise<boolean> {
  return (await db.selectFrom('trusted_devices').select('token_hash').where('token_hash', '=', tokenHashValue).executeTakeFirst()) !== undefined;
}

/** Trusts the cookie for this staff member until `expiresAt` (extends it when already trusted). */
export async function upsertTrustedDevice(db: Db, tokenHashValue: string, staffId: string, expiresAt: Date, now: Date): Promise<void> {
  await db
    .insertInto('trusted_devices')
    .values({ token_hash: tokenHashValue, staff_id: staffId, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['token_hash', 'staff_id']).doUpdateSet({ expires_at: expiresAt, last_used_at: now }))
    .execute();
}

export async function deleteTrustedDevice(db: Db, tokenHashValue: string, staffId: string): Promise<void> {
  await db.deleteFrom('trusted_devices').where('token_hash', '=', tokenHashValue).where('staff_id', '=', staffId).execute();
}
