/**
 * A device's health report to the server, every minute and at start: app
 * version, outbox depth, kept rejections, browser storage (and whether it
 * refuses writes), last delivery. Staff see it on the kiosks screen. A
 * failed beat is simply skipped: the next one carries the same facts,
 * fresher. Beats never overlap, so an older report cannot land after a newer one.
 */
import { HeartbeatBody, HeartbeatResponse, type StorageError } from '../protocol/devices.ts';
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

/** What the device knows about itself at the moment of a beat. */
export interface SyncFacts {
  outboxDepth: number;
  rejectedCount: number;
  lastSyncAt: string | null;
  /** Local writes fail (see HeartbeatBody); left out by devices that do not check. */
  storageError?: StorageError | null;
  storageErrorAt?: string | null;
}

export interface HeartbeatOptions {
  api: Api;
  /** The device's own sync facts at this moment. */
  read: () => Promise<SyncFacts>;
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

/** Stops the heartbeat when called; `beatNow` reports at once (something staff should see has changed). */
export type Heartbeat = (() => void) & { beatNow: () => void };

/** Sends a beat now and every `everyMs`; returns a stop function that can also beat at once. */
export function startHeartbeat(o: HeartbeatOptions): Heartbeat {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  const send = async () => {
    if (stopped || (o.enabled && !o.enabled())) return;
    try {
      await o.api.post('/api/devices/heartbeat', await heartbeatBody(o.read), HeartbeatResponse);
    } catch (e) {
      // Offline: the next beat tries again. Refused: let the app find out why (revoked?).
      if (e instanceof ApiFailure && e.status === 401) o.onRefused?.();
    }
  };
  // One beat at a time; a beat asked for meanwhile follows with fresh facts.
  const beat = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await send();
      } while (again && !stopped);
    })().finally(() => (running = null));
  };
  beat();
  const timer = setInterval(beat, o.everyMs ?? HEARTBEAT_MS);
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  return Object.assign(stop, { beatNow: beat });
}
