/** Member cards and balances as the kiosk sees them (`POST /api/kiosk/card`, `GET /api/kiosk/card-key`). */
import { z } from 'zod';
import { CARD_CODE_LENGTH, isCompleteCardCode, LEGACY_CARD_CODE_LENGTH, normalizeCardCode } from '../domain/card-token.ts';

export const MemberTier = z.enum(['classic', 'silver', 'gold', 'platinum']);
export type MemberTier = z.infer<typeof MemberTier>;

export const LedgerKind = z.enum(['topup', 'redeem', 'adjust', 'earn']);
export type LedgerKind = z.infer<typeof LedgerKind>;

/** A scanned QR token, or the 12-character code typed by hand (checked online only). */
export const CardLookupBody = z.union([
  z.strictObject({ token: z.string().min(1).max(400) }),
  z.strictObject({
    code: z
      .string()
      .max(40)
      .transform(normalizeCardCode)
      .refine(isCompleteCardCode, `card code is ${CARD_CODE_LENGTH} letters or digits (${LEGACY_CARD_CODE_LENGTH} on older cards)`),
  }),
]);
export type CardLookupBody = z.input<typeof CardLookupBody>;

export const LedgerEntryView = z.object({ at: z.string(), kind: LedgerKind, amountMinor: z.number().int(), points: z.number().int() });
export type LedgerEntryView = z.infer<typeof LedgerEntryView>;

/** What a guest sees after showing a card: no full name, no card id. */
export const MemberCardView = z.object({
  maskedName: z.string(),
  tier: MemberTier,
  balanceMinor: z.number().int(),
  points: z.number().int(),
  lastEntries: z.array(LedgerEntryView).max(5),
});
export type MemberCardView = z.infer<typeof MemberCardView>;

export const CardLookupResponse = z.object({ member: MemberCardView });
export type CardLookupResponse = z.infer<typeof CardLookupResponse>;

/** The property's card-signing public key: raw 32-byte Ed25519, base64url. */
export const CardKeyResponse = z.object({ alg: z.literal('Ed25519'), publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
export type CardKeyResponse = z.infer<typeof CardKeyResponse>;
