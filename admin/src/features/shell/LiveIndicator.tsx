import { clockTime, t } from '../../i18n/i18n.ts';
import { lastUpdateAt, liveSince, liveStatus } from '../../sync/queries.ts';

/** Live / Reconnecting / Connecting, with when the view was last brought up to date. */
export function LiveIndicator() {
  const status = liveStatus.value;
  const label = status === 'live' ? t('live.live') : status === 'reconnecting' ? t('live.reconnecting') : t('live.connecting');
  const detail =
    status === 'reconnecting' && liveSince.value
      ? t('live.since', { time: clockTime(liveSince.value) })
      : lastUpdateAt.value
        ? t('header.updated', { time: clockTime(lastUpdateAt.value, true) })
        : t('header.neverUpdated');
  return (
    <div class={`live live-${status}`} data-testid="live-status" data-status={status} role="status">
      <span class="live-dot" aria-hidden="true" />
      <span class="live-label">{label}</span>
      <span class="live-detail">{detail}</span>
    </div>
  );
}
