/**
 * What the screens read of the sync layer, as signals, with no Dexie and no
 * zod behind them: this module loads with the first screen, the sync layer
 * itself (`core.ts`: Dexie, the schemas, the engine) right after it
 * (`actions.ts` loads it). The sync layer writes these; screens only read
 * them, and act through `actions.ts`.
 */
import { signal } from '@preact/signals';
import { parseCardToken } from '../../../shared/domain/card-token.ts';
import { followPath } from '../../../shared/domain/follow.ts';
import type { DeviceMe } from '../../../shared/protocol/auth.ts';
import type { StorageError } from '../../../shared/protocol/devices.ts';
import type { FlushState } from '../../../shared/sync-client/flusher.ts';

export type { StorageError };

export type Phase = 'booting' | 'unpaired' | 'connecting' | 'ready' | 'failed';

export const phase = signal<Phase>('booting');
export const me = signal<DeviceMe | null>(null);
/** Why the setup screen is shown when it is not the first start. */
export const setupNotice = signal<'revoked' | null>(null);
/** The last failure while connecting (shown translated on the connecting screen). */
export const connectError = signal<unknown>(null);

/** The pairing code was for a wall display or another kind of device. */
export class NotAKioskError extends Error {}

export type Connection = 'live' | 'connecting' | 'offline';
/** The footer's dot: the live stream's state, or offline when the browser says so (engine.ts keeps it). */
export const connection = signal<Connection>(typeof navigator === 'undefined' || navigator.onLine ? 'connecting' : 'offline');
/** Requests in the outbox, not yet delivered (the flusher keeps it). */
export const pending = signal(0);
export const flushState = signal<FlushState>('idle');

/** A standing storage failure: what kind, and since when (kiosk clock, ISO). Null while writes work. */
export const storageTrouble = signal<{ kind: StorageError; since: string } | null>(null);

/** The last guest request could not be stored: the guest is told to ask at the desk. Null otherwise. */
export const saveFailed = signal<StorageError | null>(null);

/** The guest has read the notice, or walked away. */
export function dismissSaveFailed(): void {
  saveFailed.value = null;
}

/** The last public base URL the server gave for phone links (null: none configured, or not asked yet; follow-config.ts). */
export const followBase = signal<string | null>(null);

/** The URL a ticket's QR holds: `<base>/t/<token>`. */
export function followUrl(token: string, base: string | null = followBase.value): string {
  return `${(base ?? location.origin).replace(/\/+$/, '')}${followPath(token)}`;
}

/**
 * The member card the guest at the screen scanned in this guest session: its
 * signed QR token, in memory only. Every request the guest makes while it is
 * held carries it (`memberCard`) and the server verifies it; the kiosk never
 * sends a bare member id. The balance flow holds it and lets go of it at the
 * end of the guest session (features/balance/balance.store.ts), so it can
 * never reach the next guest's requests.
 */
let guestCard: string | null = null;

/** Holds a scanned card for this guest's requests (only a well-formed token), or lets go of it (null). */
export function holdGuestCard(token: string | null): void {
  guestCard = token !== null && parseCardToken(token).ok ? token.trim() : null;
}

/** The card held for this guest's requests, if any. */
export function heldGuestCard(): string | null {
  return guestCard;
}
