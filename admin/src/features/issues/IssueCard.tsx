import type { Issue } from '../../../../shared/domain/issue.ts';
import { t } from '../../i18n/i18n.ts';
import { duration, slaText } from './issue-text.ts';

/** One issue on the board: severity, summary (as text), guest, owner, age, SLA and escalation. */
export function IssueCard({ issue: i, nowMs, selected, sending, onSelect }: { issue: Issue; nowMs: number; selected: boolean; sending: boolean; onSelect: (id: string) => void }) {
  const sla = slaText(i, nowMs);
  return (
    <li>
      <button
        type="button"
        class={`issue-card sev-${i.severity} ${selected ? 'issue-card-selected' : ''}`}
        data-testid="issue-card"
        data-id={i.id}
        data-status={i.status}
        aria-pressed={selected}
        onClick={() => onSelect(i.id)}
      >
        <div class="issue-card-top">
          <span class={`sev-chip sev-chip-${i.severity}`}>{t(`severity.${i.severity}`)}</span>
          <span class={`chip issue-status issue-status-${i.status}`}>{t(`issueStatus.${i.status}`)}</span>
          {i.reference && (
            <span class="issue-ref" data-testid="issue-reference">
              {i.reference}
            </span>
          )}
          {i.escalationLevel > 0 && (
            <span class={`escalation escalation-${i.escalationLevel}`} data-testid="issue-escalation" data-level={i.escalationLevel}>
              {t(i.escalationLevel === 2 ? 'issues.escalated.2' : 'issues.escalated.1')}
            </span>
          )}
          {sending && <span class="sending">{t('issues.sending')}</span>}
        </div>
        <div class="issue-summary" data-testid="issue-summary">
          {i.summary}
        </div>
        <div class="issue-card-meta">
          <span class={i.guestName ? 'guest' : 'guest guest-none'}>{i.guestName ?? t('issues.noGuest')}</span>
          {i.room && <span class="room">{t('issues.room', { room: i.room })}</span>}
          <span class="issue-age">{t('issues.age', { time: duration(nowMs - new Date(i.createdAt).getTime()) })}</span>
        </div>
        <div class="issue-card-bottom">
          <span class={i.ownerStaffName ? 'issue-owner' : 'issue-owner issue-owner-none'} data-testid="issue-owner">
            {i.ownerStaffName ? t('issues.owner', { name: i.ownerStaffName }) : t('issues.noOwner')}
          </span>
          {sla && (
            <span class={`issue-sla issue-sla-${sla.tone}`} data-testid="issue-sla">
              {sla.text}
            </span>
          )}
        </div>
      </button>
    </li>
  );
}
