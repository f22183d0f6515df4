import { sql } from 'kysely';
import type { DeviceKind } from '../../../shared/protocol/auth.ts';
import { TERMINAL_STATUSES } from '../../../shared/domain/request.machine.ts';
import { KIOSK_LETTERS, serviceDayOf } from '../../../shared/domain/ticket.ts';
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

/**
 * The letter for a newly paired kiosk. A ticket is letter + daily counter, so
 * a letter belongs to one active kiosk at a time: first a letter no kiosk ever
 * had; else one a revoked kiosk left (longest-freed first), but only when no
 * ticket with it is still open (any day) and none was issued on the
 * property's service day today — the new kiosk's A001 can then meet neither
 * today's A001 nor an A-ticket still in the queue. The property row is
 * locked, so two pairings never take the same letter.
 */
export async function nextKioskLetter(trx: Tx, propertyId: string, now: Date): Promise<string> {
  const { time_zone } = await trx.selectFrom('properties').select('time_zone').where('id', '=', propertyId).forUpdate().executeTakeFirstOrThrow();
  const kiosks = await trx.selectFrom('devices').select(['letter', 'revoked_at']).where('property_id', '=', propertyId).where('letter', 'is not', null).execute();
  const never = KIOSK_LETTERS.find((l) => !kiosks.some((k) => k.letter === l));
  if (never) return never;
  const held = new Set(kiosks.filter((k) => !k.revoked_at).map((k) => k.letter));
  const freedAt = new Map<string, number>(); // letter → its last revocation
  for (const k of kiosks) if (k.revoked_at && !held.has(k.letter)) freedAt.set(k.letter!, Math.max(freedAt.get(k.letter!) ?? 0, new Date(k.revoked_at).getTime()));
  const freed = [...freedAt.keys()].sort((a, b) => freedAt.get(a)! - freedAt.get(b)!);
  if (!freed.length) throw new DomainError('no_kiosk_letter', `All ${KIOSK_LETTERS.length} kiosk letters belong to active kiosks; revoke a kiosk that is no longer used, then pair again`);
  const today = serviceDayOf(now, time_zone);
  const tickets = await trx
    .selectFrom('service_requests')
    .select(['ticket', 'service_day'])
    .where('property_id', '=', propertyId)
    .where(sql<string>`left(ticket, 1)`, 'in', freed)
    .where((eb) => eb.or([eb('service_day', '=', today), eb('status', 'not in', [...TERMINAL_STATUSES])]))
    .orderBy('service_day', 'desc')
    .orderBy('ticket')
    .execute();
  const free = freed.find((l) => !tickets.some((t) => t.ticket.startsWith(l)));
  if (free) return free;
  const why = freed.map((l) => {
    const t = tickets.find((x) => x.ticket.startsWith(l))!;
    return t.service_day === today ? `${l}: ${t.ticket} was issued today (free tomorrow)` : `${l}: ${t.ticket} of ${t.service_day} is still open (complete or cancel it)`;
  });
  throw new DomainError('no_kiosk_letter', `No kiosk letter is free: ${held.size} belong to active kiosks and the letters of revoked kiosks are still on tickets — ${why.join('; ')}. Revoke a kiosk that is no longer used, or pair again later`);
}

export async function insertDevice(trx: Tx, d: { id: string; propertyId: string; kind: DeviceKind; name: string; letter: string | null; tokenHash: string }) {
  await trx.insertInto('devices').values({ id: d.id, property_id: d.propertyId, kind: d.kind, name: d.name, letter: d.letter, token_hash: d.tokenHash }).execute();
}

export async function touchDevice(db: Db, id: string): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
}

export async function insertPairingCode(db: Db, c: { codeHash: string; propertyId: string; kind: DeviceKind; name: string; createdBy: string; expiresAt: Date }): Promise<void> {
  await db.insertInto('pairing_codes').values({ code_hash: c.codeHash, property_id: c.propertyId, kind: c.kind, name: c.name, created_by: c.createdBy, expires_at: c.expiresAt }).execute();
}

/** The pairing code's row, locked until the transaction ends (one code pairs one device). */
export async function lockPairingCode(trx: Tx, codeHash: string) {
  return trx.selectFrom('pairing_codes').selectAll().where('code_hash', '=', codeHash).forUpdate().executeTakeFirst();
}

export async function markPairingCodeUsed(trx: Tx, codeHash: string, deviceId: string, at: Date): Promise<void> {
  await trx.updateTable('pairing_codes').set({ used_at: at, device_id: deviceId }).where('code_hash', '=', codeHash).execute();
}
