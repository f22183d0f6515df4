import { useState } from 'preact/hooks';
import type { RequestAction } from '../../../../shared/domain/request.machine.ts';
import type { ServiceRequest } from '../../../../shared/domain/request.ts';
import { t } from '../../i18n/i18n.ts';
import { transition } from '../../sync/actions.ts';
import { now } from '../../ui/now.ts';
import { elapsedMs, rowActions, splitDuration, transferTarget } from './queue.queries.ts';
import { TransferDialog } from './TransferDialog.tsx';

function duration(ms: number): string {
  const d = splitDuration(ms);
  if (d.unit === 'seconds') return t('time.seconds', { n: d.n });
  if (d.unit === 'minutes') return t('time.minutes', { n: d.n });
  return t('time.hours', { h: d.h, m: d.m });
}

function actionLabel(r: ServiceRequest, a: RequestAction): string {
  return a === 'call' && r.status === 'called' ? t('action.recall') : t(`action.${a}`);
}

/** One open request: who, what, how long, its status, and only the actions its status allows. */
export function RequestRow({ request: r, sending }: { request: ServiceRequest; sending: boolean }) {
  const nowMs = now.value;
  const waited = duration(elapsedMs(r.createdAt, nowMs));
  const withStaff = r.status === 'called' || r.status === 'serving';
  const longWait = r.status === 'waiting' && elapsedMs(r.createdAt, nowMs) > 15 * 60_000;
  const target = transferTarget(r);
  const [transferring, setTransferring] = useState(false);
  return (
    <li class={`row status-${r.status}`} data-testid="request-row" data-ticket={r.ticket} data-status={r.status} data-id={r.id}>
      <div class="row-ticket" aria-label={r.ticket}>
        {r.ticket}
      </div>
      <div class="row-main">
        <div class="row-what">
          <span class="kind">{t(`kind.${r.kind}`)}</span>
          {r.reason && <span class={`reason reason-${r.reason}`}>{t(`reason.${r.reason}`)}</span>}
        </div>
        <div class="row-who">
          <span class={r.guestName ? 'guest' : 'guest guest-none'}>{r.guestName ?? t('queue.noName')}</span>
          {r.room && <span class="room">{t('queue.room', { room: r.room })}</span>}
        </div>
        {r.note && (
          <div class="row-note" title={r.note}>
            {r.note}
          </div>
        )}
      </div>
      <div class="row-time">
        {withStaff && r.calledAt ? (
          <span class="wait" data-testid="wait-time">
            {t('queue.calledAgo', { time: duration(elapsedMs(r.calledAt, nowMs)) })}
          </span>
        ) : (
          <span class={longWait ? 'wait wait-long' : 'wait'} data-testid="wait-time">
            {t('queue.waited', { time: waited })}
          </span>
        )}
        {target && (
          <span class="transfer-target" data-testid="transfer-target" title={r.transferNote ?? undefined}>
            {target.department ? t('queue.toDepartment', { department: t(`department.${target.department}`) }) : t('queue.toDesk', { desk: target.desk ?? '' })}
          </span>
        )}
        {withStaff && (r.assignedStaffName || r.desk) && (
          <span class="holder">
            {[r.assignedStaffName, r.desk ? t('queue.atDesk', { desk: r.desk }) : null].filter(Boolean).join(' · ')}
          </span>
        )}
      </div>
      <div class="row-status">
        <span class={`chip chip-${r.status}`} data-testid="status-chip">
          {t(`status.${r.status}`)}
        </span>
        {sending && <span class="sending">{t('queue.sending')}</span>}
      </div>
      <div class="row-actions">
        {rowActions(r.status).map(({ action, primary }) => (
          <button
            key={action}
            type="button"
            class={`btn act act-${action} ${primary ? 'btn-primary' : action === 'cancel' ? 'btn-danger' : 'btn-secondary'}`}
            data-testid={`action-${action}`}
            onClick={() => (action === 'transfer' ? setTransferring(true) : void transition(r, action))}
          >
            {actionLabel(r, action)}
          </button>
        ))}
      </div>
      {transferring && <TransferDialog request={r} onClose={() => setTransferring(false)} />}
    </li>
  );
}
