/** Members as staff see them: search, profile with ledger and approvals, the printable card, the approvals inbox, and the authority limits with what the caller has left today. */
import { cardCodeRange, isCompleteCardCode, normalizeCardCode } from '../../../shared/domain/card-token.ts';
import { MemberTier } from '../../../shared/protocol/members.ts';
import {
  ApprovalList,
  ApprovalsQuery,
  AuthoritySettings,
  MemberCardPrint,
  MemberIdParams,
  MemberProfile,
  MemberSearchQuery,
  MemberSearchResponse,
} from '../../../shared/protocol/members-staff.ts';
import { STAFF_ROLES, SUPERVISORS } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import { staffRoute } from '../http/route.ts';
import { listApprovals, memberApprovals } from './approvals.repo.ts';
import { authorityLimits } from './authority.repo.ts';
import { authorityToday, memberSummary } from './balance.service.ts';
import { printableCard } from './card-render.ts';
import { memberById, searchMembers, staffLedger } from './members.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function existing(db: Parameters<typeof memberById>[0], propertyId: string, id: string) {
  const m = await memberById(db, propertyId, id);
  if (!m) throw new DomainError('not_found', 'No such member');
  return m;
}

export const memberStaffRoutes = [
  staffRoute({
    method: 'GET',
    url: '/api/members',
    access: STAFF_ROLES,
    tags: ['Members'],
    summary: 'Search members by name, card code or member id',
    response: MemberSearchResponse,
    query: MemberSearchQuery,
    async handler({ query: { q, offset, limit }, who: me, deps }) {
      const code = normalizeCardCode(q);
      const cardRange = isCompleteCardCode(code) ? cardCodeRange(code) : null;
      const rows = await searchMembers(deps.store.db, me.propertyId, { text: q, id: UUID.test(q) ? q.toLowerCase() : null, cardRange }, offset, limit + 1);
      return MemberSearchResponse.parse({ members: rows.slice(0, limit).map(memberSummary), hasMore: rows.length > limit });
    },
  }),
  staffRoute({
    method: 'GET',
    url: '/api/members/:id',
    access: STAFF_ROLES,
    tags: ['Members'],
    summary: "A member's profile, last 50 ledger entries and approvals",
    response: MemberProfile,
    params: MemberIdParams,
    async handler({ params: { id }, who: me, deps }) {
      const m = await existing(deps.store.db, me.propertyId, id);
      const ledger = await staffLedger(deps.store.db, m.id, 50);
      return MemberProfile.parse({
        member: memberSummary(m),
        ledger: ledger.map((e) => ({
          id: e.id,
          at: new Date(e.at).toISOString(),
          kind: e.kind,
          amountMinor: e.amount_minor,
          points: e.points,
          reason: e.reason,
          staffId: e.staff_id,
          staffName: e.staff_name ?? null,
          approvedBy: e.approved_by,
          approvedByName: e.approved_by_name ?? null,
          deviceId: e.device_id,
        })),
        approvals: await memberApprovals(deps.store.db, m.id),
      });
    },
  }),
  staffRoute({
    method: 'GET',
    url: '/api/members/:id/card',
    access: STAFF_ROLES,
    tags: ['Members'],
    summary: "The member's printable card (code, token, QR as SVG)",
    response: MemberCardPrint,
    params: MemberIdParams,
    async handler({ req, params: { id }, who: me, deps }) {
      const m = await existing(deps.store.db, me.propertyId, id);
      const card = await printableCard(deps.cardKeys, m);
      req.log.info({ staffId: me.staffId, memberId: m.id, cardVersion: m.card_version }, 'member card printed');
      return MemberCardPrint.parse({ ...card, memberId: m.id, tier: MemberTier.parse(card.tier) });
    },
  }),
  staffRoute({
    method: 'GET',
    url: '/api/approvals',
    access: SUPERVISORS,
    tags: ['Members'],
    summary: 'The approvals inbox',
    response: ApprovalList,
    query: ApprovalsQuery,
    async handler({ query: { status }, who: me, deps }) {
      return ApprovalList.parse({ approvals: await listApprovals(deps.store.db, me.propertyId, status) });
    },
  }),
  staffRoute({
    method: 'GET',
    url: '/api/settings/authority',
    access: STAFF_ROLES,
    tags: ['Settings'],
    summary: 'Authority limits, and what the caller has left today',
    response: AuthoritySettings,
    async handler({ who: me, deps }) {
      const s = await authorityLimits(deps.store.db, me.propertyId);
      // The caller's own budget only: what each staff member used is theirs to see (and their managers', in the ledger).
      return AuthoritySettings.parse({ ...s, role: me.role, today: await authorityToday(deps.store.db, me, s.limits, deps.now()) });
    },
  }),
];
