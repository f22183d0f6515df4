import { maskName } from '../../../shared/domain/request.ts';
import { CardKeyResponse, CardLookupBody, CardLookupResponse, MemberTier } from '../../../shared/protocol/members.ts';
import { DomainError } from '../http/errors.ts';
import { route } from '../http/route.ts';
import { memberForCard } from './cards.service.ts';
import { lastLedgerEntries } from './members.repo.ts';

export const memberRoutes = [
  route({
    method: 'POST',
    url: '/api/kiosk/card',
    access: ['kiosk'],
    // Typed codes carry no signature: the limit keeps guessing slow (per client address).
    rateLimitPerMinute: 30,
    tags: ['Kiosk'],
    summary: 'Read a member card (scanned token or typed code)',
    description: 'What a guest sees after showing a card: masked name, tier, balance, points and the last entries. Damaged or forged: 400 `card_invalid`; no such member: 404 `card_unknown`; an older card version: 410 `card_reissued`.',
    body: CardLookupBody,
    response: CardLookupResponse,
    async handler({ req, deps, who, body }) {
      if (who.kind !== 'device') throw new DomainError('forbidden', 'Kiosks only');
      const m = await memberForCard(deps.store.db, deps.cardKeys, who.propertyId, body);
      const entries = await lastLedgerEntries(deps.store.db, m.id);
      req.log.info({ deviceId: who.deviceId, via: 'token' in body ? 'token' : 'code' }, 'member card read');
      return CardLookupResponse.parse({
        member: {
          maskedName: maskName(m.name) ?? '***',
          tier: MemberTier.parse(m.tier),
          balanceMinor: m.balance_minor,
          points: m.points,
          lastEntries: entries.map((e) => ({ at: new Date(e.at).toISOString(), kind: e.kind, amountMinor: e.amount_minor, points: e.points })),
        },
      });
    },
  }),
  route({
    method: 'GET',
    url: '/api/kiosk/card-key',
    access: ['kiosk'],
    tags: ['Kiosk'],
    summary: "The property's card-signing public key",
    description: 'Raw 32-byte Ed25519 key, base64url: a kiosk checks scanned card tokens offline with it.',
    response: CardKeyResponse,
    async handler({ deps }) {
      return CardKeyResponse.parse({ alg: 'Ed25519', publicKey: deps.cardKeys.publicKeyRaw });
    },
  }),
];
