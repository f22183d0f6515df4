import type { Db, Tx } from '../store/store.ts';

export interface MemberRow {
  id: string;
  name: string;
  tier: string;
  balance_minor: number;
  points: number;
  card_id: string;
  card_version: number;
}

const COLUMNS = ['id', 'name', 'tier', 'balance_minor', 'points', 'card_id', 'card_version'] as const;

/** Members whose card id lies in [low, high] (a QR token names the first 56 bits, a typed code the first 50). */
export async function membersByCardRange(db: Db, propertyId: string, low: string, high: string): Promise<MemberRow[]> {
  return db.selectFrom('members').select(COLUMNS).where('property_id', '=', propertyId).where('card_id', '>=', low).where('card_id', '<=', high).limit(10).execute();
}

export async function lastLedgerEntries(db: Db, memberId: string, limit = 5) {
  return db.selectFrom('member_ledger').select(['at', 'kind', 'amount_minor', 'points']).where('member_id', '=', memberId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Every member with its card, for the printable card sheet. */
export async function allMemberCards(db: Db): Promise<MemberRow[]> {
  return db.selectFrom('members').select(COLUMNS).orderBy('created_at').orderBy('id').execute();
}

// ---------------------------------------------------------------------------------------------
// Staff side: search, profile, balance changes (members, balances and authority)

export interface StaffMemberRow extends MemberRow {
  rev: number;
}
const STAFF_COLUMNS = [...COLUMNS, 'rev'] as const;

/** Name (contains, any case), member id (exact) or card id range (a typed code). Ordered by name. */
export async function searchMembers(
  db: Db,
  propertyId: string,
  q: { text: string; id: string | null; cardRange: { low: string; high: string } | null },
  offset: number,
  limit: number,
): Promise<StaffMemberRow[]> {
  let query = db.selectFrom('members').select(STAFF_COLUMNS).where('property_id', '=', propertyId);
  if (q.text) {
    const like = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => {
      const any = [eb('name', 'ilike', like)];
      if (q.id) any.push(eb('id', '=', q.id));
      if (q.cardRange) any.push(eb.and([eb('card_id', '>=', q.cardRange.low), eb('card_id', '<=', q.cardRange.high)]));
      return eb.or(any);
    });
  }
  return query.orderBy('name').orderBy('id').offset(offset).limit(limit).execute();
}

export async function memberById(db: Db, propertyId: string, id: string): Promise<StaffMemberRow | undefined> {
  return db.selectFrom('members').select(STAFF_COLUMNS).where('property_id', '=', propertyId).where('id', '=', id).executeTakeFirst();
}

/** The member's row, locked until the transaction ends: balance changes on one member run one at a time. */
export async function lockMember(trx: Tx, propertyId: string, id: string): Promise<StaffMemberRow | undefined> {
  return trx.selectFrom('members').select(STAFF_COLUMNS).where('property_id', '=', propertyId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateMember(trx: Tx, m: StaffMemberRow): Promise<void> {
  await trx.updateTable('members').set({ balance_minor: m.balance_minor, points: m.points, card_version: m.card_version, rev: m.rev }).where('id', '=', m.id).execute();
}

export interface NewLedgerEntry {
  id: string;
  memberId: string;
  kind: 'topup' | 'redeem' | 'adjust';
  amountMinor: number;
  points: number;
  reason: string;
  staffId: string;
  approvedBy: string | null;
  deviceId: string | null;
  approvalId: string | null;
  at: Date;
}

/** Appends one entry; the ledger is never updated or deleted (a trigger refuses both). */
export async function insertLedgerEntry(trx: Tx, e: NewLedgerEntry): Promise<void> {
  await trx
    .insertInto('member_ledger')
    .values({
      id: e.id,
      member_id: e.memberId,
      kind: e.kind,
      amount_minor: e.amountMinor,
      points: e.points,
      reason: e.reason,
      staff_id: e.staffId,
      approved_by: e.approvedBy,
      device_id: e.deviceId,
      approval_id: e.approvalId,
      at: e.at,
    })
    .execute();
}

/** The newest entries with the names of who made and who approved them. */
export async function staffLedger(db: Db, memberId: string, limit = 50) {
  return db
    .selectFrom('member_ledger as l')
    .leftJoin('staff as s', 's.id', 'l.staff_id')
    .leftJoin('staff as a', 'a.id', 'l.approved_by')
    .select(['l.id', 'l.at', 'l.kind', 'l.amount_minor', 'l.points', 'l.reason', 'l.staff_id', 's.name as staff_name', 'l.approved_by', 'a.name as approved_by_name', 'l.device_id'])
    .where('l.member_id', '=', memberId)
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute();
}
