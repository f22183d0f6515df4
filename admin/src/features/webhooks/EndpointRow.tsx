import type { WebhookEndpoint } from '../../../../shared/protocol/webhooks.ts';
import { t } from '../../i18n/i18n.ts';
import { whenText } from '../../i18n/when-text.ts';
import { webhookDeliveries } from '../../sync/webhooks.ts';
import { Deliveries } from './Deliveries.tsx';
import { eventName, guestFieldName } from './webhook-text.ts';
import { lastDelivery, shortUrl, STATUS_MARK } from './webhooks.queries.ts';

export interface RowActions {
  onTest: () => void;
  onToggleDeliveries: () => void;
  onEdit: () => void;
  onRotate: () => void;
  onPause: () => void;
}

/** One endpoint: its address and description, the events it gets, the guest data it is sent, active or paused, the last delivery. */
export function EndpointRow({ endpoint: e, open, busy, actions }: { endpoint: WebhookEndpoint; open: boolean; busy: boolean; actions: RowActions }) {
  const loaded = webhookDeliveries.value.get(e.id);
  const last = lastDelivery(loaded);
  return (
    <li class={`webhook-row${e.active ? '' : ' webhook-paused'}`} data-testid="webhook-row" data-id={e.id} data-active={String(e.active)}>
      <div class="webhook-row-head">
        <span class="webhook-names">
          <strong class="webhook-url" data-testid="webhook-row-url" title={e.url}>
            {shortUrl(e.url)}
          </strong>
          <span class={e.description ? 'webhook-description' : 'webhook-description webhook-none'} data-testid="webhook-row-description">
            {e.description || t('webhooks.noDescription')}
          </span>
        </span>
        <span class={`chip ${e.active ? 'webhook-state-active' : 'webhook-state-paused'}`} data-testid="webhook-row-state" title={e.active ? undefined : t('webhooks.pausedHint')}>
          {t(e.active ? 'webhooks.active' : 'webhooks.paused')}
        </span>
      </div>
      <ul class="webhook-events-chips" data-testid="webhook-row-events" aria-label={t('webhooks.form.events')}>
        {e.eventTypes.map((type) => (
          <li key={type} class="chip webhook-event-chip" data-event={type}>
            {eventName(type)}
          </li>
        ))}
      </ul>
      <p class="webhook-facts">
        <span class={e.guestFields.length ? 'webhook-guest-sent' : ''} data-testid="webhook-row-guest">
          {e.guestFields.length === 0 ? t('webhooks.guestNone') : t('webhooks.guestSent', { fields: e.guestFields.map(guestFieldName).join(' · ') })}
        </span>
        <span data-testid="webhook-row-last" data-status={last?.status ?? ''}>
          {last ? (
            <>
              <span class={`webhook-mark webhook-mark-${last.status}`} aria-hidden="true">
                {STATUS_MARK[last.status]}
              </span>{' '}
              {t(`webhooks.last.${last.status}`, { when: whenText(last.lastAttemptAt ?? last.createdAt) })}
            </>
          ) : (
            t(loaded ? 'webhooks.last.none' : 'webhooks.last.unknown')
          )}
        </span>
        {e.secretRotatedAt && <span data-testid="webhook-row-rotated">{t('webhooks.rotatedAt', { when: whenText(e.secretRotatedAt) })}</span>}
      </p>
      <div class="webhook-actions">
        <button type="button" class="btn btn-secondary" data-testid="webhook-test" disabled={busy || !e.active} title={e.active ? undefined : t('webhooks.pausedHint')} onClick={actions.onTest}>
          {t('webhooks.test')}
        </button>
        <button type="button" class="btn btn-secondary" data-testid="webhook-deliveries-toggle" aria-expanded={open} onClick={actions.onToggleDeliveries}>
          {t(open ? 'webhooks.hideDeliveries' : 'webhooks.showDeliveries')}
        </button>
        <span class="webhook-actions-gap" />
        <button type="button" class="btn btn-secondary" data-testid="webhook-edit" disabled={busy} onClick={actions.onEdit}>
          {t('webhooks.edit')}
        </button>
        <button type="button" class="btn btn-secondary" data-testid="webhook-rotate" disabled={busy} onClick={actions.onRotate}>
          {t('webhooks.rotate')}
        </button>
        <button type="button" class={`btn ${e.active ? 'btn-danger' : 'btn-secondary'}`} data-testid={e.active ? 'webhook-pause' : 'webhook-resume'} disabled={busy} onClick={actions.onPause}>
          {t(e.active ? 'webhooks.pause' : 'webhooks.resume')}
        </button>
      </div>
      {open && <Deliveries endpointId={e.id} />}
    </li>
  );
}
