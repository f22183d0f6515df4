/**
 * The kiosk's IndexedDB: the sync stores every client has (outbox, rejected,
 * meta) plus `tickets`, the guest-facing view of the requests this kiosk
 * created, and `services`, the hotel's service catalog as the server last
 * sent it (retired ones included, for the names of old tickets), so home
 * shows its tiles offline too. Only `kiosk/src/sync/` imports this file.
 */
import Dexie, { type Table } from 'dexie';
import type { CallReason, RequestDetails, RequestKind } from '../../../shared/domain/request.ts';
import type { Service } from '../../../shared/domain/service.ts';
import type { RequestStatus } from '../../../shared/domain/request.machine.ts';
import type { ErrorCode } from '../../../shared/protocol/errors.ts';
import type { WaitQuote } from '../../../shared/protocol/wait-stats.ts';
import { SYNC_STORES, type MetaRow, type OutboxRow, type RejectedRow, type SyncTables } from '../../../shared/sync-client/outbox.ts';

/** `queued`: only on this kiosk; `sent`: the server applied it; then the server's status. */
export type TicketStatus = 'queued' | 'sent' | 'rejected' | RequestStatus;

export interface TicketRow {
  /** The request id (UUIDv7). */
  id: string;
  ticket: string;
  kind: RequestKind;
  status: TicketStatus;
  reason: CallReason | null;
  serviceDay: string;
  /** Kiosk clock, ISO. */
  createdAt: string;
  /** The outbox command that carries this request; links push outcomes back to the ticket. */
  commandId: string | null;
  /** The server's revision of the request; 0 until the server has told us anything. */
  rev: number;
  desk: string | null;
  calledAt: string | null;
  /** Kiosk clock when this kiosk learned the number was (re)called; drives the "please come to the desk" notice. */
  calledSeenAt: string | null;
  errorCode: ErrorCode | null;
  /** What the guest asked for beyond the common fields (bags and claim code, pairs…); absent on rows from before. */
  details?: RequestDetails | null;
  /** Kiosk clock when this kiosk learned the request was completed (not from a snapshot). */
  completedSeenAt?: string | null;
  /** Kiosk clock when a rating of this ticket was sent from the kiosk (older kiosks rated here; now the phone does). */
  ratedAt?: string | null;
  /** The wait shown to the guest when the ticket was taken (seconds, as shown); sent with the request. */
  quote?: WaitQuote | null;
  /** The token the guest's phone follows this ticket with (`/t/<token>`, its QR on the ticket); absent on rows from before. */
  followToken?: string | null;
}

export class KioskDb extends Dexie implements SyncTables {
  declare outbox: Table<OutboxRow, number>;
  declare rejected: Table<RejectedRow, number>;
  declare meta: Table<MetaRow, string>;
  declare tickets: Table<TicketRow, string>;
  declare services: Table<Service, string>;

  constructor(name = 'lobbydesk-kiosk') {
    super(name);
    // Versions are append-only: a kiosk's outbox and tickets survive an upgrade.
    this.version(1).stores({ ...SYNC_STORES, tickets: 'id, commandId, serviceDay, createdAt' });
    this.version(2).stores({ services: 'code' });
  }
}

/** Meta keys, in one place. */
export const META = {
  token: 'token',
  me: 'me',
  nextSeq: 'nextSeq', // owned by shared/sync-client/outbox.ts
  counter: (serviceDay: string) => `ticketCounter:${serviceDay}`,
  cardKey: 'cardKey', // the property's member-card public key (raw Ed25519, base64url), for offline checks
  complaintCounter: 'complaintCounter', // the last complaint reference counter this kiosk used (sync/feedback.ts)
  waitStats: 'waitStats', // the last GET /api/kiosk/wait-stats answer and when it came (sync/wait-stats.ts)
  followBase: 'followBase', // the property's public base URL for a ticket's phone link (sync/follow-config.ts)
} as const;
