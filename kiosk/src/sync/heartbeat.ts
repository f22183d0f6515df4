/** The kiosk's health report (see shared/sync-client/heartbeat.ts): its outbox, kept rejections and last delivery. */
import { startHeartbeat } from '../../../shared/sync-client/heartbeat.ts';
import { api, db, hasToken } from './client.ts';
import type { Flusher } from '../../../shared/sync-client/flusher.ts';

export function startKioskHeartbeat(flusher: Flusher, onRefused: () => void): () => void {
  return startHeartbeat({
    api,
    onRefused,
    enabled: hasToken,
    read: async () => ({
      outboxDepth: flusher.pending.value,
      rejectedCount: await db.rejected.count().catch(() => 0),
      lastSyncAt: flusher.lastSyncAt.value,
    }),
  });
}
