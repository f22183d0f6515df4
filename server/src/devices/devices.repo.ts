import { sql } from 'kysely';
import type { DeviceKind } from '../../../shared/protocol/auth.ts';
import { KIOSK_LETTERS } from '../../../shared/domain/ticket.ts';
import type { Principal } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import type { Db, Tx } from '../store/store.ts';

export async function lockDevice(trx: Tx, deviceId: string) {
  const row = await trx.selectFrom('devices').select(['id', 'last_seq', 'revoked_at']).where('id', '=', deviceId).forUpdate().executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Unknown device');
  return row;
}

export async function deviceByTokenHash(db: Db, hash: string) {
  return db.selectFrom('devices').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function deviceById(db: Db, id: string) {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A kiosk pushes as itself. A staff tablet names its own device id (made
 * once in its browser); the first push registers it to the staff member's
 * property. Any other pairing of credentials and device is refused.
 */
export async function ensurePushDevice(db: Db, who: Principal, deviceId: string): Promise<void> {
  if (who.kind === 'device') {
    if (who.deviceId !== deviceId) throw new DomainError('forbidden', 'A device may only push its own commands');
    return;
  }
  const existing = await deviceById(db, deviceId);
  if (existing) {
    if (existing.kind !== 'tablet' || existing.property_id !== who.propertyId) throw new DomainError('forbidden', 'This device id belongs to another device');
    if (existing.revoked_at) throw new DomainError('device_revoked', 'This tablet was revoked');
    return;
  }
  await db
    .insertInto('devices')
    .values({ id: deviceId, property_id: who.propertyId, kind: 'tablet', name: `Tablet of ${who.name}`, staff_id: who.staffId })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** The next free kiosk letter at a property, so ticket numbers stay unique across kiosks. */
export async function nextKioskLetter(trx: Tx, propertyId: string): Promise<string> {
  await sql`select id from properties where id = ${propertyId} for update`.execute(trx);
  const used = new Set((await trx.selectFrom('devices').select('letter').where('property_id', '=', propertyId).where('letter', 'is not', null).execute()).map((r) => r.letter));
  const free = KIOSK_LETTERS.find((l) => !used.has(l));
  if (!free) throw new DomainError('conflict', 'Every kiosk letter is in use; revoke an old kiosk first');
  return free;
}

export async function insertDevice(trx: Tx, d: { id: string; propertyId: string; kind: DeviceKind; name: string; letter: string | null; tokenHash: string }) {
  await trx.insertInto('devices').values({ id: d.id, property_id: d.propertyId, kind: d.kind, name: d.name, letter: d.letter, token_hash: d.tokenHash }).execute();
}

export async function touchDevice(db: Db, id: string): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
}
