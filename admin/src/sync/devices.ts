/**
 * Kiosks and wall displays as supervisors see them: the list from
 * `GET /api/devices` (polled while the screen is open; heartbeats do not
 * travel on the request feed) and revocation. Screens read the signals.
 */
import { signal } from '@preact/signals';
import { DeviceList, DeviceRevoked, type DeviceSummary } from '../../../shared/protocol/devices.ts';
import { api, failureCode, type FailureCode } from './api.ts';

export const devices = signal<readonly DeviceSummary[] | null>(null);
export const devicesError = signal<FailureCode | null>(null);
/** Server clock minus tablet clock at the last load, so "last seen" is measured on the server's clock. */
export const serverOffsetMs = signal(0);
export const devicesLoadedAt = signal<string | null>(null);

const POLL_MS = 15_000;

export async function loadDevices(): Promise<void> {
  try {
    const res = await api.get('/api/devices', DeviceList);
    serverOffsetMs.value = new Date(res.serverTime).getTime() - Date.now();
    devices.value = res.devices;
    devicesError.value = null;
    devicesLoadedAt.value = new Date().toISOString();
  } catch (e) {
    devicesError.value = failureCode(e);
  }
}

/** Loads now and every 15 s until the returned function is called (the screen closes). */
export function followDevices(): () => void {
  void loadDevices();
  const timer = setInterval(() => void loadDevices(), POLL_MS);
  return () => clearInterval(timer);
}

export async function revokeDevice(id: string): Promise<{ ok: true } | { ok: false; error: FailureCode }> {
  try {
    const res = await api.post(`/api/devices/${encodeURIComponent(id)}/revoke`, {}, DeviceRevoked);
    devices.value = (devices.value ?? []).map((d) => (d.id === id ? { ...d, revokedAt: res.revokedAt } : d));
    void loadDevices();
    return { ok: true };
  } catch (e) {
    return { ok: false, error: failureCode(e) };
  }
}
