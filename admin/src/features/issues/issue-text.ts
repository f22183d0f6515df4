/** Shared bits of the board's text: durations and the SLA line. */
import type { Issue } from '../../../../shared/domain/issue.ts';
import { slaState } from '../../../../shared/domain/issue.sla.ts';
import { t } from '../../i18n/i18n.ts';
import { splitDuration } from '../queue/queue.queries.ts';

export function duration(ms: number): string {
  const d = splitDuration(Math.max(0, ms));
  if (d.unit === 'seconds') return t('time.seconds', { n: d.n });
  if (d.unit === 'minutes') return t('time.minutes', { n: d.n });
  return t('time.hours', { h: d.h, m: d.m });
}

/** "12 min left", "overdue by 1 h 5 min", "SLA paused · 3 h left", or null when no target runs. */
export function slaText(i: Issue, nowMs: number): { text: string; tone: 'ok' | 'late' | 'paused' } | null {
  const s = slaState(i, nowMs);
  if (s.kind === 'none') return null;
  if (s.kind === 'paused') return { text: t('issues.paused', { time: duration(s.leftMs) }), tone: 'paused' };
  return s.leftMs < 0 ? { text: t('issues.overdueBy', { time: duration(-s.leftMs) }), tone: 'late' } : { text: t('issues.left', { time: duration(s.leftMs) }), tone: 'ok' };
}
