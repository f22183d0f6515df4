import { useState } from 'preact/hooks';
import { isOverdue, type LuggageItem } from '../../../../shared/domain/luggage.ts';
import { legalLuggageActions } from '../../../../shared/domain/luggage.machine.ts';
import { clockTime, t } from '../../i18n/i18n.ts';
import { decideRelease } from '../../sync/luggage.actions.ts';

function when(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay ? clockTime(iso) : `${d.toLocaleDateString()} ${clockTime(iso)}`;
}

/** One ledger entry: claim, bags and tags, where, when due, its status, its legal actions and its custody log. */
export function LedgerRow({
  item,
  nowMs,
  canApprove,
  onRelease,
  onMove,
}: {
  item: LuggageItem;
  nowMs: number;
  canApprove: boolean;
  onRelease: (i: LuggageItem) => void;
  onMove: (i: LuggageItem) => void;
}) {
  const [open, setOpen] = useState(false);
  const overdue = isOverdue(item, nowMs);
  const actions = legalLuggageActions(item.status);
  return (
    <li class={`row luggage-row luggage-${item.status} ${overdue ? 'luggage-overdue' : ''}`} data-testid="luggage-row" data-claim={item.claimCode} data-status={item.status} data-overdue={String(overdue)}>
      <div class="row-ticket luggage-ticket">{item.ticket ?? t('luggage.desk')}</div>
      <div class="row-main">
        <div class="row-what">
          <span class="kind">{t('luggage.bags', { n: item.bags })}</span>
          <span class="tags">{t('luggage.tags', { tags: item.tags.join(', ') })}</span>
        </div>
        <div class="row-who">
          <span class={item.guestName ? 'guest' : 'guest guest-none'}>{item.guestName ?? t('queue.noName')}</span>
          {item.room && <span class="room">{t('queue.room', { room: item.room })}</span>}
        </div>
        {item.lostClaim && item.status === 'lost_claim_pending' && (
          <div class="row-note" data-testid="lost-claim">
            {t('luggage.lostBy', { name: item.lostClaim.requestedByName, notes: item.lostClaim.identityNotes })}
          </div>
        )}
        {item.notes && <div class="row-note">{item.notes}</div>}
      </div>
      <div class="row-time">
        <span class="location" data-testid="luggage-location">
          {item.location}
        </span>
        {item.status === 'released' ? (
          <span class="holder">
            {t('luggage.releasedBy', { name: item.releasedBy ?? '—', time: when(item.releasedAt) })}
            {item.approvedBy ? ` · ${t('luggage.approvedBy', { name: item.approvedBy })}` : ''}
          </span>
        ) : (
          <span class={overdue ? 'wait wait-long' : 'wait'}>{item.expectedPickupAt ? t('luggage.pickup', { time: when(item.expectedPickupAt) }) : t('luggage.noPickup')}</span>
        )}
      </div>
      <div class="row-status">
        <span class={`chip chip-luggage-${item.status}`} data-testid="luggage-status">
          {t(`luggage.status.${item.status}`)}
        </span>
        {overdue && <span class="chip chip-overdue">{t('luggage.overdue')}</span>}
      </div>
      <div class="row-actions">
        {actions.includes('release') && (
          <button type="button" class="btn btn-primary" data-testid="release-open" onClick={() => onRelease(item)}>
            {t('luggage.release')}
          </button>
        )}
        {actions.includes('move') && (
          <button type="button" class="btn btn-secondary" data-testid="move-open" onClick={() => onMove(item)}>
            {t('luggage.move')}
          </button>
        )}
        {canApprove && actions.includes('approve_release') && (
          <>
            <button type="button" class="btn btn-primary" data-testid="approve-release" onClick={() => void decideRelease(item.id, true)}>
              {t('luggage.approve')}
            </button>
            <button type="button" class="btn btn-danger" data-testid="decline-release" onClick={() => void decideRelease(item.id, false)}>
              {t('luggage.decline')}
            </button>
          </>
        )}
        <button type="button" class="btn btn-ghost" data-testid="custody-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('luggage.custody')}
        </button>
      </div>
      {open && (
        <ol class="custody" aria-label={t('luggage.custody')}>
          {item.custody.map((c, i) => (
            <li key={i} class="custody-entry" data-testid="custody-entry" data-action={c.action}>
              <span class="custody-at">{when(c.at)}</span>
              <span class="custody-action">{t(`custody.${c.action}`)}</span>
              <span class="custody-who">{c.staffName}</span>
              <span class="custody-where">{c.location}</span>
              {c.note && <span class="custody-note">{c.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
