import { useState } from 'preact/hooks';
import type { ServiceRequest } from '../../../../shared/domain/request.ts';
import { t } from '../../i18n/i18n.ts';
import { luggageList } from '../../sync/luggage.queries.ts';
import { ReleaseDialog } from '../luggage/ReleaseDialog.tsx';
import './hand-back.css';

/** "ABCD23456" → "ABCD 23456", as printed on the guest's claim ticket. */
const grouped = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/** The claim code of a luggage drop-off or pick-up, on its queue row. */
export function ClaimCodeTag({ request: r }: { request: ServiceRequest }) {
  const d = r.details;
  if (d?.kind !== 'luggage_in' && d?.kind !== 'luggage_out') return null;
  return (
    <span class="claim-tag" data-testid="row-claim" data-claim={d.claimCode}>
      {t('queue.claimCode', { code: grouped(d.claimCode) })}
    </span>
  );
}

/**
 * Hand the bags back from a pick-up request's row: the hand-back dialog of the
 * ledger, with the code from the request filled in; staff count the bags, and
 * the release completes this request (sync/luggage.actions.ts `release`).
 */
export function HandBackAction({ request: r }: { request: ServiceRequest }) {
  const [open, setOpen] = useState(false);
  const d = r.details;
  if (d?.kind !== 'luggage_out') return null;
  const item = luggageList.value.find((i) => i.claimCode === d.claimCode && i.status === 'stored');
  if (!item) {
    return (
      <span class="claim-missing" data-testid="claim-not-in-store">
        {t('queue.claimNotInStore')}
      </span>
    );
  }
  return (
    <>
      <button type="button" class="btn act act-handback btn-primary" data-testid="action-handback" onClick={() => setOpen(true)}>
        {t('queue.handBack')}
      </button>
      {open && <ReleaseDialog item={item} claimCode={d.claimCode} onClose={() => setOpen(false)} />}
    </>
  );
}
