import type { HeartbeatBody } from '../../../shared/protocol/devices.ts';
import type { Db, Tx } from '../store/store.ts';

/** Stores a device's latest heartbeat on its row (`at` is the server's clock). */
export async function saveHeartbeat(db: Db, deviceId: string, h: HeartbeatBody, at: Date): Promise<void> {
  await db
    .updateTable('devices')
    .set({
      app_version: h.appVersion,
      outbox_depth: h.outboxDepth,
      rejected_count: h.rejectedCount,
      storage_persisted: h.storagePersisted,
      storage_usage: h.storageUsage,
      storage_quota: h.storageQuota,
      last_sync_at: h.lastSyncAt,
      storage_error: h.storageError,
      storage_error_at: h.storageError ? h.storageErrorAt : null,
      health_at: at,
      last_seen_at: at,
    })
    .where('id', '=', deviceId)
    .execute();
}

/** Kiosks and wall displays at a property (staff tablets are not paired devices), with their server-side rejection counts. */
export async function listPairedDevices(db: Db, propertyId: string) {
  return db
    .selectFrom('devices as d')
    .leftJoin(
      (eb) => eb.selectFrom('commands').select(['device_id', (e) => e.fn.countAll<string | number>().as('n')]).where('outcome', '=', 'rejected').groupBy('device_id').as('c'),
      (j) => j.onRef('c.device_id', '=', 'd.id'),
    )
    .selectAll('d')
    .select('c.n as rejected_on_server')
    .where('d.property_id', '=', propertyId)
    .where('d.kind', 'in', ['kiosk', 'wall'])
    .orderBy('d.revoked_at', (o) => o.desc().nullsFirst())
    .orderBy('d.kind')
    .orderBy('d.name')
    .execute();
}
export type PairedDeviceRow = Awaited<ReturnType<typeof listPairedDevices>>[number];

/** The device row, locked, if it is a kiosk or wall of this property. */
export async function lockPairedDevice(trx: Tx, propertyId: string, deviceId: string) {
  return trx
    .selectFrom('devices')
    .select(['id', 'kind', 'name', 'revoked_at'])
    .where('id', '=', deviceId)
    .where('property_id', '=', propertyId)
    .where('kind', 'in', ['kiosk', 'wall'])
    .forUpdate()
    .executeTakeFirst();
}

export async function markRevoked(trx: Tx, deviceId: string, at: Date): Promise<void> {
  await trx.updateTable('devices').set({ revoked_at: at }).where('id', '=', deviceId).execute();
}
