import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CARD_TOKEN_LENGTH,
  assembleCardToken,
  cardKeyOf,
  base32Decode,
  base32Encode,
  cardCode,
  cardCodeProblem,
  cardCodeRange,
  cardSigningMessage,
  isCompleteCardCode,
  normalizeCardCode,
  parseCardToken,
  verifyCardToken,
} from './card-token.ts';

const CARD = '3f2a9c1e-7b44-4d0a-9e61-0c5d2b8f7a13';
let keys: CryptoKeyPair;
let publicRaw: Uint8Array;

async function issue(cardId: string, version: number, key = keys.privateKey): Promise<string> {
  const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', key, cardSigningMessage(cardId, version)));
  return assembleCardToken(cardId, version, sig);
}

beforeAll(async () => {
  keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  publicRaw = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
});

describe('base32', () => {
  it('round-trips bytes of every length and matches RFC 4648 vectors', () => {
    expect(base32Encode(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
    for (let n = 0; n < 40; n++) {
      const b = crypto.getRandomValues(new Uint8Array(n));
      expect(base32Decode(base32Encode(b))).toEqual(b);
    }
  });
});

describe('card token', () => {
  it('round-trips card id and version through sign and verify', async () => {
    const token = await issue(CARD, 7);
    expect(token).toHaveLength(CARD_TOKEN_LENGTH);
    expect(token).toMatch(/^LD1-[A-Z2-7]+$/); // base32 letters and digits and one dash: QR alphanumeric mode, keyboard-safe
    expect(await verifyCardToken(token, publicRaw)).toEqual({ ok: true, cardKey: cardKeyOf(CARD), version: 7 });
    const b64url = Buffer.from(publicRaw).toString('base64url');
    expect(await verifyCardToken(token, b64url)).toEqual({ ok: true, cardKey: cardKeyOf(CARD), version: 7 });
  });

  it('fits a QR code of version 5 at error correction level M', async () => {
    const token = await issue(CARD, 65535);
    // One alphanumeric segment (the printed cards do the same; automatic segmenting splits off digit runs and costs space).
    const qr = QRCode.create([{ data: token, mode: 'alphanumeric' }], { version: 5, errorCorrectionLevel: 'M' });
    expect(qr.version).toBe(5);
    expect(token.length).toBeLessThanOrEqual(122);
  });

  it('refuses a token signed by another key', async () => {
    const other = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    expect(await verifyCardToken(await issue(CARD, 1, other.privateKey), publicRaw)).toEqual({ ok: false, error: 'bad_signature' });
  });

  it('refuses a token whose version was edited after signing', async () => {
    const genuine = parseCardToken(await issue(CARD, 1));
    if (!genuine.ok) throw new Error('parse failed');
    const forged = assembleCardToken(CARD, 2, genuine.signature);
    expect(await verifyCardToken(forged, publicRaw)).toEqual({ ok: false, error: 'bad_signature' });
  });

  it('calls a truncated token malformed', async () => {
    const token = await issue(CARD, 1);
    expect(await verifyCardToken(token.slice(0, -1), publicRaw)).toEqual({ ok: false, error: 'malformed' });
    expect(await verifyCardToken(token.slice(0, 40), publicRaw)).toEqual({ ok: false, error: 'malformed' });
  });

  it('calls random text and a URL foreign', async () => {
    expect(await verifyCardToken('hello there', publicRaw)).toEqual({ ok: false, error: 'foreign' });
    expect(await verifyCardToken('https://example.com/?LD1-AAAA', publicRaw)).toEqual({ ok: false, error: 'foreign' });
    expect(await verifyCardToken('', publicRaw)).toEqual({ ok: false, error: 'foreign' });
    expect(await verifyCardToken('HTTPS://EXAMPLE.COM/CARD', publicRaw)).toEqual({ ok: false, error: 'foreign' });
  });

  it('calls characters outside base32 malformed and a bad key no_key', async () => {
    const token = await issue(CARD, 1);
    expect(await verifyCardToken(`LD1-${'1'.repeat(117)}`, publicRaw)).toEqual({ ok: false, error: 'malformed' }); // 1 is not base32
    expect(await verifyCardToken(token.toLowerCase(), publicRaw)).toEqual({ ok: false, error: 'foreign' });
    expect(await verifyCardToken(token, new Uint8Array(5))).toEqual({ ok: false, error: 'no_key' });
  });
});

describe('typed card code', () => {
  it('is 12 base32 characters and a check character in four groups, and maps back to a range holding the card id', () => {
    const code = cardCode(CARD, 3);
    expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]$/);
    const range = cardCodeRange(code)!;
    expect(range.versionMod).toBe(3);
    expect(range.low <= CARD && CARD <= range.high).toBe(true);
    expect(range.low.startsWith('3f2a9c1e-7b44')).toBe(true);
  });

  it('accepts lower case, spaces and look-alike digits', () => {
    const code = cardCode(CARD, 1);
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/o/g, '0');
    expect(normalizeCardCode(typed)).toBe(code.replace(/-/g, ''));
    expect(cardCodeRange('ABC')).toBeNull();
  });

  it('calls a mistyped character a typo: every single substitution and adjacent swap, in the version characters too', () => {
    for (const version of [1, 2, 7, 300]) {
      const code = cardCode(CARD, version).replace(/-/g, '');
      expect(cardCodeProblem(code)).toBeNull();
      for (let i = 0; i < code.length; i++) {
        for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') {
          if (ch === code[i]) continue;
          const wrong = code.slice(0, i) + ch + code.slice(i + 1);
          expect(cardCodeProblem(wrong), wrong).toBe('typo');
          expect(cardCodeRange(wrong)).toBeNull();
        }
        if (i + 1 < code.length && code[i] !== code[i + 1]) {
          expect(cardCodeProblem(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2))).toBe('typo');
        }
      }
    }
  });

  it('tells a replaced card from a typo: the old card’s own code is well-formed', () => {
    const old = cardCode(CARD, 1).replace(/-/g, '');
    const current = cardCode(CARD, 2).replace(/-/g, '');
    expect(old).not.toBe(current);
    expect(cardCodeProblem(old)).toBeNull();
    expect(cardCodeRange(old)!.versionMod).toBe(1);
  });

  it('still reads a 12-character code from a card printed before the check character', () => {
    const legacy = cardCode(CARD, 3).replace(/-/g, '').slice(0, 12);
    expect(isCompleteCardCode(legacy)).toBe(true);
    expect(cardCodeProblem(legacy)).toBeNull();
    expect(cardCodeRange(legacy)).toEqual(cardCodeRange(cardCode(CARD, 3)));
    expect(cardCodeProblem(legacy.slice(0, 11))).toBe('incomplete');
  });
});
