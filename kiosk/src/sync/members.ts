/**
 * Member cards for the kiosk screens: the balance lookup (online only) and
 * the property's card public key, kept in Dexie so a scanned QR token can be
 * checked for authenticity offline.
 */
import { verifyCardToken, type CardTokenResult } from '../../../shared/domain/card-token.ts';
import { CardKeyResponse, CardLookupResponse, type CardLookupBody, type MemberCardView } from '../../../shared/protocol/members.ts';
import { api, db } from './client.ts';
import { META } from './db.ts';

/** The member behind a typed code or a scanned token. Throws NetworkFailure offline, ApiFailure with a card_* code when refused. */
export async function lookupCard(input: CardLookupBody): Promise<MemberCardView> {
  const r = await api.post('/api/kiosk/card', input, CardLookupResponse);
  return r.member;
}

/** Fetches the card public key and keeps it; returns the stored one when offline. */
export async function refreshCardKey(): Promise<string | null> {
  try {
    const { publicKey } = await api.get('/api/kiosk/card-key', CardKeyResponse);
    await db.meta.put({ key: META.cardKey, value: publicKey });
    return publicKey;
  } catch {
    const row = await db.meta.get(META.cardKey);
    return typeof row?.value === 'string' ? row.value : null;
  }
}

/** Offline check of a scanned token against the stored key (the server checks again online). */
export async function checkCardOffline(token: string): Promise<CardTokenResult> {
  const row = await db.meta.get(META.cardKey);
  if (typeof row?.value !== 'string') return { ok: false, error: 'no_key' };
  return verifyCardToken(token, row.value);
}
