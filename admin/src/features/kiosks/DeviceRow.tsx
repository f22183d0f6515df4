import type { DeviceSummary } from '../../../../shared/protocol/devices.ts';
import { clockTime, t } from '../../i18n/i18n.ts';
import { splitDuration } from '../queue/queue.queries.ts';
import { deviceState, formatBytes, outboxStuck, storageAlert } from './kiosks.queries.ts';

function duration(ms: number): string {
  const d = splitDuration(ms);
  if (d.unit === 'seconds') return t('time.seconds', { n: d.n });
  if (d.unit === 'minutes') return t('time.minutes', { n: d.n });
  return t('time.hours', { h: d.h, m: d.m });
}

/** One kiosk or wall display: who it is, whether it is alive, its queue, storage (and whether it refuses writes) and refusals, and Revoke. */
export function DeviceRow({ device: d, serverNow, onRevoke }: { device: DeviceSummary; serverNow: number; onRevoke: (d: DeviceSummary) => void }) {
  const state = deviceState(d, serverNow);
  const h = d.health;
  const stuck = outboxStuck(d);
  const alert = storageAlert(d);
  return (
    <tr class={`device device-${state.kind}`} data-testid="device-row" data-name={d.name} data-state={state.kind}>
      <td class="device-who">
        <span class="device-name">{d.name}</span>
        <span class="device-kind">
          {t(`devices.kind.${d.kind}`)}
          {d.letter && <span class="device-letter"> · {t('devices.letter', { letter: d.letter })}</span>}
        </span>
      </td>
      <td>
        <span class={`chip device-status device-status-${state.kind}`} data-testid="device-status" data-state={state.kind}>
          {state.kind === 'live'
            ? t('devices.live')
            : state.kind === 'revoked'
              ? t('devices.revoked')
              : state.kind === 'never'
                ? t('devices.never')
                : t('devices.seenAgo', { time: duration(state.agoMs) })}
        </span>
        {state.kind === 'revoked' && <span class="device-sub">{t('devices.revokedAt', { time: clockTime(state.at) })}</span>}
      </td>
      <td class="device-version" data-testid="device-version">
        {h ? h.appVersion : <span title={t('devices.noReportTitle')}>{t('devices.noReport')}</span>}
      </td>
      <td class={stuck ? 'device-outbox device-warn' : 'device-outbox'} data-testid="device-outbox" title={stuck ? t('devices.stuck') : undefined}>
        {h ? (
          <>
            <span class="device-num">{h.outboxDepth}</span>
            {(h.outboxDepth > 0 || h.lastSyncAt) && (
              <span class="device-sub">
                {h.lastSyncAt ? t('devices.lastSent', { time: duration(Math.max(0, new Date(h.at).getTime() - new Date(h.lastSyncAt).getTime())) }) : t('devices.neverSent')}
              </span>
            )}
          </>
        ) : (
          t('devices.noReport')
        )}
      </td>
      <td class={alert ? 'device-storage device-warn' : 'device-storage'} title={t('devices.persistTitle')}>
        {alert && (
          <>
            <span class="device-warn-text" data-testid="device-storage-error" data-kind={alert.kind}>
              {t(alert.kind === 'quota' ? 'devices.storageFull' : 'devices.storageFailed')}
            </span>
            {alert.since && <span class="device-sub">{t('devices.storageSince', { time: clockTime(alert.since) })}</span>}
          </>
        )}
        {h ? (
          <>
            <span class={h.storagePersisted === false ? 'device-warn-text' : undefined}>
              {h.storagePersisted === null ? t('devices.persistUnknown') : h.storagePersisted ? t('devices.persisted') : t('devices.notPersisted')}
            </span>
            {h.storageUsage !== null && h.storageQuota !== null && (
              <span class="device-sub">{t('devices.usage', { used: formatBytes(h.storageUsage), quota: formatBytes(h.storageQuota) })}</span>
            )}
          </>
        ) : (
          t('devices.noReport')
        )}
      </td>
      <td class={d.serverRejected > 0 ? 'device-rejected device-warn' : 'device-rejected'} data-testid="device-rejected">
        <span class="device-num">{d.serverRejected}</span>
        {h && h.rejectedCount > 0 && <span class="device-sub">{t('devices.keptOnDevice', { n: h.rejectedCount })}</span>}
      </td>
      <td class="device-actions">
        {!d.revokedAt && (
          <button type="button" class="btn btn-danger" data-testid="device-revoke" onClick={() => onRevoke(d)}>
            {t('devices.revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}
