import { dismissNotice, notices, type Notice } from '../sync/queries.ts';
import { t } from '../i18n/i18n.ts';
import { errorKey } from '../../../shared/i18n/admin.ts';

function text(n: Notice): string {
  if (n.type === 'session_expired') return t('toast.sessionExpired');
  const action = t(`action.${n.action}`);
  const status = n.nowStatus ? t(`status.${n.nowStatus}`) : '—';
  if (n.code === 'conflict' || n.code === 'illegal_transition') {
    return n.holderName
      ? t('toast.conflictBy', { ticket: n.ticket, name: n.holderName, status, action })
      : t('toast.conflict', { ticket: n.ticket, status, action });
  }
  return t('toast.rejected', { ticket: n.ticket, action, reason: t(errorKey(n.code)) });
}

/** Refusals and session notices stay until dismissed: a lost action must never go unnoticed. */
export function Toasts() {
  const list = notices.value;
  if (list.length === 0) return null;
  return (
    <div class="toasts" role="status" aria-live="assertive">
      {list.map((n) => (
        <div key={n.id} class="toast" data-testid="toast" data-code={n.type === 'rejected' ? n.code : n.type}>
          <span class="toast-text">{text(n)}</span>
          <button type="button" class="toast-close" aria-label={t('toast.dismiss')} onClick={() => dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
