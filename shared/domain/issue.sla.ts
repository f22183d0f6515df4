/**
 * The pending-issue board's clock: which SLA target an issue is working
 * against, how much time is left (or how far overdue it is), and the
 * escalation level that follows from it. Pure; used by the server's
 * escalation sweep and by the board.
 */
import { ISSUE_SLA_MINUTES, type EscalationLevel, type Issue } from './issue.ts';

export type SlaState =
  | { kind: 'none' } // resolved, followed up or closed: no target runs
  | { kind: 'paused'; leftMs: number } // waiting on the guest: the clock stands still
  | { kind: 'running'; phase: 'acknowledge' | 'resolve'; deadlineMs: number; leftMs: number; windowMs: number };

type SlaFields = Pick<Issue, 'status' | 'severity' | 'acknowledgeBy' | 'resolveBy' | 'pausedMs' | 'waitingSince'>;

export function slaState(i: SlaFields, nowMs: number): SlaState {
  const sla = ISSUE_SLA_MINUTES[i.severity];
  if (i.status === 'new') {
    const deadlineMs = new Date(i.acknowledgeBy).getTime();
    return { kind: 'running', phase: 'acknowledge', deadlineMs, leftMs: deadlineMs - nowMs, windowMs: sla.acknowledge * 60_000 };
  }
  if (i.status === 'acknowledged' || i.status === 'in_progress' || i.status === 'waiting_on_guest') {
    const deadlineMs = new Date(i.resolveBy).getTime() + i.pausedMs;
    if (i.status === 'waiting_on_guest') {
      const since = i.waitingSince ? new Date(i.waitingSince).getTime() : nowMs;
      return { kind: 'paused', leftMs: deadlineMs - since };
    }
    return { kind: 'running', phase: 'resolve', deadlineMs, leftMs: deadlineMs - nowMs, windowMs: sla.resolve * 60_000 };
  }
  return { kind: 'none' };
}

export function isOverdue(i: SlaFields, nowMs: number): boolean {
  const s = slaState(i, nowMs);
  return s.kind === 'running' && s.leftMs < 0;
}

/**
 * The level an issue should be at now: overdue → a supervisor; overdue by a
 * further SLA window → a manager. Never lower than it already is.
 */
export function escalationDue(i: SlaFields & Pick<Issue, 'escalationLevel'>, nowMs: number): EscalationLevel {
  const s = slaState(i, nowMs);
  let due: EscalationLevel = 0;
  if (s.kind === 'running' && s.leftMs < 0) due = -s.leftMs >= s.windowMs ? 2 : 1;
  return Math.max(i.escalationLevel, due) as EscalationLevel;
}
