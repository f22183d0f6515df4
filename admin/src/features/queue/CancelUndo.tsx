import { useEffect, useState } from 'preact/hooks';
import type { ServiceRequest } from '../../../../shared/domain/request.ts';
import { t } from '../../i18n/i18n.ts';
import { undoCancel } from './cancel-undo.ts';

/** "Cancelling in 5 s · Undo": the row's actions while its cancel waits out the undo window. */
export function CancelUndo({ request: r, at }: { request: ServiceRequest; at: number }) {
  const [nowMs, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((at - nowMs) / 1000));
  return (
    <div class="cancel-undo" role="status" data-testid="cancel-pending">
      <span class="cancel-undo-text">{t('queue.cancelling', { n: left })}</span>
      <button type="button" class="btn btn-accent" data-testid="cancel-undo" aria-label={t('queue.undoLabel', { ticket: r.ticket })} onClick={() => undoCancel(r.id)}>
        {t('queue.undo')}
      </button>
    </div>
  );
}
