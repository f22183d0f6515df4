import { useEffect, useState } from 'preact/hooks';
import { errorKey } from '../../i18n/admin.ts';
import { clockTime, t } from '../../i18n/i18n.ts';
import { whenText } from '../../i18n/when-text.ts';
import { deliveriesErrors, followDeliveries, loadDeliveries, webhookDeliveries } from '../../sync/webhooks.ts';
import { eventName, statusText } from './webhook-text.ts';
import { deliveryFacts, STATUS_MARK } from './webhooks.queries.ts';

const SHOWN_MAX = 100;

/**
 * One endpoint's deliveries, newest first: what, about which record, status (a word and a mark,
 * never colour alone), tries, the receiver's last answer and the next try. Reloaded by Refresh,
 * and every few seconds while one is still pending.
 */
export function Deliveries({ endpointId }: { endpointId: string }) {
  const list = webhookDeliveries.value.get(endpointId);
  const error = deliveriesErrors.value.get(endpointId);
  const [loadedAt, setLoadedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => followDeliveries(endpointId), [endpointId]);
  useEffect(() => setLoadedAt(new Date().toISOString()), [list]);

  async function refresh() {
    setBusy(true);
    await loadDeliveries(endpointId);
    setBusy(false);
  }

  return (
    <section class="webhook-deliveries" data-testid="webhook-deliveries" aria-label={t('webhooks.deliveries.title')}>
      <header class="webhook-deliveries-head">
        <h3>{t('webhooks.deliveries.title')}</h3>
        <span class="webhook-deliveries-updated">{list && loadedAt ? t('webhooks.deliveries.updated', { time: clockTime(loadedAt, true) }) : ''}</span>
        <button type="button" class="btn btn-secondary" data-testid="webhook-deliveries-refresh" disabled={busy} onClick={() => void refresh()}>
          {t('webhooks.deliveries.refresh')}
        </button>
      </header>
      {error && (
        <p class="form-error" role="alert" data-testid="webhook-deliveries-error">
          {t(errorKey(error))}
        </p>
      )}
      {!list ? (
        !error && <p class="webhook-deliveries-empty">{t('webhooks.deliveries.loading')}</p>
      ) : list.length === 0 ? (
        <p class="webhook-deliveries-empty" data-testid="webhook-deliveries-empty">
          {t('webhooks.deliveries.empty')}
        </p>
      ) : (
        <table class="webhook-deliveries-table">
          <thead>
            <tr>
              <th>{t('webhooks.col.event')}</th>
              <th>{t('webhooks.col.entity')}</th>
              <th>{t('webhooks.col.status')}</th>
              <th>{t('webhooks.col.attempts')}</th>
              <th>{t('webhooks.col.result')}</th>
              <th>{t('webhooks.col.next')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => {
              const f = deliveryFacts(d);
              return (
                <tr key={d.id} data-testid="webhook-delivery" data-id={d.id} data-status={f.status} data-event={f.event}>
                  <td>
                    <span class="webhook-delivery-event">{eventName(f.event)}</span>
                    <small>{whenText(d.createdAt)}</small>
                  </td>
                  <td class="webhook-delivery-entity" title={f.entity}>
                    {f.entity}
                  </td>
                  <td>
                    <span class={`chip webhook-status webhook-status-${f.status}`} data-testid="webhook-delivery-status">
                      <span aria-hidden="true">{STATUS_MARK[f.status]}</span> {statusText(f.status)}
                    </span>
                  </td>
                  <td data-testid="webhook-delivery-attempts">{f.attempts}</td>
                  <td data-testid="webhook-delivery-result">
                    {f.result ?? '—'}
                    {f.lastAt && <small>{whenText(f.lastAt)}</small>}
                  </td>
                  <td data-testid="webhook-delivery-next">{f.next ? whenText(f.next) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {list && list.length >= SHOWN_MAX && <p class="webhook-deliveries-empty">{t('webhooks.deliveries.newest')}</p>}
    </section>
  );
}
