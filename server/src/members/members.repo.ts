import type { Db } from '../store/store.ts';

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
