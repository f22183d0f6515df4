import { DeviceSummary } from '../../../shared/protocol/devices.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { DomainError } from '../http/errors.ts';
import type { Store } from '../store/store.ts';
import { endLiveStreamsOf } from '../live/live.stream.ts';
import { listPairedDevices, lockPairedDevice, markRevoked, type PairedDeviceRow } from './fleet.repo.ts';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function toSummary(r: PairedDeviceRow): DeviceSummary {
  return DeviceSummary.parse({
    id: r.id,
    kind: r.kind,
    name: r.name,
    letter: r.letter,
    createdAt: iso(r.created_at),
    lastSeenAt: iso(r.last_seen_at),
    lastSeq: r.last_seq,
    revokedAt: iso(r.revoked_at),
    health: r.health_at
      ? {
          at: iso(r.health_at),
          appVersion: r.app_version ?? 'unknown',
          outboxDepth: r.outbox_depth ?? 0,
          rejectedCount: r.rejected_count ?? 0,
          storagePersisted: r.storage_persisted,
          storageUsage: r.storage_usage === null ? null : Number(r.storage_usage),
          storageQuota: r.storage_quota === null ? null : Number(r.storage_quota),
          lastSyncAt: iso(r.last_sync_at),
          storageError: r.storage_error,
          storageErrorAt: iso(r.storage_error_at),
        }
      : null,
    serverRejected: Number(r.rejected_on_server ?? 0),
  });
}

export async function listDevices(store: Store, propertyId: string, now: Date) {
  const rows = await listPairedDevices(store.db, propertyId);
  return { serverTime: now.toISOString(), devices: rows.map(toSummary) };
}

/**
 * Revokes a kiosk or wall display of the staff member's property: its token
 * is refused from the next request on (authentication reads `revoked_at`
 * every time) and its open live streams end now. Idempotent: revoking a
 * revoked device changes nothing and records nothing.
 */
export async function revokeDevice(store: Store, who: { staffId: string; propertyId: string }, deviceId: string, now: Date) {
  const revokedAt = await store.tx(async (trx) => {
    const d = await lockPairedDevice(trx, who.propertyId, deviceId);
    if (!d) throw new DomainError('not_found', 'No kiosk or wall display with this id at your property');
    if (d.revoked_at) return new Date(d.revoked_at);
    await markRevoked(trx, d.id, now);
    await appendAudit(trx, { propertyId: who.propertyId, staffId: who.staffId, action: 'device.revoked', subjectId: d.id, details: { kind: d.kind, name: d.name } });
    return now;
  });
  endLiveStreamsOf(deviceId);
  return { id: deviceId, revokedAt: revokedAt.toISOString() };
}
