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
import { STAFF_ROLES, SUPERVISORS, type Principal } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import { parse, route } from '../http/route.ts';
import { listApprovals, memberApprovals } from './approvals.repo.ts';
import { authorityLimits } from './authority.repo.ts';
import { authorityToday, memberSummary } from './balance.service.ts';
import { printableCard } from './card-render.ts';
import { memberById, searchMembers, staffLedger } from './members.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function staff(who: Principal) {
  if (who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
  return who;
}

async function existing(db: Parameters<typeof memberById>[0], propertyId: string, id: string) {
  const m = await memberById(db, propertyId, id);
  if (!m) throw new DomainError('not_found', 'No such member');
  return m;
}

export const memberStaffRoutes = [
  route({
    method: 'GET',
    url: '/api/members',
    access: STAFF_ROLES,
    async handler({ req, who, deps }) {
      const me = staff(who);
      const { q, offset, limit } = parse(MemberSearchQuery, req.query);
      const code = normalizeCardCode(q);
      const cardRange = isCompleteCardCode(code) ? cardCodeRange(code) : null;
      const rows = await searchMembers(deps.store.db, me.propertyId, { text: q, id: UUID.test(q) ? q.toLowerCase() : null, cardRange }, offset, limit + 1);
      return MemberSearchResponse.parse({ members: rows.slice(0, limit).map(memberSummary), hasMore: rows.length > limit });
    },
  }),
  route({
    method: 'GET',
    url: '/api/members/:id',
    access: STAFF_ROLES,
    async handler({ req, who, deps }) {
      const me = staff(who);
      const { id } = parse(MemberIdParams, req.params);
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
  route({
    method: 'GET',
    url: '/api/members/:id/card',
    access: STAFF_ROLES,
    async handler({ req, who, deps }) {
      const me = staff(who);
      const { id } = parse(MemberIdParams, req.params);
      const m = await existing(deps.store.db, me.propertyId, id);
      const card = await printableCard(deps.cardKeys, m);
      req.log.info({ staffId: me.staffId, memberId: m.id, cardVersion: m.card_version }, 'member card printed');
      return MemberCardPrint.parse({ ...card, memberId: m.id, tier: MemberTier.parse(card.tier) });
    },
  }),
  route({
    method: 'GET',
    url: '/api/approvals',
    access: SUPERVISORS,
    async handler({ req, who, deps }) {
      const me = staff(who);
      const { status } = parse(ApprovalsQuery, req.query);
      return ApprovalList.parse({ approvals: await listApprovals(deps.store.db, me.propertyId, status) });
    },
  }),
  route({
    method: 'GET',
    url: '/api/settings/authority',
    access: STAFF_ROLES,
    async handler({ who, deps }) {
      const me = staff(who);
      const s = await authorityLimits(deps.store.db, me.propertyId);
      // The caller's own budget only: what each staff member used is theirs to see (and their managers', in the ledger).
      return AuthoritySettings.parse({ ...s, role: me.role, today: await authorityToday(deps.store.db, me, s.limits, deps.now()) });
    },
  }),
];
