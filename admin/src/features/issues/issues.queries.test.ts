import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../../shared/domain/issue.ts';
import { escalationDue, slaState } from '../../../../shared/domain/issue.sla.ts';
import { buttonActions, byDepartment, byUrgency, filterIssues, issueCounts, mayAct, offersNoContact, searchIssues } from './issues.queries.ts';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const min = 60_000;

function issue(o: Partial<Issue> & { id: string }): Issue {
  return {
    source: 'kiosk_feedback',
    severity: 'medium',
    status: 'new',
    categories: [],
    summary: 'x',
    rating: 2,
    guestName: null,
    room: null,
    contact: null,
    contactConsent: false,
    feedbackId: null,
    requestId: null,
    ownerStaffId: null,
    ownerStaffName: null,
    acknowledgeBy: new Date(T0 + 30 * min).toISOString(),
    resolveBy: new Date(T0 + 24 * 60 * min).toISOString(),
    createdAt: new Date(T0).toISOString(),
    updatedAt: new Date(T0).toISOString(),
    rev: 1,
    departments: [],
    escalationLevel: 0,
    escalatedAt: null,
    pausedMs: 0,
    waitingSince: null,
    resolvedAt: null,
    closedAt: null,
    followUp: null,
    satisfied: null,
    notesCount: 0,
    notes: [],
    reference: null,
    ...o,
  };
}

describe('issue board queries', () => {
  it('puts the most overdue issue first and settled ones last', () => {
    const late = issue({ id: 'late', acknowledgeBy: new Date(T0 - 5 * min).toISOString() });
    const soon = issue({ id: 'soon' });
    const done = issue({ id: 'done', status: 'resolved' });
    const paused = issue({ id: 'paused', status: 'waiting_on_guest', waitingSince: new Date(T0).toISOString() });
    expect(byUrgency([done, paused, soon, late], T0).map((i) => i.id)).toEqual(['late', 'soon', 'paused', 'done']);
  });

  it('stops the SLA clock while waiting on the guest and counts the pause after resuming', () => {
    const waiting = issue({ id: 'w', status: 'waiting_on_guest', waitingSince: new Date(T0).toISOString(), resolveBy: new Date(T0 + 60 * min).toISOString() });
    expect(slaState(waiting, T0 + 500 * min)).toEqual({ kind: 'paused', leftMs: 60 * min });
    const resumed = { ...waiting, status: 'in_progress' as const, waitingSince: null, pausedMs: 120 * min };
    const s = slaState(resumed, T0 + 90 * min);
    expect(s.kind === 'running' && s.leftMs).toBe(90 * min);
  });

  it('escalates an overdue issue to a supervisor, then a manager after another window, never down', () => {
    const i = issue({ id: 'e' }); // medium: 30 min to acknowledge
    expect(escalationDue(i, T0 + 29 * min)).toBe(0);
    expect(escalationDue(i, T0 + 31 * min)).toBe(1);
    expect(escalationDue(i, T0 + 61 * min)).toBe(2);
    expect(escalationDue({ ...i, escalationLevel: 1 }, T0)).toBe(1);
  });

  it('filters mine and by status, groups by department, counts', () => {
    const a = issue({ id: 'a', ownerStaffId: 'agent1', status: 'in_progress', departments: ['housekeeping', 'engineering'] });
    const b = issue({ id: 'b', status: 'closed' });
    expect(filterIssues([a, b], { view: 'mine', status: 'open', meId: 'agent1' }).map((i) => i.id)).toEqual(['a']);
    expect(filterIssues([a, b], { view: 'overdue', status: 'closed', meId: 'agent1' }).map((i) => i.id)).toEqual(['b']);
    expect(byDepartment([a, b]).map((g) => g.department)).toEqual(['housekeeping', 'engineering', null]);
    expect(issueCounts([a, b], 'agent1', T0)).toEqual({ open: 1, overdue: 0, mine: 1 });
  });

  it('lets only the owner or a supervisor act, and never offers close before the follow-up', () => {
    const owned = issue({ id: 'o', ownerStaffId: 'agent1', status: 'resolved' });
    expect(mayAct(owned, { id: 'agent2', role: 'agent' })).toBe(false);
    expect(mayAct(owned, { id: 'super1', role: 'supervisor' })).toBe(true);
    expect(buttonActions('resolved')).toEqual(['reopen']);
    expect(buttonActions('followed_up')).toEqual(['close', 'reopen']);
  });
});

describe('kiosk complaints on the board', () => {
  it('finds a complaint by the reference as the guest reads it out, or by guest, room or text', () => {
    const a = issue({ id: 'a', reference: 'C-A4K7', guestName: 'Wang Fang', room: '1208' });
    const b = issue({ id: 'b', reference: 'C-A4K7-2', summary: 'Noisy corridor' });
    const c = issue({ id: 'c', reference: 'C-D9QX', contact: '13800138000' });
    const ids = (q: string) => searchIssues([a, b, c], q).map((i) => i.id);
    expect(ids('c a4k7')).toEqual(['a', 'b']);
    expect(ids('C-D9QX')).toEqual(['c']);
    expect(ids('wang')).toEqual(['a']);
    expect(ids('1208')).toEqual(['a']);
    expect(ids('noisy')).toEqual(['b']);
    expect(ids('13800')).toEqual(['c']);
    expect(ids('  ')).toEqual(['a', 'b', 'c']);
    expect(ids('C-XXXX')).toEqual([]);
  });

  it('offers "guest left no contact" only on a resolved complaint with no contact and no room', () => {
    expect(offersNoContact(issue({ id: 'n', status: 'resolved' }))).toBe(true);
    expect(offersNoContact(issue({ id: 'r', status: 'resolved', room: '0805' }))).toBe(false);
    expect(offersNoContact(issue({ id: 'p', status: 'resolved', contact: '13800138000', contactConsent: true }))).toBe(false);
    expect(offersNoContact(issue({ id: 'i', status: 'in_progress' }))).toBe(false);
    expect(buttonActions('resolved')).not.toContain('no_contact');
  });
});
