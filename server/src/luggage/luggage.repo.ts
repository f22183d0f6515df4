/** SQL for the luggage ledger. The custody log is only ever inserted into and read. */
import type { Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { CustodyEntry, isOverdue, LostClaim, type LuggageItem } from '../../../shared/domain/luggage.ts';
import type { LuggageStatus } from '../../../shared/domain/luggage.machine.ts';
import type { DB } from '../store/schema.ts';
import type { Db, Tx } from '../store/store.ts';

type ItemRow = Selectable<DB['luggage_items']>;
type CustodyRow = Selectable<DB['luggage_custody']>;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The item's fields; `custody` and `overdue` are filled by the caller. */
export type LuggageRecord = Omit<LuggageItem, 'custody' | 'overdue'>;

function toRecord(r: ItemRow): LuggageRecord {
  return {
    id: r.id,
    claimCode: r.claim_code,
    ticket: r.ticket,
    requestId: r.request_id,
    bags: r.bags,
    tags: r.tags,
    location: r.location,
    guestName: r.guest_name,
    room: r.room,
    notes: r.notes,
    expectedPickupAt: iso(r.expected_pickup_at),
    status: r.status as LuggageStatus,
    lostClaim: r.lost_claim == null ? null : LostClaim.parse(r.lost_claim),
    releasedAt: iso(r.released_at),
    releasedBy: r.released_by,
    approvedBy: r.approved_by,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    rev: r.rev,
  };
}

function toCustody(r: CustodyRow): CustodyEntry {
  return { at: iso(r.at)!, staffId: r.staff_id, staffName: r.staff_name, action: CustodyEntry.shape.action.parse(r.action), location: r.location, note: r.note };
}

export function withDerived(item: Omit<LuggageItem, 'overdue'>, nowMs = Date.now()): LuggageItem {
  return { ...item, overdue: isOverdue(item, nowMs) };
}

export async function insertItem(trx: Tx, propertyId: string, i: LuggageRecord): Promise<void> {
  await trx
    .insertInto('luggage_items')
    .values({
      id: i.id,
      property_id: propertyId,
      claim_code: i.claimCode,
      ticket: i.ticket,
      request_id: i.requestId,
      bags: i.bags,
      tags: i.tags,
      location: i.location,
      guest_name: i.guestName,
      room: i.room,
      notes: i.notes,
      expected_pickup_at: i.expectedPickupAt,
      status: i.status,
      lost_claim: i.lostClaim === null ? null : JSON.stringify(i.lostClaim),
      released_at: i.releasedAt,
      released_by: i.releasedBy,
      approved_by: i.approvedBy,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      rev: i.rev,
    })
    .execute();
}

/** Updates the mutable fields of an item (never its custody log). */
export async function updateItem(trx: Tx, i: LuggageRecord): Promise<void> {
  await trx
    .updateTable('luggage_items')
    .set({
      location: i.location,
      status: i.status,
      lost_claim: i.lostClaim === null ? null : JSON.stringify(i.lostClaim),
      released_at: i.releasedAt,
      released_by: i.releasedBy,
      approved_by: i.approvedBy,
      updated_at: i.updatedAt,
      rev: i.rev,
    })
    .where('id', '=', i.id)
    .execute();
}

export async function appendCustody(trx: Tx, propertyId: string, itemId: string, e: CustodyEntry): Promise<void> {
  await trx
    .insertInto('luggage_custody')
    .values({ id: uuidv7(), item_id: itemId, property_id: propertyId, at: e.at, staff_id: e.staffId, staff_name: e.staffName, action: e.action, location: e.location, note: e.note })
    .execute();
}

export async function custodyOf(db: Db | Tx, itemIds: string[]): Promise<Map<string, CustodyEntry[]>> {
  const out = new Map<string, CustodyEntry[]>(itemIds.map((id) => [id, []]));
  if (itemIds.length === 0) return out;
  const rows = await db.selectFrom('luggage_custody').selectAll().where('item_id', 'in', itemIds).orderBy('at').orderBy('id').execute();
  for (const r of rows) out.get(r.item_id)?.push(toCustody(r));
  return out;
}

export async function lockItem(trx: Tx, propertyId: string, id: string): Promise<LuggageRecord | null> {
  const row = await trx.selectFrom('luggage_items').selectAll().where('id', '=', id).where('property_id', '=', propertyId).forUpdate().executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function itemExists(trx: Tx, id: string): Promise<boolean> {
  return !!(await trx.selectFrom('luggage_items').select('id').where('id', '=', id).executeTakeFirst());
}

/** An item still in store (not released) under this claim code, if any. */
export async function itemInStoreByClaim(trx: Tx, propertyId: string, claimCode: string): Promise<string | null> {
  const row = await trx
    .selectFrom('luggage_items')
    .select('id')
    .where('property_id', '=', propertyId)
    .where('claim_code', '=', claimCode)
    .where('status', '<>', 'released')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Items not released, plus those released in the last day: what the ledger screen starts from. */
export async function currentLuggage(db: Db, propertyId: string): Promise<LuggageItem[]> {
  const since = new Date(Date.now() - 24 * 3600_000);
  const rows = await db
    .selectFrom('luggage_items')
    .selectAll()
    .where('property_id', '=', propertyId)
    .where((eb) => eb.or([eb('status', '<>', 'released'), eb('released_at', '>=', since)]))
    .orderBy('created_at')
    .limit(2000)
    .execute();
  const custody = await custodyOf(db, rows.map((r) => r.id));
  const nowMs = Date.now();
  return rows.map((r) => withDerived({ ...toRecord(r), custody: custody.get(r.id) ?? [] }, nowMs));
}
