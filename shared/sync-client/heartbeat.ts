/**
 * A device's health report to the server, every minute and at start: app
 * version, outbox depth, kept rejections, browser storage, last delivery.
 * Staff see it on the kiosks screen. A failed beat is simply skipped: the
 * next one carries the same facts, fresher.
 */
import { HeartbeatBody, HeartbeatResponse } from '../protocol/devices.ts';
import { ApiFailure, type Api } from './http.ts';

declare global {
  /** Set by the Vite build (`define`) to the package version. */
  const __APP_VERSION__: string | undefined;
}

export const HEARTBEAT_MS = 60_000;

/** The build's version, or 'dev' when the code runs outside a Vite build (tests, dev tools). */
export function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' && __APP_VERSION__ ? __APP_VERSION__ : 'dev';
}

export interface StorageFacts {
  storagePersisted: boolean | null;
  storageUsage: number | null;
  storageQuota: number | null;
}

/** What the browser says about this origin's storage; nulls where it cannot tell. */
export async function storageFacts(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageFacts> {
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { storagePersisted: persisted, storageUsage: estimate?.usage ?? null, storageQuota: estimate?.quota ?? null };
}

export interface HeartbeatOptions {
  api: Api;
  /** The device's own sync facts at this moment. */
  read: () => Promise<{ outboxDepth: number; rejectedCount: number; lastSyncAt: string | null }>;
  /** False while the device has no token (unpaired): no beat is sent. */
  enabled?: () => boolean;
  everyMs?: number;
  /** The server refused the device's credentials (revoked, unknown token). */
  onRefused?: () => void;
}

/** Builds one heartbeat body. */
export async function heartbeatBody(read: HeartbeatOptions['read']): Promise<HeartbeatBody> {
  const [sync, storage] = await Promise.all([read(), storageFacts()]);
  return HeartbeatBody.parse({ appVersion: appVersion(), ...sync, ...storage });
}

/** Sends a beat now and every `everyMs`; returns a stop function. */
export function startHeartbeat(o: HeartbeatOptions): () => void {
  let stopped = false;
  const beat = async () => {
    if (stopped || (o.enabled && !o.enabled())) return;
    try {
      await o.api.post('/api/devices/heartbeat', await heartbeatBody(o.read), HeartbeatResponse);
    } catch (e) {
      // Offline: the next beat tries again. Refused: let the app find out why (revoked?).
      if (e instanceof ApiFailure && e.status === 401) o.onRefused?.();
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), o.everyMs ?? HEARTBEAT_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
