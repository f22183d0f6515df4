/**
 * Pure logic for the pending-issue board: which issues a view shows and in
 * what order, the counts, and whether the signed-in staff member may act on
 * an issue. No I/O, no signals.
 */
import { DEPARTMENTS, type Department, type Issue } from '../../../../shared/domain/issue.ts';
import { issueFacts, legalIssueActions, type IssueAction, type IssueStatus } from '../../../../shared/domain/issue.machine.ts';
import { normalizeRefQuery } from '../../../../shared/domain/complaint-ref.ts';
import { isOverdue, slaState } from '../../../../shared/domain/issue.sla.ts';
import type { StaffRole } from '../../../../shared/protocol/auth.ts';

export type IssueView = 'overdue' | 'mine' | 'department';
export type StatusFilter = 'open' | IssueStatus;

/** Overdue first (most overdue on top), then by time left, then paused and settled ones, oldest first. */
export function byUrgency(list: readonly Issue[], nowMs: number): Issue[] {
  const rank = (i: Issue): [number, number] => {
    const s = slaState(i, nowMs);
    if (s.kind === 'running') return [s.leftMs < 0 ? 0 : 1, s.leftMs];
    if (s.kind === 'paused') return [2, s.leftMs];
    return [3, 0];
  };
  return [...list].sort((a, b) => {
    const [ra, la] = rank(a);
    const [rb, lb] = rank(b);
    return ra - rb || la - lb || b.escalationLevel - a.escalationLevel || a.createdAt.localeCompare(b.createdAt);
  });
}

export function filterIssues(list: readonly Issue[], o: { view: IssueView; status: StatusFilter; meId: string }): Issue[] {
  return list.filter((i) => (o.status === 'open' ? i.status !== 'closed' : i.status === o.status) && (o.view !== 'mine' || i.ownerStaffId === o.meId));
}

/** Issues grouped by the departments involved (an issue may sit in several); "none" last. */
export function byDepartment(list: readonly Issue[]): { department: Department | null; issues: Issue[] }[] {
  const groups: { department: Department | null; issues: Issue[] }[] = DEPARTMENTS.map((d) => ({ department: d, issues: list.filter((i) => i.departments.includes(d)) }));
  groups.push({ department: null, issues: list.filter((i) => i.departments.length === 0) });
  return groups.filter((g) => g.issues.length > 0);
}

export function issueCounts(list: readonly Issue[], meId: string, nowMs: number) {
  const open = list.filter((i) => i.status !== 'closed');
  return {
    open: open.length,
    overdue: open.filter((i) => isOverdue(i, nowMs)).length,
    mine: open.filter((i) => i.ownerStaffId === meId).length,
  };
}

/** The owner, a supervisor or a manager acts on an owned issue; anyone on an unowned one (the server decides the same). */
export function mayAct(i: Issue, me: { id: string; role: StaffRole }): boolean {
  return !i.ownerStaffId || i.ownerStaffId === me.id || me.role !== 'agent';
}

/** Actions with their own form rather than a button: the follow-up record and "guest left no contact" (NoContactPanel). */
const FORM_ACTIONS: readonly IssueAction[] = ['follow_up', 'no_contact'];

/** The buttons to offer: the machine's legal actions, without those that have a form of their own. */
export function buttonActions(status: IssueStatus): IssueAction[] {
  return legalIssueActions(status, { guestReachable: true }).filter((a) => !FORM_ACTIONS.includes(a));
}

/** Whether the board offers "guest left no contact": the machine allows it for this issue (resolved, and no contact and no room). */
export function offersNoContact(i: Issue): boolean {
  return legalIssueActions(i.status, issueFacts(i)).includes('no_contact');
}

/**
 * The issues a search matches: the guest's complaint reference as they read it out
 * ("c a4k7", "C-A4K7" — also finds a clash-settled `C-A4K7-2`), or any part of the
 * guest's name, room, contact or the text. An empty search matches everything.
 */
export function searchIssues(list: readonly Issue[], q: string): Issue[] {
  const raw = q.trim().toLowerCase();
  if (!raw) return [...list];
  const ref = normalizeRefQuery(q.trim());
  return list.filter(
    (i) => (i.reference !== null && i.reference.startsWith(ref)) || [i.guestName, i.room, i.contact, i.summary, i.reference].some((f) => f !== null && f.toLowerCase().includes(raw)),
  );
}
