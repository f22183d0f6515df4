/**
 * The property's card-signing key and the two card checks: a signed QR token
 * (node:crypto Ed25519) and a typed code (looked up online). Token format and
 * typed codes: shared/domain/card-token.ts.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assembleCardToken, cardCode, cardCodeProblem, cardCodeRange, cardSigningMessage, LEGACY_CARD_CODE_LENGTH, normalizeCardCode, parseCardToken } from '../../../shared/domain/card-token.ts';
import { DomainError } from '../http/errors.ts';
import type { Db } from '../store/store.ts';
import { membersByCardRange, type MemberRow } from './members.repo.ts';

export interface CardKeys {
  /** Raw 32-byte Ed25519 public key, base64url: what kiosks verify with. */
  publicKeyRaw: string;
  /** The QR token for a card. */
  issue(cardId: string, version: number): string;
  /** Checks a token's signature; the card key (first 56 bits of the card id) and version when genuine. */
  check(token: string): { cardKey: string; version: number };
}

function fromPrivateKey(privateKey: KeyObject): CardKeys {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The card key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  const publicKeyRaw = publicKey.export({ format: 'jwk' }).x!;
  return {
    publicKeyRaw,
    issue: (cardId, version) => assembleCardToken(cardId, version, sign(null, cardSigningMessage(cardId, version), privateKey)),
    check(token) {
      const parsed = parseCardToken(token);
      if (!parsed.ok) throw new DomainError('card_invalid', `This member card could not be read (${parsed.error})`);
      if (!verify(null, parsed.message, publicKey, parsed.signature)) throw new DomainError('card_invalid', 'This member card is not genuine');
      return { cardKey: parsed.cardKey, version: parsed.version };
    },
  };
}

/** `LOBBYDESK_CARD_KEY`: a PKCS#8 PEM, or the same DER in base64url. */
export function cardKeysFromText(text: string): CardKeys {
  const t = text.trim();
  const key = t.includes('BEGIN') ? createPrivateKey(t) : createPrivateKey({ key: Buffer.from(t, 'base64url'), format: 'der', type: 'pkcs8' });
  return fromPrivateKey(key);
}

/**
 * The given key, else `card-signing-key.json` in the data folder, created
 * (mode 600) on the first start. Several instances must share one key: give
 * them all the same `LOBBYDESK_CARD_KEY`.
 */
export async function loadCardKeys(dataDir: string, given: string | null): Promise<CardKeys> {
  if (given) return cardKeysFromText(given);
  const file = join(dataDir, 'card-signing-key.json');
  const stored = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (stored) return cardKeysFromText((JSON.parse(stored) as { privateKey: string }).privateKey);
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  await writeFile(file, JSON.stringify({ alg: 'Ed25519', privateKey: pem }, null, 2), { mode: 0o600, flag: 'wx' });
  return fromPrivateKey(privateKey);
}

/** The member a card or typed code stands for, in the caller's property; refuses old versions of a reissued card. */
export async function memberForCard(db: Db, keys: CardKeys, propertyId: string, input: { token: string } | { code: string }): Promise<MemberRow> {
  if ('token' in input) {
    const { cardKey, version } = keys.check(input.token);
    const [m, twin] = await membersByCardRange(db, propertyId, uuidWith(cardKey, '0'), uuidWith(cardKey, 'f'));
    if (!m) throw new DomainError('card_unknown', 'No member has this card');
    if (twin) throw new DomainError('card_invalid', 'Two cards share this card key; reissue one of them');
    if (m.card_version !== version) throw new DomainError('card_reissued', 'This card has been replaced by a newer one');
    return m;
  }
  const normal = normalizeCardCode(input.code);
  const range = cardCodeRange(normal);
  if (!range) {
    const why = cardCodeProblem(normal) === 'typo' ? 'The card code’s check character does not match: a character is wrong' : 'A card code is 13 letters or digits (12 on older cards)';
    throw new DomainError('bad_request', why);
  }
  // Compared without the check character: a 12-character code from an older card has none.
  const typed = normal.slice(0, LEGACY_CARD_CODE_LENGTH);
  const candidates = await membersByCardRange(db, propertyId, range.low, range.high);
  const current = candidates.find((m) => cardCode(m.card_id, m.card_version).replace(/-/g, '').slice(0, LEGACY_CARD_CODE_LENGTH) === typed);
  if (current) return current;
  // "Replaced" only when the code is one this card really had (an earlier version); any other version is a typo.
  const firstVersionWithMod = range.versionMod === 0 ? 1024 : range.versionMod;
  if (candidates.some((m) => firstVersionWithMod < m.card_version)) throw new DomainError('card_reissued', 'This card has been replaced by a newer one');
  throw new DomainError('card_unknown', 'No member has this card code');
}

/** The lowest or highest uuid that starts with a 14-hex-digit card key. */
function uuidWith(cardKey: string, fill: '0' | 'f'): string {
  const h = cardKey.padEnd(32, fill);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
