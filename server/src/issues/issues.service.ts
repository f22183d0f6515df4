/**
 * The pending-issue board's commands (投诉台帐). First-responder ownership
 * (首问负责制): whoever acknowledges an issue owns it; only the owner, a
 * supervisor or a manager acts on it after that, and only an explicit
 * hand-over moves it. Every change appends an `issue.upserted` event (the
 * event row records actor, device and time: the audit trail).
 */
import { v7 as uuidv7 } from 'uuid';
import { ISSUE_NOTES_CARRIED, ISSUE_SLA_MINUTES, initialEscalation, type Issue, type IssueNote, type IssueSeverity } from '../../../shared/domain/issue.ts';
import { issueFacts, nextIssueStatus } from '../../../shared/domain/issue.machine.ts';
import type { CommandOf, CommandResult } from '../../../shared/protocol/commands.ts';
import type { Principal } from '../auth/principal.ts';
import { insertIssue, insertNote, issueExists, lockIssue, updateIssue } from './issues.repo.ts';
import { activeStaffMember } from '../staff/staff.repo.ts';
import { DomainError } from '../http/errors.ts';
import type { Applied } from '../events/applied.ts';
import type { Tx } from '../store/store.ts';
import { appendEvent } from '../events/events.repo.ts';

type Staff = Extract<Principal, { kind: 'staff' }>;

function staffOnly(who: Principal): Staff {
  if (who.kind !== 'staff') throw new DomainError('forbidden', 'Only staff work the issue board');
  return who;
}

async function load(trx: Tx, who: Staff, issueId: string): Promise<Issue> {
  const issue = await lockIssue(trx, who.propertyId, issueId);
  if (!issue) throw new DomainError('not_found', 'No such issue');
  return issue;
}

const ownerName = (i: Issue) => `${i.ownerStaffName ?? i.ownerStaffId} (${i.ownerStaffId})`;

/** Once someone owns an issue, only they, a supervisor or a manager act on it. */
function mustMayAct(who: Staff, i: Issue): void {
  if (i.ownerStaffId && i.ownerStaffId !== who.staffId && who.role === 'agent') {
    throw new DomainError('forbidden', `This issue is owned by ${ownerName(i)}; only the owner or a supervisor may act on it`, { ownerStaffId: i.ownerStaffId });
  }
}

function mustBeOpen(i: Issue): void {
  if (i.status === 'closed') throw new DomainError('illegal_transition', 'The issue is closed');
}

function noteOf(who: Staff, at: string, text: string, to: { id: string; name: string } | null = null): IssueNote {
  return { id: uuidv7(), at, kind: to ? 'handover' : 'note', staffId: who.staffId, staffName: who.name, text, toStaffId: to?.id ?? null, toStaffName: to?.name ?? null };
}

/** The board's fields of a newly opened issue: a serious complaint goes straight to a supervisor. */
export function boardDefaults(severity: IssueSeverity, now: Date) {
  const escalationLevel = initialEscalation(severity);
  return {
    departments: [],
    escalationLevel,
    escalatedAt: escalationLevel > 0 ? now.toISOString() : null,
    pausedMs: 0,
    waitingSince: null,
    resolvedAt: null,
    closedAt: null,
    followUp: null,
    satisfied: null,
    notesCount: 0,
    notes: [],
    reference: null,
  } satisfies Partial<Issue>;
}

/** Writes the new state (and a note, if any) and appends the event. */
async function save(trx: Tx, who: Staff, deviceId: string, before: Issue | null, next: Issue, note: IssueNote | null): Promise<Applied<CommandResult<'issue.transition'>>> {
  let issue = next;
  if (note) {
    await insertNote(trx, who.propertyId, issue.id, note);
    issue = { ...issue, notesCount: issue.notesCount + 1, notes: [...issue.notes, note].slice(-ISSUE_NOTES_CARRIED) };
  }
  if (before) await updateIssue(trx, issue);
  else await insertIssue(trx, who.propertyId, issue);
  const version = await appendEvent(trx, {
    propertyId: who.propertyId,
    type: 'issue.upserted',
    entityId: issue.id,
    subjectDeviceId: null, // never pulled by a kiosk
    actorStaffId: who.staffId,
    originDeviceId: deviceId,
    data: issue,
  });
  return { result: { issueId: issue.id, status: issue.status, ownerStaffId: issue.ownerStaffId, rev: issue.rev }, version };
}

export async function transitionIssue(trx: Tx, principal: Principal, cmd: CommandOf<'issue.transition'>, now: Date): Promise<Applied<CommandResult<'issue.transition'>>> {
  const who = staffOnly(principal);
  const p = cmd.payload;
  const cur = await load(trx, who, p.issueId);
  if (p.action === 'acknowledge' && cur.ownerStaffId) {
    throw new DomainError('conflict', `Already acknowledged by ${ownerName(cur)}, who owns it`, { ownerStaffId: cur.ownerStaffId });
  }
  if (cur.status !== p.expectedStatus) {
    const by = cur.ownerStaffId ? ` (owner: ${ownerName(cur)})` : '';
    throw new DomainError('conflict', `The issue is already ${cur.status}${by}`, { status: cur.status });
  }
  mustMayAct(who, cur);
  const to = nextIssueStatus(cur.status, p.action, issueFacts(cur));
  if (!to && p.action === 'no_contact' && nextIssueStatus(cur.status, p.action, { guestReachable: false })) {
    throw new DomainError('illegal_transition', 'The guest left a way to reach them (a contact or a room): record the follow-up instead');
  }
  if (!to) throw new DomainError('illegal_transition', `Cannot ${p.action} an issue that is ${cur.status}`);
  if (p.action === 'follow_up' && !p.followUp) throw new DomainError('bad_request', 'A follow-up needs its record: when, how, what the guest said, satisfied or not');
  const at = now.toISOString();
  const next: Issue = { ...cur, status: to, updatedAt: at, rev: cur.rev + 1 };
  if (p.action === 'acknowledge') Object.assign(next, { ownerStaffId: who.staffId, ownerStaffName: who.name });
  if (p.action === 'wait_on_guest') next.waitingSince = at;
  if (p.action === 'resume' && cur.waitingSince) {
    next.pausedMs = cur.pausedMs + Math.max(0, now.getTime() - new Date(cur.waitingSince).getTime());
    next.waitingSince = null;
  }
  if (p.action === 'resolve') next.resolvedAt = at;
  if (p.action === 'follow_up' && p.followUp) {
    next.followUp = { ...p.followUp, outcome: 'reached', byStaffId: who.staffId, byStaffName: who.name };
    next.satisfied = p.followUp.satisfied;
  }
  if (p.action === 'no_contact') {
    next.followUp = { outcome: 'no_contact', at, byStaffId: who.staffId, byStaffName: who.name };
    next.satisfied = null; // nobody could ask the guest
  }
  if (p.action === 'close') next.closedAt = at;
  if (p.action === 'reopen') next.resolvedAt = null;
  return save(trx, who, cmd.deviceId, cur, next, p.note ? noteOf(who, at, p.note) : null);
}

export async function handoverIssue(trx: Tx, principal: Principal, cmd: CommandOf<'issue.handover'>, now: Date): Promise<Applied<CommandResult<'issue.handover'>>> {
  const who = staffOnly(principal);
  const p = cmd.payload;
  const cur = await load(trx, who, p.issueId);
  mustBeOpen(cur);
  if (!cur.ownerStaffId) throw new DomainError('illegal_transition', 'Nobody owns this issue yet: acknowledge it first');
  mustMayAct(who, cur);
  const to = await activeStaffMember(trx, who.propertyId, p.toStaffId);
  if (!to) throw new DomainError('not_found', `No staff member ${p.toStaffId} here`);
  if (to.id === cur.ownerStaffId) throw new DomainError('conflict', `${ownerName(cur)} already owns this issue`);
  const at = now.toISOString();
  const next: Issue = { ...cur, ownerStaffId: to.id, ownerStaffName: to.name, updatedAt: at, rev: cur.rev + 1 };
  return save(trx, who, cmd.deviceId, cur, next, noteOf(who, at, p.note, to));
}

/** Any staff member may add an internal note (colleagues help; the owner stays responsible). */
export async function noteIssue(trx: Tx, principal: Principal, cmd: CommandOf<'issue.note'>, now: Date): Promise<Applied<CommandResult<'issue.note'>>> {
  const who = staffOnly(principal);
  const cur = await load(trx, who, cmd.payload.issueId);
  const at = now.toISOString();
  return save(trx, who, cmd.deviceId, cur, { ...cur, updatedAt: at, rev: cur.rev + 1 }, noteOf(who, at, cmd.payload.text));
}

export async function setIssueDepartments(trx: Tx, principal: Principal, cmd: CommandOf<'issue.departments'>, now: Date): Promise<Applied<CommandResult<'issue.departments'>>> {
  const who = staffOnly(principal);
  const cur = await load(trx, who, cmd.payload.issueId);
  mustBeOpen(cur);
  mustMayAct(who, cur);
  const at = now.toISOString();
  return save(trx, who, cmd.deviceId, cur, { ...cur, departments: cmd.payload.departments, updatedAt: at, rev: cur.rev + 1 }, null);
}

/**
 * A complaint taken by phone or at the desk. The one who takes it is its
 * first responder: it opens acknowledged, owned by them.
 */
export async function recordIssue(trx: Tx, principal: Principal, cmd: CommandOf<'issue.record'>, now: Date): Promise<Applied<CommandResult<'issue.record'>>> {
  const who = staffOnly(principal);
  const p = cmd.payload;
  if (await issueExists(trx, p.issueId)) {
    throw new DomainError('conflict', `Issue ${p.issueId} already exists`);
  }
  const sla = ISSUE_SLA_MINUTES[p.severity];
  const at = now.toISOString();
  const issue: Issue = {
    id: p.issueId,
    source: 'staff',
    severity: p.severity,
    status: 'acknowledged',
    categories: p.categories,
    summary: p.summary,
    rating: null,
    guestName: p.guestName || null,
    room: p.room || null,
    contact: p.contactConsent ? p.contact || null : null,
    contactConsent: p.contactConsent,
    feedbackId: null,
    requestId: null,
    ownerStaffId: who.staffId,
    ownerStaffName: who.name,
    acknowledgeBy: at,
    resolveBy: new Date(now.getTime() + sla.resolve * 60_000).toISOString(),
    createdAt: at,
    updatedAt: at,
    rev: 1,
    ...boardDefaults(p.severity, now),
    departments: p.departments,
    escalationLevel: initialEscalation(p.severity),
  };
  return save(trx, who, cmd.deviceId, null, issue, null);
}
