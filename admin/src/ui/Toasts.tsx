import { useEffect, useRef, useState } from 'preact/hooks';
import { clearNotices, dismissNotice, notices, requestList, type Notice } from '../sync/queries.ts';
import { workQueue } from '../sync/prefs.ts';
import { requestQueue, TAKING_ACTIONS } from '../../../shared/domain/request-queue.ts';
import { screen } from '../features/shell/nav.ts';
import { t } from '../i18n/i18n.ts';
import { errorKey, type AdminKey } from '../i18n/admin.ts';
import { luggageCommandLabel } from '../features/luggage/luggage.labels.ts';

function text(n: Notice): string {
  if (n.type === 'session_expired') return t('toast.sessionExpired');
  if (n.type === 'issue_rejected') return issueText(n);
  if (n.type === 'luggage_rejected') return t('toast.luggageRejected', { action: t(luggageCommandLabel(n.command)), reason: t(errorKey(n.code)) });
  const action = t(`action.${n.action}`);
  const status = n.nowStatus ? t(`status.${n.nowStatus}`) : '—';
  if (n.code === 'conflict' && TAKING_ACTIONS.includes(n.action)) {
    // A take refused because the ticket was transferred to another queue (the server's routing rule): say where it went.
    const r = requestList.value.find((q) => q.ticket === n.ticket);
    if (r && requestQueue(r) !== workQueue.value) return t('toast.transferredAway', { ticket: n.ticket, queue: t(`department.${requestQueue(r)}`), action });
  }
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

/** How long a notice stays: a lost race ("someone got there first") is news; a refusal is an error and stays longer. */
export const TOAST_MS = { info: 7_000, error: 12_000 } as const;

export function toastTone(n: Notice): keyof typeof TOAST_MS {
  return n.type === 'rejected' && (n.code === 'conflict' || n.code === 'illegal_transition') ? 'info' : 'error';
}

/** One notice: closes by itself after its time (held while a finger or pointer rests on it), or at once with ×. */
function Toast({ n }: { n: Notice }) {
  const [held, setHeld] = useState(false);
  const tone = toastTone(n);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismissNotice(n.id), TOAST_MS[tone]);
    return () => clearTimeout(timer);
  }, [n.id, tone, held]);
  return (
    <div
      class={`toast toast-${tone}`}
      data-testid="toast"
      data-tone={tone}
      data-code={'code' in n ? n.code : n.type}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
    >
      <span class="toast-text">{text(n)}</span>
      <button type="button" class="toast-close" aria-label={t('toast.dismiss')} title={t('toast.closesIn')} onClick={() => dismissNotice(n.id)}>
        ×
      </button>
    </div>
  );
}

/**
 * Refusals and session notices, in a corner that never covers the screen's own controls (on the issue board,
 * left of the issue panel). They close by themselves, and do not follow staff to another screen.
 */
export function Toasts() {
  const list = notices.value;
  const on = screen.value;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else clearNotices();
  }, [on]);
  if (list.length === 0) return null;
  return (
    <div class={`toasts toasts-${on}`} role="status" aria-live="assertive" data-testid="toasts">
      {list.map((n) => (
        <Toast key={n.id} n={n} />
      ))}
    </div>
  );
}
