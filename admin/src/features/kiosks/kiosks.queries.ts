/**
 * Pure logic for the kiosks screen: is a device live, how long since it was
 * seen, is its outbox stuck, does its storage refuse writes, how much storage
 * it uses. No I/O, no signals.
 */
import type { DeviceSummary, StorageError } from '../../../../shared/protocol/devices.ts';

/** A device reports every 60 s; two missed beats and a half means it is gone. */
export const LIVE_WITHIN_MS = 150_000;
/** Commands waiting this long without a delivery are worth a look. */
export const STUCK_AFTER_MS = 5 * 60_000;

export type DeviceState = { kind: 'revoked'; at: string } | { kind: 'live' } | { kind: 'seen'; agoMs: number } | { kind: 'never' };

export function deviceState(d: DeviceSummary, serverNow: number): DeviceState {
  if (d.revokedAt) return { kind: 'revoked', at: d.revokedAt };
  if (!d.lastSeenAt) return { kind: 'never' };
  const agoMs = Math.max(0, serverNow - new Date(d.lastSeenAt).getTime());
  return agoMs <= LIVE_WITHIN_MS ? { kind: 'live' } : { kind: 'seen', agoMs };
}

/** Commands are waiting on the device and nothing has been delivered for a while (or ever, as far as it knows). */
export function outboxStuck(d: DeviceSummary): boolean {
  const h = d.health;
  if (!h || h.outboxDepth === 0) return false;
  if (!h.lastSyncAt) return true;
  return new Date(h.at).getTime() - new Date(h.lastSyncAt).getTime() > STUCK_AFTER_MS;
}

/**
 * The device said (in its last report) that its storage refuses writes: full
 * (`quota`) or failing. Guests there cannot take a number until it clears.
 * Not shown for a revoked device.
 */
export function storageAlert(d: DeviceSummary): { kind: StorageError; since: string | null } | null {
  const h = d.health;
  if (d.revokedAt || !h?.storageError) return null;
  return { kind: h.storageError, since: h.storageErrorAt };
}

/** "850 KB", "12.3 MB", "5 GB": storage sizes at a glance. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i += 1;
  }
  const digits = i === 0 || v >= 10 ? 0 : 1;
  return `${v.toFixed(digits).replace(/\.0$/, '')} ${units[i]}`;
}

/** Live and active devices first, revoked last; then kiosks before walls, by name. */
export function sortDevices(list: readonly DeviceSummary[]): DeviceSummary[] {
  return [...list].sort(
    (a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}
