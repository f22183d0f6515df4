import { useState } from 'preact/hooks';
import type { RequestAction } from '../../../../shared/domain/request.machine.ts';
import { queueJob, type ServiceRequest } from '../../../../shared/domain/request.ts';
import { t } from '../../i18n/i18n.ts';
import { transition } from '../../sync/actions.ts';
import { now } from '../../ui/now.ts';
import { elapsedMs, rowActions, splitDuration, transferTarget } from './queue.queries.ts';
import { TransferDialog } from './TransferDialog.tsx';
import { CancelUndo } from './CancelUndo.tsx';
import { cancelWithUndo } from './cancel-undo.ts';
import { whenText } from '../../i18n/when-text.ts';
import { ClaimCodeTag, HandBackAction } from './HandBack.tsx';
import { inServiceHome, KindLabel, ServiceFacts } from './ServiceKind.tsx';

function duration(ms: number): string {
  const d = splitDuration(ms);
  if (d.unit === 'seconds') return t('time.seconds', { n: d.n });
  if (d.unit === 'minutes') return t('time.minutes', { n: d.n });
  return t('time.hours', { h: d.h, m: d.m });
}

function actionLabel(r: ServiceRequest, a: RequestAction): string {
  return a === 'call' && r.status === 'called' ? t('action.recall') : t(`action.${a}`);
}

/** More buttons than fit the actions column of a 1280 px row (a called request has up to 7): they get the row's second line. */
const ONE_LINE_ACTIONS = 4;

/** One open request: who, what, how long, its status, and only the actions its status (and kind) allow. */
export function RequestRow({ request: r, sending, elsewhere = false, cancelAt }: { request: ServiceRequest; sending: boolean; elsewhere?: boolean; cancelAt?: number }) {
  const nowMs = now.value;
  const waited = duration(elapsedMs(r.createdAt, nowMs));
  const withStaff = r.status === 'called' || r.status === 'serving';
  const longWait = r.status === 'waiting' && elapsedMs(r.createdAt, nowMs) > 15 * 60_000;
  const target = transferTarget(r);
  const actions = rowActions(r.status, queueJob(r), elsewhere);
  const shoe = r.details?.kind === 'shoe_care' ? r.details : null;
  // A shoe job from a room is not "called to the desk": the row says where the shoes are (collected from / back to the room).
  const roomShoe = shoe?.collectAt === 'room' && shoe.stage && shoe.stage !== 'returned' ? shoe.stage : null;
  const [transferring, setTransferring] = useState(false);
  const wide = actions.length > ONE_LINE_ACTIONS;
  return (
    <li
      class={`row status-${r.status}${wide ? ' row-wide' : ''}${cancelAt ? ' row-cancelling' : ''}`}
      data-testid="request-row"
      data-ticket={r.ticket}
      data-status={r.status}
      data-id={r.id}
      data-queue={elsewhere ? 'elsewhere' : 'mine'}
    >
      <div class="row-ticket" aria-label={r.ticket}>
        {r.ticket}
      </div>
      <div class="row-main">
        <div class="row-what">
          <KindLabel request={r} />
          {r.reason && <span class={`reason reason-${r.reason}`}>{t(`reason.${r.reason}`)}</span>}
          <ClaimCodeTag request={r} />
        </div>
        <div class="row-who">
          {/* The name the guest typed; else the name on the member card they scanned. */}
          <span class={r.guestName || r.member ? 'guest' : 'guest guest-none'} data-testid="guest-name">
            {r.guestName ?? r.member?.name ?? t('queue.noName')}
          </span>
          {r.room && <span class="room">{t('queue.room', { room: r.room })}</span>}
          {r.member && (
            <span class={`tier tier-${r.member.tier}`} data-testid="member-tier" data-tier={r.member.tier} title={t('queue.memberTitle', { name: r.member.name })}>
              {t('queue.member', { tier: t(`members.tier.${r.member.tier}`) })}
            </span>
          )}
        </div>
        {r.note && (
          <div class="row-note" title={r.note} data-testid="request-note">
            {r.note}
          </div>
        )}
        {r.transferNote && (target || elsewhere) && (
          <div class="row-note row-transfer-note" title={r.transferNote} data-testid="transfer-note">
            {t('queue.transferNote', { note: r.transferNote })}
          </div>
        )}
      </div>
      <div class="row-time">
        {roomShoe && r.room ? (
          <span class="wait shoe-room" data-testid="shoe-room" data-stage={roomShoe}>
            {t(`queue.shoeRoom.${roomShoe}`, { room: r.room })}
          </span>
        ) : withStaff && r.calledAt ? (
          <span class="wait" data-testid="wait-time">
            {t('queue.calledAgo', { time: duration(elapsedMs(r.calledAt, nowMs)) })}
          </span>
        ) : (
          <span class={longWait ? 'wait wait-long' : 'wait'} data-testid="wait-time">
            {t('queue.waited', { time: waited })}
          </span>
        )}
        {target && !(target.department && !elsewhere && inServiceHome(r)) && (
          <span class="transfer-target" data-testid="transfer-target" title={r.transferNote ?? undefined}>
            {target.department ? t('queue.toDepartment', { department: t(`department.${target.department}`) }) : t('queue.toDesk', { desk: target.desk ?? '' })}
          </span>
        )}
        {shoe?.neededBy && (
          <span class="shoe-stages" data-testid="shoe-needed-by">
            {t('shoe.neededBy', { time: whenText(shoe.neededBy, nowMs) })}
          </span>
        )}
        <ServiceFacts request={r} nowMs={nowMs} />
        {r.kind === 'shoe_care' && (
          <span class="shoe-stages" data-testid="shoe-stages">
            {t('queue.shoeStages')}
          </span>
        )}
        {(r.kind === 'luggage_in' || r.kind === 'luggage_out') && (
          <span class="shoe-stages" data-testid="luggage-ledger-hint">
            {t(r.kind === 'luggage_in' ? 'queue.luggageInLedger' : 'queue.luggageOutLedger')}
          </span>
        )}
        {withStaff && (r.assignedStaffName || r.desk) && (
          <span class="holder">
            {[r.assignedStaffName, r.desk && !roomShoe ? t('queue.atDesk', { desk: r.desk }) : null].filter(Boolean).join(' · ')}
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
        {!cancelAt && <HandBackAction request={r} />}
        {cancelAt ? (
          <CancelUndo request={r} at={cancelAt} />
        ) : (
          actions.map(({ action, primary }) => (
          <button
            key={action}
            type="button"
            class={`btn act act-${action} ${primary ? 'btn-primary' : action === 'cancel' ? 'btn-danger' : 'btn-secondary'}`}
            data-testid={`action-${action}`}
            onClick={() => (action === 'transfer' ? setTransferring(true) : action === 'cancel' ? cancelWithUndo(r) : void transition(r, action))}
          >
            {actionLabel(r, action)}
          </button>
          ))
        )}
      </div>
      {transferring && <TransferDialog request={r} onClose={() => setTransferring(false)} />}
    </li>
  );
}
