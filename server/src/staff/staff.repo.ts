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
