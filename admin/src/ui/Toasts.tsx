import { dismissNotice, notices, type Notice } from '../sync/queries.ts';
import { t } from '../i18n/i18n.ts';
import { errorKey, type AdminKey } from '../../../shared/i18n/admin.ts';
import { luggageCommandLabel } from '../features/luggage/luggage.labels.ts';

function text(n: Notice): string {
  if (n.type === 'session_expired') return t('toast.sessionExpired');
  if (n.type === 'issue_rejected') return issueText(n);
  if (n.type === 'luggage_rejected') return t('toast.luggageRejected', { action: t(luggageCommandLabel(n.command)), reason: t(errorKey(n.code)) });
  const action = t(`action.${n.action}`);
  const status = n.nowStatus ? t(`status.${n.nowStatus}`) : '—';
  if (n.code === 'conflict' || n.code === 'illegal_transition') {
    return n.holderName
      ? t('toast.conflictBy', { ticket: n.ticket, name: n.holderName, status, action })
      : t('toast.conflict', { ticket: n.ticket, status, action });
  }
  return t('toast.rejected', { ticket: n.ticket, action, reason: t(errorKey(n.code)) });
}

const ISSUE_COMMAND_LABEL: Record<string, AdminKey> = {
  'issue.handover': 'issues.handover',
  'issue.note': 'issues.note.add',
  'issue.record': 'issues.record',
  'issue.departments': 'issues.departments.save',
};

function issueText(n: Extract<Notice, { type: 'issue_rejected' }>): string {
  const action = n.action ? t(`issueAction.${n.action}` as AdminKey) : t(ISSUE_COMMAND_LABEL[n.command] ?? 'issues.title');
  const summary = n.summary.length > 40 ? `${n.summary.slice(0, 40)}…` : n.summary;
  const text = t('toast.issueRejected', { summary, action, reason: t(errorKey(n.code)) });
  return n.ownerName && (n.code === 'conflict' || n.code === 'forbidden') ? `${text} ${t('toast.issueOwner', { name: n.ownerName })}` : text;
}

/** Refusals and session notices stay until dismissed: a lost action must never go unnoticed. */
export function Toasts() {
  const list = notices.value;
  if (list.length === 0) return null;
  return (
    <div class="toasts" role="status" aria-live="assertive">
      {list.map((n) => (
        <div key={n.id} class="toast" data-testid="toast" data-code={'code' in n ? n.code : n.type}>
          <span class="toast-text">{text(n)}</span>
          <button type="button" class="toast-close" aria-label={t('toast.dismiss')} onClick={() => dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
