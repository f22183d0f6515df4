/**
 * Escalation of overdue issues: past acknowledgeBy while new, or past
 * resolveBy (plus the time spent waiting on the guest) while open → a
 * supervisor (level 1); overdue by a further SLA window → a manager
 * (level 2). A periodic sweep in each server; it appends an `issue.upserted`
 * event only when the level changes. With several instances on one
 * PostgreSQL the row lock and a re-check make the change happen once.
 */
import { escalationDue } from '../../../shared/domain/issue.sla.ts';
import type { Issue } from '../../../shared/domain/issue.ts';
import { lockIssue, runningIssues, updateIssue } from './issues.repo.ts';
import type { Notifier } from '../live/notifier.ts';
import type { Store } from '../store/store.ts';
import { appendEvent } from '../events/events.repo.ts';

export interface EscalationDeps {
  store: Store;
  notifier: Notifier;
  now: () => Date;
}

export interface Escalated {
  issueId: string;
  propertyId: string;
  from: number;
  to: number;
}

export const SWEEP_EVERY_MS = 30_000;

/** One pass over every running issue; returns what it escalated. */
export async function sweepOnce(deps: EscalationDeps): Promise<Escalated[]> {
  const now = deps.now();
  const nowMs = now.getTime();
  const due = (await runningIssues(deps.store.db)).filter((c) => escalationDue(c.issue, nowMs) > c.issue.escalationLevel);
  const done: Escalated[] = [];
  for (const c of due) {
    const step = await deps.store.tx(async (trx) => {
      const cur = await lockIssue(trx, c.propertyId, c.id);
      if (!cur) return null;
      const level = escalationDue(cur, nowMs);
      if (level <= cur.escalationLevel) return null; // another instance was first, or it moved on
      const next: Issue = { ...cur, escalationLevel: level, escalatedAt: now.toISOString(), updatedAt: now.toISOString(), rev: cur.rev + 1 };
      await updateIssue(trx, next);
      const version = await appendEvent(trx, {
        propertyId: c.propertyId,
        type: 'issue.upserted',
        entityId: cur.id,
        subjectDeviceId: null,
        actorStaffId: null, // the system escalated it
        originDeviceId: null,
        data: next,
      });
      return { version, escalated: { issueId: cur.id, propertyId: c.propertyId, from: cur.escalationLevel, to: level } };
    });
    if (!step) continue;
    await deps.notifier.publish(c.propertyId, step.version);
    done.push(step.escalated);
  }
  return done;
}

/** Runs `sweepOnce` every 30 s until stopped; a failed pass is logged and the next one tries again. */
export function startEscalation(deps: EscalationDeps, onError: (e: unknown) => void = () => undefined): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepOnce(deps)
      .catch(onError)
      .finally(() => (running = null));
  }, SWEEP_EVERY_MS);
  timer.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
