/**
 * The member a request came with. A kiosk request may carry the member card
 * the guest scanned in the same guest session (`memberCard`, the signed QR
 * token). It is verified here like any card read (server/src/members/
 * cards.service.ts: signature, known card, current version); only then is
 * the member linked. A card that fails (forged, damaged, foreign, unknown,
 * reissued) never costs the guest their call: the request is created
 * without a member and the refusal goes to `audit_log` with its reason.
 */
import { MemberTier } from '../../../shared/protocol/members.ts';
import type { RequestMember } from '../../../shared/domain/request.ts';
import type { Principal } from '../auth/principal.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { DomainError } from '../http/errors.ts';
import { memberForCard, type CardKeys } from '../members/cards.service.ts';
import type { Tx } from '../store/store.ts';

export const MEMBER_CARD_REFUSED = 'request.member_card_refused';

export async function linkMember(trx: Tx, keys: CardKeys, who: Principal, requestId: string, deviceId: string, token: string): Promise<RequestMember | null> {
  try {
    const m = await memberForCard(trx, keys, who.propertyId, { token });
    return { id: m.id, name: m.name, tier: MemberTier.parse(m.tier) };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    // The reason and who sent it; never the token itself.
    await appendAudit(trx, {
      propertyId: who.propertyId,
      staffId: who.kind === 'staff' ? who.staffId : null,
      action: MEMBER_CARD_REFUSED,
      subjectId: requestId,
      details: { code: e.code, reason: e.message, deviceId },
    });
    return null;
  }
}
