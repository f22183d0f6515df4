/**
 * Members' balances under authority (工作权限): a change that fits in what is
 * left of the sender's daily budget (per operation, money and points) applies
 * at once as a ledger entry; past it, it waits as an approval that a
 * supervisor or manager decides (never the one who asked), drawn on the
 * approver's own budget. Locks, always in this order: the approval, the
 * staff member's budget row for the day and operation, the member's row, and
 * (appending the event) the property's version. So concurrent changes by one
 * staff member are counted one at a time, and none can take a balance below
 * zero or past what the column holds.
 */
import { v7 as uuidv7 } from 'uuid';
import { balanceDelta, limitFor, magnitude, MAX_STORED, remainingBudget, withinAuthority, type AuthorityLimits } from '../../../shared/domain/authority.ts';
import { cardCode } from '../../../shared/domain/card-token.ts';
import type { CommandOf, CommandResult } from '../../../shared/protocol/commands.ts';
import type { MemberBalanceResult } from '../../../shared/protocol/member.commands.ts';
import { MemberTier } from '../../../shared/protocol/members.ts';
import type { Approval, AuthorityToday, MemberSummary } from '../../../shared/protocol/members-staff.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Principal } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import type { Applied } from '../events/applied.ts';
import type { Db, Tx } from '../store/store.ts';
import { appendEvent } from '../events/events.repo.ts';
import { approvalById, approvalView, decideApprovalRow, insertApproval, lockApproval, type ApprovalPayload } from './approvals.repo.ts';
import { addUsage, authorityLimits, lockUsage, saveAuthorityLimits, serviceDayAt, usageOn, type UsageKey } from './authority.repo.ts';
import { insertLedgerEntry, lockMember, updateMember, type StaffMemberRow } from './members.repo.ts';

type Staff = Extract<Principal, { kind: 'staff' }>;

function staffOnly(who: Principal): Staff {
  if (who.kind !== 'staff') throw new DomainError('forbidden', 'Only staff change a member');
  return who;
}

export function memberSummary(m: StaffMemberRow): MemberSummary {
  return {
    id: m.id,
    name: m.name,
    tier: MemberTier.parse(m.tier),
    balanceMinor: m.balance_minor,
    points: m.points,
    cardVersion: m.card_version,
    cardCode: cardCode(m.card_id, m.card_version),
    rev: m.rev,
  };
}

const money = (minor: number) => `${(minor / 100).toFixed(2)}`;

function publishMember(trx: Tx, who: Staff, deviceId: string, m: StaffMemberRow): Promise<number> {
  // Staff audience only: the pull filters walls and kiosks to request events, and snapshots never carry members.
  return appendEvent(trx, { propertyId: who.propertyId, type: 'member.upserted', entityId: m.id, subjectDeviceId: null, actorStaffId: who.staffId, originDeviceId: deviceId, data: memberSummary(m) });
}

function publishApproval(trx: Tx, who: Staff, deviceId: string, a: Approval): Promise<number> {
  return appendEvent(trx, { propertyId: who.propertyId, type: 'approval.upserted', entityId: a.id, subjectDeviceId: null, actorStaffId: who.staffId, originDeviceId: deviceId, data: a });
}

async function lockExisting(trx: Tx, who: Staff, memberId: string): Promise<StaffMemberRow> {
  const m = await lockMember(trx, who.propertyId, memberId);
  if (!m) throw new DomainError('not_found', 'No such member');
  return m;
}

/**
 * The member after the change; `insufficient_balance` when balance or points
 * would go below zero, `bad_request` when past what the columns hold.
 */
function changed(m: StaffMemberRow, c: ApprovalPayload): StaffMemberRow {
  const balance = m.balance_minor + balanceDelta(c.operation, c.amountMinor);
  const points = m.points + c.points;
  if (balance < 0) throw new DomainError('insufficient_balance', `The balance is ${money(m.balance_minor)}; this change would take it below zero`);
  if (points < 0) throw new DomainError('insufficient_balance', `The member has ${m.points} points; this change would take them below zero`);
  if (balance > MAX_STORED) throw new DomainError('bad_request', `This change would take the balance to ${money(balance)}; a member's balance holds at most ${money(MAX_STORED)}`);
  if (points > MAX_STORED) throw new DomainError('bad_request', `This change would take the points to ${points}; a member holds at most ${MAX_STORED} points`);
  return { ...m, balance_minor: balance, points, rev: m.rev + 1 };
}

/** A staff member's budget for one operation today, locked (null for a manager: no limit, not counted). */
interface Budget {
  key: UsageKey;
  leftMinor: number;
  leftPoints: number;
}

async function lockBudget(trx: Tx, who: Staff, limits: AuthorityLimits, operation: ApprovalPayload['operation'], now: Date): Promise<Budget | null> {
  if (who.role === 'manager') return null;
  const key: UsageKey = { propertyId: who.propertyId, staffId: who.staffId, serviceDay: await serviceDayAt(trx, who.propertyId, now), operation };
  const used = await lockUsage(trx, key);
  return {
    key,
    leftMinor: Math.max(0, limitFor(limits, who.role, operation, 'money')! - used.moneyMinor),
    leftPoints: Math.max(0, limitFor(limits, who.role, operation, 'points')! - used.points),
  };
}

const fits = (b: Budget | null, c: ApprovalPayload) => b === null || (magnitude(c.amountMinor) <= b.leftMinor && magnitude(c.points) <= b.leftPoints);

/** Counts an applied change against a budget locked by `lockBudget` (a manager's is not counted). */
async function spend(trx: Tx, b: Budget | null, c: ApprovalPayload, now: Date): Promise<void> {
  if (b) await addUsage(trx, b.key, magnitude(c.amountMinor), magnitude(c.points), now);
}

/** The caller's use of authority on the property's current service day and what is left (for the tablet). */
export async function authorityToday(db: Db, who: Staff, limits: AuthorityLimits, now: Date): Promise<AuthorityToday> {
  const serviceDay = await serviceDayAt(db, who.propertyId, now);
  const used = await usageOn(db, who.staffId, serviceDay);
  return { serviceDay, used, remaining: remainingBudget(limits, who.role, used) };
}

async function apply(trx: Tx, m: StaffMemberRow, c: ApprovalPayload, by: { staffId: string; approvedBy: string | null; deviceId: string | null; approvalId: string | null }, now: Date) {
  const next = changed(m, c);
  await updateMember(trx, next);
  await insertLedgerEntry(trx, {
    id: uuidv7(),
    memberId: m.id,
    kind: c.operation,
    amountMinor: balanceDelta(c.operation, c.amountMinor),
    points: c.points,
    reason: c.reason,
    staffId: by.staffId,
    approvedBy: by.approvedBy,
    deviceId: by.deviceId,
    approvalId: by.approvalId,
    at: now,
  });
  return next;
}

export async function changeBalance(trx: Tx, principal: Principal, cmd: CommandOf<'member.balance'>, now: Date): Promise<Applied<CommandResult<'member.balance'>>> {
  const who = staffOnly(principal);
  const p = cmd.payload;
  if (p.operation !== 'adjust' && p.amountMinor <= 0) throw new DomainError('bad_request', `A ${p.operation} needs a positive amount`);
  if (p.operation === 'adjust' && p.amountMinor === 0 && p.points === 0) throw new DomainError('bad_request', 'An adjustment changes the balance or the points');
  const change: ApprovalPayload = { operation: p.operation, amountMinor: p.amountMinor, points: p.points, reason: p.reason };
  const { limits } = await authorityLimits(trx, who.propertyId);
  const budget = await lockBudget(trx, who, limits, p.operation, now);
  const m = await lockExisting(trx, who, p.memberId);
  if (p.expectedBalance !== null && p.expectedBalance !== m.balance_minor) {
    throw new DomainError('conflict', `The balance changed to ${money(m.balance_minor)} since you looked; check it and try again`, { balanceMinor: m.balance_minor });
  }
  changed(m, change); // a change that could never apply is refused now, not after a supervisor has looked at it
  if (fits(budget, change)) {
    await spend(trx, budget, change, now);
    const next = await apply(trx, m, change, { staffId: who.staffId, approvedBy: null, deviceId: cmd.deviceId, approvalId: null }, now);
    const version = await publishMember(trx, who, cmd.deviceId, next);
    const result: MemberBalanceResult = { status: 'applied', memberId: m.id, balanceMinor: next.balance_minor, points: next.points };
    return { result, version };
  }
  // Past what is left today (however the slips are split): it waits for a supervisor or manager.
  const approvalId = uuidv7();
  await insertApproval(trx, { id: approvalId, propertyId: who.propertyId, memberId: m.id, payload: change, requestedBy: who.staffId, requestedAt: now, deviceId: cmd.deviceId });
  const approval = await approvalById(trx, who.propertyId, approvalId);
  const version = await publishApproval(trx, who, cmd.deviceId, approvalView(approval!));
  const result: MemberBalanceResult = {
    status: 'pending_approval',
    memberId: m.id,
    approvalId,
    limitMinor: limitFor(limits, who.role, p.operation),
    remainingMinor: budget!.leftMinor,
    remainingPoints: budget!.leftPoints,
  };
  return { result, version };
}

/**
 * Approving draws on the approver's own budget for the day (a manager's is
 * unlimited), so slicing work into approvals cannot exceed it either;
 * declining moves nothing and needs only the role's limit to cover it.
 */
export async function decideApproval(trx: Tx, principal: Principal, cmd: CommandOf<'approval.decide'>, now: Date): Promise<Applied<CommandResult<'approval.decide'>>> {
  const who = staffOnly(principal);
  const p = cmd.payload;
  if (who.role === 'agent') throw new DomainError('forbidden', 'Only a supervisor or manager decides approvals');
  const a = await lockApproval(trx, who.propertyId, p.approvalId);
  if (!a) throw new DomainError('not_found', 'No such approval');
  if (a.status !== 'pending') throw new DomainError('conflict', `This request was already ${a.status} by ${a.decidedByName ?? a.decidedBy}`);
  if (a.requestedBy === who.staffId) throw new DomainError('forbidden', 'Someone else must approve your own request');
  const { limits } = await authorityLimits(trx, who.propertyId);
  if (!withinAuthority(limits, who.role, a.operation, a.amountMinor, a.points)) throw new DomainError('forbidden', 'This amount is above your authority; a manager must approve it');
  const change: ApprovalPayload = { operation: a.operation, amountMinor: a.amountMinor, points: a.points, reason: a.reason };
  let version = 0;
  if (p.approve) {
    const budget = await lockBudget(trx, who, limits, a.operation, now);
    if (!fits(budget, change)) {
      throw new DomainError('forbidden', `This is more than you have left of your authority today (${money(budget!.leftMinor)}, ${budget!.leftPoints} points); a manager must approve it`);
    }
    const m = await lockExisting(trx, who, a.memberId);
    await spend(trx, budget, change, now);
    const next = await apply(trx, m, change, { staffId: a.requestedBy, approvedBy: who.staffId, deviceId: a.requestDeviceId, approvalId: a.id }, now);
    version = await publishMember(trx, who, cmd.deviceId, next);
  }
  await decideApprovalRow(trx, a.id, p.approve ? 'approved' : 'declined', who.staffId, p.note || null, now);
  const decided = await approvalById(trx, who.propertyId, a.id);
  version = Math.max(version, await publishApproval(trx, who, cmd.deviceId, approvalView(decided!)));
  return { result: { approvalId: a.id, status: decided!.status }, version };
}

export async function reissueCard(trx: Tx, principal: Principal, cmd: CommandOf<'member.reissue_card'>, now: Date): Promise<Applied<CommandResult<'member.reissue_card'>>> {
  const who = staffOnly(principal);
  if (who.role === 'agent') throw new DomainError('forbidden', 'Only a supervisor or manager reissues a card');
  const m = await lockExisting(trx, who, cmd.payload.memberId);
  if (m.card_version >= 0xffff) throw new DomainError('conflict', 'This card has been reissued too many times');
  const next: StaffMemberRow = { ...m, card_version: m.card_version + 1, rev: m.rev + 1 };
  await updateMember(trx, next);
  await appendAudit(trx, {
    propertyId: who.propertyId,
    staffId: who.staffId,
    action: 'member.card_reissued',
    subjectId: m.id,
    details: { reason: cmd.payload.reason, fromVersion: m.card_version, toVersion: next.card_version, deviceId: cmd.deviceId, at: now.toISOString() },
  });
  const version = await publishMember(trx, who, cmd.deviceId, next);
  return { result: { memberId: m.id, cardVersion: next.card_version }, version };
}

export async function setAuthority(trx: Tx, principal: Principal, cmd: CommandOf<'settings.authority'>, now: Date): Promise<Applied<CommandResult<'settings.authority'>>> {
  const who = staffOnly(principal);
  if (who.role !== 'manager') throw new DomainError('forbidden', 'Only a manager sets authority limits');
  const before = await authorityLimits(trx, who.propertyId);
  const after = await saveAuthorityLimits(trx, who.propertyId, cmd.payload.limits, before.limits, who.staffId, now);
  await appendAudit(trx, { propertyId: who.propertyId, staffId: who.staffId, action: 'settings.authority', subjectId: who.propertyId, details: { before: before.limits, after } });
  // Limits are not on the sync feed: tablets read them when the members screen opens.
  return { result: { limits: after }, version: 0 };
}
