/**
 * The kiosk's health report (see shared/sync-client/heartbeat.ts): its outbox,
 * kept rejections, last delivery, and whether its storage refuses writes —
 * checked with a small real write before each beat. A change in the storage
 * state is reported at once, not a minute later.
 */
import { startHeartbeat, type Heartbeat } from '../../../shared/sync-client/heartbeat.ts';
import type { Flusher } from '../../../shared/sync-client/flusher.ts';
import { api, db, hasToken } from './client.ts';
import { onStorageChange, probeStorage, storageTrouble } from './storage-health.ts';

export function startKioskHeartbeat(flusher: Flusher, onRefused: () => void): Heartbeat {
  const heartbeat = startHeartbeat({
    api,
    onRefused,
    enabled: hasToken,
    read: async () => {
      await probeStorage(db);
      const trouble = storageTrouble.value;
      return {
        outboxDepth: flusher.pending.value,
        rejectedCount: await db.rejected.count().catch(() => 0),
        lastSyncAt: flusher.lastSyncAt.value,
        storageError: trouble?.kind ?? null,
        storageErrorAt: trouble?.since ?? null,
      };
    },
  });
  const unlisten = onStorageChange(heartbeat.beatNow);
  return Object.assign(() => {
    unlisten();
    heartbeat();
  }, { beatNow: heartbeat.beatNow });
}
