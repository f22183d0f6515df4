import { useEffect, useState } from 'preact/hooks';
import { errorKey } from '../../i18n/admin.ts';
import type { StaffMe } from '../../../../shared/protocol/auth.ts';
import type { DeviceSummary } from '../../../../shared/protocol/devices.ts';
import { clockTime, t } from '../../i18n/i18n.ts';
import { devices, devicesError, devicesLoadedAt, followDevices, loadDevices, revokeDevice, serverOffsetMs } from '../../sync/devices.ts';
import type { FailureCode } from '../../sync/api.ts';
import { now } from '../../ui/now.ts';
import { Header } from '../shell/Header.tsx';
import { canManageWebhooks, openScreen } from '../shell/nav.ts';
import { DeviceRow } from './DeviceRow.tsx';
import { WallSettings } from './WallSettings.tsx';
import { ServicesEditor } from '../services/ServicesEditor.tsx';
import { sortDevices, storageAlert } from './kiosks.queries.ts';

/** Supervisors and managers: every kiosk and wall display, how it is doing, and Revoke. */
export function KiosksScreen({ me }: { me: StaffMe }) {
  const [confirming, setConfirming] = useState<DeviceSummary | null>(null);
  const list = devices.value;
  const error = devicesError.value;
  const serverNow = now.value + serverOffsetMs.value;

  useEffect(() => followDevices(), []);
  useEffect(() => {
    if (list) document.body.dataset.ready = 'true';
  }, [list !== null]);

  return (
    <div class="kiosks-screen">
      <Header me={me} />
      <section class="toolbar devices-toolbar">
        <h1 class="screen-title">{t('devices.title')}</h1>
        <span class="devices-updated">{devicesLoadedAt.value ? t('devices.updated', { time: clockTime(devicesLoadedAt.value, true) }) : ''}</span>
        <button type="button" class="btn btn-secondary" data-testid="devices-refresh" onClick={() => void loadDevices()}>
          {t('devices.refresh')}
        </button>
        {canManageWebhooks(me.staff.role) && (
          <button type="button" class="btn btn-secondary" data-testid="nav-webhooks" onClick={() => openScreen('webhooks')}>
            {t('webhooks.nav')}
          </button>
        )}
      </section>
      {error && (
        <div class="banner banner-warn" role="alert" data-testid="devices-error">
          {t(errorKey(error))}
        </div>
      )}
      <StorageAlerts list={list ?? []} />
      <main class="devices">
        {!list ? (
          <p class="empty">{t('devices.loading')}</p>
        ) : list.length === 0 ? (
          <p class="empty" data-testid="devices-empty">
            {t('devices.empty')}
          </p>
        ) : (
          <table class="devices-table">
            <thead>
              <tr>
                <th>{t('devices.col.device')}</th>
                <th>{t('devices.col.status')}</th>
                <th>{t('devices.col.version')}</th>
                <th>{t('devices.col.outbox')}</th>
                <th>{t('devices.col.storage')}</th>
                <th>{t('devices.col.rejected')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {sortDevices(list).map((d) => (
                <DeviceRow key={d.id} device={d} serverNow={serverNow} onRevoke={setConfirming} />
              ))}
            </tbody>
          </table>
        )}
      </main>
      <WallSettings role={me.staff.role} />
      {me.staff.role === 'manager' && <ServicesEditor />}
      {confirming && <RevokeDialog device={confirming} onClose={() => setConfirming(null)} />}
    </div>
  );
}

/** A kiosk whose storage refuses writes turns guests away: say so above the table, one line per device. */
function StorageAlerts({ list }: { list: readonly DeviceSummary[] }) {
  const alerts = sortDevices(list).flatMap((d) => {
    const a = storageAlert(d);
    return a ? [{ d, a }] : [];
  });
  if (alerts.length === 0) return null;
  return (
    <div class="banner banner-warn" role="alert" data-testid="storage-alerts">
      {alerts.map(({ d, a }) => (
        <p key={d.id} data-testid="storage-alert" data-name={d.name}>
          {t(a.kind === 'quota' ? 'devices.alertFull' : 'devices.alertFailed', { name: d.name })}
        </p>
      ))}
    </div>
  );
}

function RevokeDialog({ device, onClose }: { device: DeviceSummary; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FailureCode | null>(null);
  async function confirm() {
    setBusy(true);
    const res = await revokeDevice(device.id);
    setBusy(false);
    if (res.ok) onClose();
    else setError(res.error);
  }
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <section class="modal" role="alertdialog" aria-modal="true" aria-labelledby="revoke-title" aria-describedby="revoke-body" data-testid="revoke-dialog">
        <h2 id="revoke-title">{t('devices.revokeTitle', { name: device.name })}</h2>
        <p id="revoke-body" class="revoke-body">
          {t('devices.revokeBody')}
        </p>
        <p class="form-error" role="alert" hidden={!error}>
          {error ? t(errorKey(error)) : ''}
        </p>
        <div class="modal-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose} disabled={busy}>
            {t('devices.cancel')}
          </button>
          <button type="button" class="btn btn-danger-solid" data-testid="device-revoke-confirm" disabled={busy} onClick={() => void confirm()}>
            {busy ? t('devices.revoking') : t('devices.revokeConfirm')}
          </button>
        </div>
      </section>
    </div>
  );
}
