import type { StaffMe } from '../../../../shared/protocol/auth.ts';
import type { Issue } from '../../../../shared/domain/issue.ts';
import { t } from '../../i18n/i18n.ts';
import { transitionIssue } from '../../sync/issues.ts';
import { FollowUpRecord, NoContactPanel } from './ComplaintPanels.tsx';
import { DepartmentsSection, FollowUpForm, HandoverForm, NotesSection } from './IssueForms.tsx';
import { buttonActions, mayAct } from './issues.queries.ts';
import { duration, slaText } from './issue-text.ts';

/** The selected issue: who, what, the SLA, and only what the machine and ownership allow. */
export function IssueDetail({ issue: i, me, nowMs, sending, onClose }: { issue: Issue; me: StaffMe; nowMs: number; sending: boolean; onClose: () => void }) {
  const allowed = mayAct(i, { id: me.staff.id, role: me.staff.role });
  const actions = buttonActions(i.status);
  const sla = slaText(i, nowMs);
  return (
    <aside class="issue-detail" data-testid="issue-detail" data-id={i.id} data-status={i.status} aria-label={t('issues.title')}>
      <div class="issue-detail-head">
        <span class={`sev-chip sev-chip-${i.severity}`}>{t(`severity.${i.severity}`)}</span>
        <span class={`chip issue-status issue-status-${i.status}`} data-testid="issue-detail-status">
          {t(`issueStatus.${i.status}`)}
        </span>
        {i.escalationLevel > 0 && (
          <span class={`escalation escalation-${i.escalationLevel}`} data-testid="issue-escalation" data-level={i.escalationLevel}>
            {t(i.escalationLevel === 2 ? 'issues.escalated.2' : 'issues.escalated.1')}
          </span>
        )}
        {/* Leaves the panel only; "Close complaint" (an issue action below) is the one that closes the complaint. */}
        <button type="button" class="btn btn-secondary issue-detail-close" data-testid="issue-detail-close" title={t('issues.closePanelLabel')} onClick={onClose}>
          <span aria-hidden="true">← </span>
          {t('issues.closePanel')}
        </button>
      </div>
      <p class="issue-detail-summary" data-testid="issue-detail-summary">
        {i.summary}
      </p>
      <dl class="issue-facts">
        {i.reference && (
          <>
            <dt>{t('issues.referenceLabel')}</dt>
            <dd class="issue-reference" data-testid="issue-detail-reference">
              {i.reference}
            </dd>
          </>
        )}
        <dt>{t('record.guestName')}</dt>
        <dd data-testid="issue-detail-guest">
          {i.guestName ?? t('issues.noGuest')}
          {i.room ? ` · ${t('issues.room', { room: i.room })}` : ''}
        </dd>
        <dt>{t('record.contact')}</dt>
        <dd data-testid="issue-detail-contact">{i.contact ?? t('issues.noContact')}</dd>
        <dt>{t('issues.sourceLabel')}</dt>
        <dd>
          {t(`issues.source.${i.source}`)}
          {i.rating !== null ? ` · ${t('issues.rating', { n: i.rating })}` : ''}
          {i.categories.length ? ` · ${i.categories.map((c) => t(`category.${c}`)).join(', ')}` : ''}
        </dd>
        <dt>{t('issues.timeLabel')}</dt>
        <dd>
          {t('issues.age', { time: duration(nowMs - new Date(i.createdAt).getTime()) })}
          {sla ? ` · ${sla.text}` : ''}
        </dd>
      </dl>
      <p class={i.ownerStaffName ? 'issue-owner' : 'issue-owner issue-owner-none'} data-testid="issue-owner">
        {i.ownerStaffName ? t('issues.owner', { name: i.ownerStaffName }) : t('issues.noOwner')}
      </p>

      <section class="issue-section">
        <h3>{t('issues.actions')}</h3>
        {!allowed && <p class="issue-hint" data-testid="issue-not-allowed">{t('issues.notAllowed', { name: i.ownerStaffName ?? '—' })}</p>}
        <div class="issue-actions">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              class={`btn ${a === 'acknowledge' || a === 'close' || a === 'resolve' ? 'btn-accent' : 'btn-secondary'}`}
              data-testid={`issue-action-${a}`}
              disabled={!allowed || sending}
              onClick={() => void transitionIssue(i, a)}
            >
              {t(`issueAction.${a}`)}
            </button>
          ))}
          {actions.length === 0 && i.status !== 'resolved' && <span class="issue-hint">{t('issues.noActions')}</span>}
        </div>
        {i.status === 'resolved' && <p class="issue-hint" data-testid="followup-required">{t('followup.required')}</p>}
      </section>

      {i.status === 'resolved' && allowed && <FollowUpForm issue={i} sending={sending} />}
      {i.status === 'resolved' && allowed && <NoContactPanel issue={i} sending={sending} />}
      <FollowUpRecord issue={i} />
      {i.status !== 'closed' && allowed && i.ownerStaffId && <HandoverForm issue={i} sending={sending} />}
      <DepartmentsSection issue={i} editable={allowed && i.status !== 'closed'} sending={sending} />
      <NotesSection issue={i} sending={sending} />
    </aside>
  );
}
