import { z } from 'zod';
import { FreeText } from '../domain/text.ts';

/**
 * Device health: what a kiosk or wall display reports about itself every
 * minute (`POST /api/devices/heartbeat`), and what supervisors see of each
 * device (`GET /api/devices`). Revocation: `POST /api/devices/:id/revoke`.
 */
/** Why a device's local storage refuses writes. */
export const StorageError = z.enum(['quota', 'failed']);
export type StorageError = z.infer<typeof StorageError>;

export const HeartbeatBody = z.object({
  appVersion: FreeText(40, { min: 1 }),
  /** Commands waiting in the device's outbox. */
  outboxDepth: z.number().int().nonnegative().max(1_000_000),
  /** Commands the server refused that the device still keeps. */
  rejectedCount: z.number().int().nonnegative().max(1_000_000),
  /** `navigator.storage.persisted()`; null when the browser cannot tell. */
  storagePersisted: z.boolean().nullable(),
  /** `navigator.storage.estimate()` in bytes; null when unknown. */
  storageUsage: z.number().nonnegative().nullable(),
  storageQuota: z.number().nonnegative().nullable(),
  /** Device clock, ISO: the last time its outbox reached the server. */
  lastSyncAt: z.iso.datetime({ offset: true }).nullable(),
  /**
   * The device cannot write its local storage: `quota` (full — QuotaExceededError)
   * or `failed` (any other storage error); null while writes work. Optional
   * for apps built before it was reported.
   */
  storageError: StorageError.nullable().default(null),
  /** Device clock, ISO: when writes began to fail (the start of the spell); null with no error. */
  storageErrorAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type HeartbeatBody = z.infer<typeof HeartbeatBody>;

export const HeartbeatResponse = z.object({ ok: z.literal(true), serverTime: z.string() });

/** The last heartbeat as the server stored it (`at` is the server's clock). */
export const DeviceHealth = HeartbeatBody.extend({ at: z.string() });
export type DeviceHealth = z.infer<typeof DeviceHealth>;

export const DeviceSummary = z.object({
  id: z.uuid(),
  kind: z.enum(['kiosk', 'wall']),
  name: z.string(),
  letter: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  lastSeq: z.number().int().nonnegative(),
  revokedAt: z.string().nullable(),
  /** Null until the device has sent a heartbeat. */
  health: DeviceHealth.nullable(),
  /** Commands from this device the server answered `rejected`. */
  serverRejected: z.number().int().nonnegative(),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

export const DeviceList = z.object({ serverTime: z.string(), devices: z.array(DeviceSummary) });
export type DeviceList = z.infer<typeof DeviceList>;

export const DeviceIdParams = z.object({ id: z.uuid() });

/** `POST /api/devices/:id/revoke`: when it was revoked (the first time, if it already was). */
export const DeviceRevoked = z.object({ id: z.string(), revokedAt: z.string() });
export type DeviceRevoked = z.infer<typeof DeviceRevoked>;
