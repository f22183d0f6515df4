/**
 * Ticket numbers, the kiosk's local view of its requests, and the member card
 * a guest's requests carry. Pure Dexie logic with no network, so it runs
 * under fake-indexeddb in unit tests.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CallReason, RequestDetails, RequestKind } from '../../../shared/domain/request.ts';
import { makeFollowToken } from '../../../shared/domain/follow.ts';
import { clipText } from '../../../shared/domain/text.ts';
import { formatTicket, serviceDayOf } from '../../../shared/domain/ticket.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { DeviceMe } from '../../../shared/protocol/auth.ts';
import type { KioskRequest } from '../../../shared/protocol/events.ts';
import type { PushOutcome } from '../../../shared/protocol/sync.ts';
import { WaitQuote } from '../../../shared/protocol/wait-stats.ts';
import { enqueue, getMeta, setMeta } from '../../../shared/sync-client/outbox.ts';
import { META, type KioskDb, type TicketRow } from './db.ts';
import { heldGuestCard } from './state.ts';

export { holdGuestCard } from './state.ts';

export interface CallStaffInput {
  reason: CallReason;
  guestName?: string | null;
  room?: string | null;
  /** The wait shown to the guest on the ticket (features/call-staff/wait-estimate.ts). */
  quote?: WaitQuote | null;
  /** The guest's language now, for the phone page (see RequestInput). */
  language?: Locale | null;
}

/** Any request a guest can make at the kiosk; `details` must match `kind` (none for call_staff). */
export interface RequestInput {
  kind: RequestKind;
  reason?: CallReason | null;
  guestName?: string | null;
  room?: string | null;
  /** What the guest wrote for staff (a catalog service's note field), up to 500 characters. */
  note?: string | null;
  details?: RequestDetails | null;
  /** The wait this ticket's screen shows the guest; kept on the row and sent with the request. */
  quote?: WaitQuote | null;
  /** The guest's language now: the phone page that follows the ticket starts in it. Absent: no follow link. */
  language?: Locale | null;
}

/** Trimmed text, or null when empty; clipped to what the protocol accepts. */
export function cleanText(v: string | null | undefined, max: number): string | null {
  const s = clipText((v ?? '').trim(), max).trim();
  return s ? s : null;
}

/**
 * Takes the next number of the day and queues the `request.create` command
 * with its local ticket row, all in one transaction: the guest sees the
 * number at once, and the number and the command can never part.
 */
export async function createRequestTicket(db: KioskDb, me: DeviceMe, input: RequestInput, now = new Date()): Promise<TicketRow> {
  if (!me.letter) throw new Error('this device has no ticket letter');
  const letter = me.letter;
  const serviceDay = serviceDayOf(now, me.property.timeZone);
  const details = input.kind === 'call_staff' ? null : (input.details ?? null);
  if (input.kind !== 'call_staff' && details?.kind !== input.kind) throw new Error(`details must match the kind ${input.kind}`);
  const reason = input.kind === 'call_staff' ? (input.reason ?? null) : null;
  const memberCard = heldGuestCard();
  const quote = input.quote && WaitQuote.safeParse(input.quote).success ? input.quote : null;
  // The phone's link to this ticket (shared/domain/follow.ts): made here, offline too, printed as a QR.
  const followToken = input.language ? makeFollowToken() : null;
  return db.transaction('rw', [db.outbox, db.meta, db.tickets], async () => {
    const key = META.counter(serviceDay);
    const n = ((await getMeta<number>(db, key)) ?? 0) + 1;
    await setMeta(db, key, n);
    const ticket = formatTicket(letter, n);
    const requestId = uuidv7();
    const { local } = await enqueue(
      db,
      me.deviceId,
      {
        type: 'request.create',
        payload: {
          requestId,
          kind: input.kind,
          details,
          ticket,
          serviceDay,
          reason,
          guestName: cleanText(input.guestName, 80),
          room: cleanText(input.room, 12),
          note: cleanText(input.note, 500),
          ...(memberCard ? { memberCard } : {}),
          ...(quote ? { quotedWait: quote } : {}),
          ...(followToken && input.language ? { follow: { token: followToken, language: input.language } } : {}),
        },
      },
      [db.tickets],
      async (_tx, command) => {
        const row: TicketRow = {
          id: requestId,
          ticket,
          kind: input.kind,
          status: 'queued',
          reason,
          serviceDay,
          createdAt: command.createdAt,
          commandId: command.id,
          rev: 0,
          desk: null,
          calledAt: null,
          calledSeenAt: null,
          errorCode: null,
          details,
          completedSeenAt: null,
          ratedAt: null,
          quote,
          followToken,
        };
        await db.tickets.add(row);
        return row;
      },
    );
    return local as TicketRow;
  });
}

/** "Call staff": a number for a reason, with an optional name and room. */
export function createCallStaffTicket(db: KioskDb, me: DeviceMe, input: CallStaffInput, now = new Date()): Promise<TicketRow> {
  return createRequestTicket(db, me, { kind: 'call_staff', ...input }, now);
}

/** The flusher settled some commands: mark their tickets delivered or rejected. */
export async function applyOutcomes(db: KioskDb, outcomes: PushOutcome[]): Promise<void> {
  await db.transaction('rw', db.tickets, async () => {
    for (const o of outcomes) {
      const row = await db.tickets.where('commandId').equals(o.id).first();
      if (!row) continue;
      if (o.outcome === 'rejected') await db.tickets.update(row.id, { status: 'rejected', errorCode: o.error.code });
      else if (row.status === 'queued') await db.tickets.update(row.id, { status: 'sent' });
    }
  });
}

/**
 * Merges what the server says about this kiosk's requests (snapshot or
 * events). Keeps the highest revision, so applying anything twice changes
 * nothing. Notes when a number is newly called (or recalled).
 */
export async function applyServerRequests(
  db: KioskDb,
  requests: KioskRequest[],
  opts: { now?: Date; serviceDay: string; fromSnapshot?: boolean },
): Promise<void> {
  const nowIso = (opts.now ?? new Date()).toISOString();
  await db.transaction('rw', db.tickets, async () => {
    for (const r of requests) {
      const have = await db.tickets.get(r.id);
      if (!have) {
        await db.tickets.add({
          id: r.id,
          ticket: r.ticket,
          kind: r.kind,
          status: r.status,
          reason: null,
          serviceDay: opts.serviceDay,
          createdAt: nowIso,
          commandId: null,
          rev: r.rev,
          desk: r.desk,
          calledAt: r.calledAt,
          calledSeenAt: r.status === 'called' && !opts.fromSnapshot ? nowIso : null,
          errorCode: null,
          completedSeenAt: r.status === 'completed' && !opts.fromSnapshot ? nowIso : null,
        });
        continue;
      }
      if (r.rev <= have.rev) continue;
      const newlyCalled = r.status === 'called' && (have.status !== 'called' || r.calledAt !== have.calledAt);
      await db.tickets.update(r.id, {
        status: r.status,
        rev: r.rev,
        desk: r.desk,
        calledAt: r.calledAt,
        calledSeenAt: newlyCalled ? nowIso : have.calledSeenAt,
        completedSeenAt: r.status === 'completed' && have.status !== 'completed' && !opts.fromSnapshot ? nowIso : (have.completedSeenAt ?? null),
      });
    }
  });
}

/** Forget finished tickets of past service days (queued ones stay until delivered). */
export async function pruneTickets(db: KioskDb, today: string): Promise<void> {
  await db.tickets
    .where('serviceDay')
    .below(today)
    .filter((r) => r.status !== 'queued')
    .delete();
}
