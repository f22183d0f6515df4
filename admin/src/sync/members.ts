/**
 * Members, balances and approvals as the tablet sees them: search and
 * profile over HTTP (members are not in the snapshot: there are too many),
 * kept current by `member.upserted` / `approval.upserted` events that
 * `engine.ts` hands over; balance changes, decisions, card reissue and the
 * authority limits go through the outbox like every other write. Screens
 * read the signals and call the functions; only this module writes them.
 */
import { computed, signal } from '@preact/signals';
import type { AuthorityLimits, BalanceOperation } from '../../../shared/domain/authority.ts';
import { upsertByRev } from '../../../shared/domain/request.ts';
import type { StaffEvent } from '../../../shared/protocol/events.ts';
import type { CommandType } from '../../../shared/protocol/commands.ts';
import { memberCommands } from '../../../shared/protocol/member.commands.ts';
import type { SyncSlice } from './slice.ts';
import {
  ApprovalList,
  AuthoritySettings,
  MemberCardPrint,
  MemberProfile,
  MemberSearchResponse,
  type Approval,
  type MemberSummary,
} from '../../../shared/protocol/members-staff.ts';
import { api, failureCode, type FailureCode } from './api.ts';
import { sendCommand, type Sent } from './sent.ts';

const PAGE = 20;

export const memberQuery = signal('');
export const memberResults = signal<readonly MemberSummary[]>([]);
export const memberHasMore = signal(false);
export const memberSearchState = signal<'idle' | 'loading' | 'done' | FailureCode>('idle');

export const profile = signal<MemberProfile | null>(null);
export const profileError = signal<FailureCode | null>(null);

const approvalMap = signal<ReadonlyMap<string, Approval>>(new Map());
export const pendingApprovals = computed(() => [...approvalMap.value.values()].filter((a) => a.status === 'pending').sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)));
export const approvalsLoaded = signal(false);
/** Every approval this tablet has seen, by id (a form follows the fate of the one it asked for). */
export const approvalsById = computed(() => approvalMap.value);

export const authority = signal<AuthoritySettings | null>(null);

let searchSeq = 0;
export async function searchMembers(q: string, more = false): Promise<void> {
  const mine = ++searchSeq;
  memberQuery.value = q;
  memberSearchState.value = 'loading';
  const offset = more ? memberResults.value.length : 0;
  try {
    const res = await api.get(`/api/members?q=${encodeURIComponent(q.trim())}&offset=${offset}&limit=${PAGE}`, MemberSearchResponse);
    if (mine !== searchSeq) return;
    memberResults.value = more ? [...memberResults.value, ...res.members] : res.members;
    memberHasMore.value = res.hasMore;
    memberSearchState.value = 'done';
  } catch (e) {
    if (mine === searchSeq) memberSearchState.value = failureCode(e);
  }
}

let profileSeq = 0;
export async function openMember(id: string | null): Promise<void> {
  const mine = ++profileSeq;
  if (!id) {
    profile.value = null;
    return;
  }
  try {
    const res = await api.get(`/api/members/${encodeURIComponent(id)}`, MemberProfile);
    if (mine !== profileSeq) return;
    profile.value = res;
    profileError.value = null;
    approvalMap.value = upsertByRev(approvalMap.value, res.approvals);
  } catch (e) {
    if (mine === profileSeq) profileError.value = failureCode(e);
  }
}

/** The inbox: supervisors and managers only (the server refuses agents). */
export async function loadApprovals(): Promise<void> {
  try {
    const res = await api.get('/api/approvals?status=pending', ApprovalList);
    approvalMap.value = upsertByRev(new Map([...approvalMap.value].filter(([, a]) => a.status !== 'pending')), res.approvals);
    approvalsLoaded.value = true;
  } catch {
    approvalsLoaded.value = true;
  }
}

export async function loadAuthority(): Promise<void> {
  try {
    authority.value = await api.get('/api/settings/authority', AuthoritySettings);
  } catch {
    /* the form then shows no limit hint; the server still decides */
  }
}

export async function fetchCard(memberId: string): Promise<MemberCardPrint | FailureCode> {
  try {
    return await api.get(`/api/members/${encodeURIComponent(memberId)}/card`, MemberCardPrint);
  } catch (e) {
    return failureCode(e);
  }
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let authorityTimer: ReturnType<typeof setTimeout> | null = null;

/** Called by the engine with every batch of staff events. */
export function applyMemberEvents(events: readonly StaffEvent[]): void {
  const members = events.flatMap((e) => (e.type === 'member.upserted' ? [e.member] : []));
  const approvals = events.flatMap((e) => (e.type === 'approval.upserted' ? [e.approval] : []));
  if (approvals.length) approvalMap.value = upsertByRev(approvalMap.value, approvals);
  // A decision draws on the approver's budget. Its row may be gone from the inbox (the event can come
  // before the command's answer), so what is left today is fetched again here, not by the row.
  if (approvals.some((a) => a.status !== 'pending')) {
    if (authorityTimer) clearTimeout(authorityTimer);
    authorityTimer = setTimeout(() => void loadAuthority(), 150);
  }
  if (members.length) {
    const byId = new Map(members.map((m) => [m.id, m]));
    memberResults.value = memberResults.value.map((m) => {
      const n = byId.get(m.id);
      return n && n.rev > m.rev ? n : m;
    });
  }
  const open = profile.value?.member.id;
  if (open && (byIdHas(members, open) || approvals.some((a) => a.memberId === open))) {
    const fresh = members.filter((m) => m.id === open).at(-1);
    if (fresh && profile.value && fresh.rev > profile.value.member.rev) profile.value = { ...profile.value, member: fresh };
    // The ledger and the member's approvals come with the profile: fetch it again, once per burst.
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void openMember(open), 150);
  }
}
const byIdHas = (list: readonly MemberSummary[], id: string) => list.some((m) => m.id === id);

export function resetMembers(): void {
  memberResults.value = [];
  memberQuery.value = '';
  memberSearchState.value = 'idle';
  profile.value = null;
  approvalMap.value = new Map();
  approvalsLoaded.value = false;
  authority.value = null;
}

export function changeBalance(c: { memberId: string; operation: BalanceOperation; amountMinor: number; points: number; reason: string; expectedBalance: number | null }): Promise<Sent<'member.balance'> | null> {
  return sendCommand({ type: 'member.balance', payload: { ...c, reason: c.reason.trim() } });
}

export function decideApproval(approvalId: string, approve: boolean, note: string): Promise<Sent<'approval.decide'> | null> {
  return sendCommand({ type: 'approval.decide', payload: { approvalId, approve, note: note.trim() } });
}

export function reissueCard(memberId: string, reason: string): Promise<Sent<'member.reissue_card'> | null> {
  return sendCommand({ type: 'member.reissue_card', payload: { memberId, reason: reason.trim() } });
}

export async function saveAuthority(limits: AuthorityLimits): Promise<Sent<'settings.authority'> | null> {
  const id = await sendCommand({ type: 'settings.authority', payload: { limits } });
  return id;
}

/** Members, approvals and authority: their part of the tablet's sync (slice.ts). Members are not in the snapshot; screens fetch them. */
export const membersSlice: SyncSlice = {
  name: 'members',
  commands: Object.keys(memberCommands) as CommandType[],
  onSnapshot: () => undefined,
  onEvents: applyMemberEvents,
  notice: (command, error) => ({ type: 'luggage_rejected', command: command?.type ?? '', code: error.code, message: error.message }),
  reset: resetMembers,
};
