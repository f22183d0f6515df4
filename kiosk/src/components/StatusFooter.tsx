import { splitTemplate } from '../../../shared/i18n/locale.ts';
import { t, template } from '../i18n/locale.store.ts';
import { connection, flushState, pending } from '../sync/state.ts';
import { storageTrouble } from '../sync/state.ts';
import { me, phase } from '../sync/state.ts';

/** Calm status line: queued requests (if any), a storage that refuses writes, the kiosk's name, and a Live / Offline dot. */
export function StatusFooter() {
  const n = pending.value;
  const parts = splitTemplate(template(n === 1 ? 'status.pendingOne' : 'status.pending'));
  const conn = connection.value;
  const label = conn === 'live' ? t('status.live') : conn === 'connecting' ? t('status.connecting') : t('status.offline');
  return (
    <footer class="footer">
      <p class="footer__pending" hidden={n === 0} role="status">
        {parts.map((p, i) =>
          typeof p === 'string' ? (
            p
          ) : (
            <span key={i} class="footer__count" data-testid="pending-count">
              {n}
            </span>
          ),
        )}
      </p>
      {flushState.value === 'unauthorized' && <p class="footer__warn">{t('status.repair')}</p>}
      {storageTrouble.value && (
        <p class="footer__warn" role="status" data-testid="storage-warning">
          {t('status.storageFull')}
        </p>
      )}
      <span class="footer__spacer" />
      {me.value && <span class="footer__device">{me.value.name}</span>}
      {phase.value === 'ready' && (
        <span class={`conn conn--${conn}`} data-testid="connection" data-state={conn}>
          <span class="conn__dot" aria-hidden="true" />
          {label}
        </span>
      )}
    </footer>
  );
}
