import { z } from 'zod';
import { Command } from './commands.ts';
import { DisplaySettings } from './display.ts';
import { ErrorCode } from './errors.ts';
import { KioskEvent, KioskRequest, StaffEvent, WallEvent } from './events.ts';
import { Issue } from '../domain/issue.ts';
import { LuggageItem } from '../domain/luggage.ts';
import { ServiceRequest, WallRequest } from '../domain/request.ts';
import { Service } from '../domain/service.ts';

export const MAX_PUSH_BATCH = 100;
/** The server reads request bodies up to this many bytes (413 `payload_too_large` above). */
export const MAX_BODY_BYTES = 512 * 1024;
/** A client sends a push batch of at most this many bytes of JSON: half the body limit, room for a proxy's own. */
export const MAX_PUSH_BYTES = 256 * 1024;
/** One command larger than this (JSON bytes) can never be sent: the client refuses it at once, with a clear message. */
export const MAX_COMMAND_BYTES = MAX_PUSH_BYTES - 1024;
export const MAX_PULL_BATCH = 500;

export const PushRequest = z.object({
  deviceId: z.uuid(),
  commands: z.array(Command).min(1).max(MAX_PUSH_BATCH),
  /** The device's clock when it sent the batch: the server measures the device's clock offset from it. */
  sentAt: z.iso.datetime({ offset: true }).optional(),
});
export type PushRequest = z.infer<typeof PushRequest>;

/** Largest sequence number a device may use (the column is a 32-bit integer). */
export const MAX_SEQ = 2 ** 31 - 1;
/**
 * What the server needs of a batch before it looks at each command: the
 * device, the batch's clock, and for each command only its id, number and
 * type. Each command is then read with `Command` on its own: one whose content
 * fails the schema is *rejected* (`bad_request`) and its number still
 * advances, so a command with bad content never blocks the ones behind it.
 * A batch whose envelope itself is broken is a 400.
 */
export const CommandEnvelope = z.looseObject({
  id: z.uuid(),
  deviceId: z.uuid(),
  seq: z.number().int().positive().max(MAX_SEQ),
  type: z.string().regex(/^[a-z][a-z_.]{0,63}$/, 'type is a command name'),
});
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;
export const PushEnvelope = z.object({
  deviceId: z.uuid(),
  commands: z.array(CommandEnvelope).min(1).max(MAX_PUSH_BATCH),
  sentAt: z.iso.datetime({ offset: true }).optional(),
});
export type PushEnvelope = z.infer<typeof PushEnvelope>;

/** The closed set of push outcomes. A rejected command still advances the device's sequence. */
export const PushOutcome = z.discriminatedUnion('outcome', [
  z.object({ seq: z.number().int(), id: z.uuid(), outcome: z.literal('applied'), result: z.unknown() }),
  z.object({ seq: z.number().int(), id: z.uuid(), outcome: z.literal('duplicate'), result: z.unknown() }),
  z.object({
    seq: z.number().int(),
    id: z.uuid(),
    outcome: z.literal('rejected'),
    error: z.object({ code: ErrorCode, message: z.string() }),
  }),
]);
export type PushOutcome = z.infer<typeof PushOutcome>;

export const PushResponse = z.object({
  outcomes: z.array(PushOutcome),
  lastSeq: z.number().int().nonnegative(),
  serverTime: z.string(),
});
export type PushResponse = z.infer<typeof PushResponse>;

/**
 * 409 `seq_gap` details: the server stopped at a command whose number it
 * cannot take (a gap, or a number it already holds for another command).
 * `outcomes` are the commands of the batch it did settle before stopping.
 */
export const SeqGapDetails = z.object({ expectedSeq: z.number().int().positive(), outcomes: z.array(PushOutcome) });

export const PullQuery = z.object({ after: z.coerce.number().int().nonnegative() });

const pullOf = <E extends z.ZodType>(event: E) =>
  z.object({ version: z.number().int().nonnegative(), events: z.array(event), hasMore: z.boolean(), reset: z.boolean() });
export const StaffPull = pullOf(StaffEvent);
export const WallPull = pullOf(WallEvent);
export const KioskPull = pullOf(KioskEvent);
export type StaffPull = z.infer<typeof StaffPull>;
export type WallPull = z.infer<typeof WallPull>;
export type KioskPull = z.infer<typeof KioskPull>;
/** `GET /api/sync/pull`: the caller's audience decides which feed it reads (staff, wall or kiosk). */
export const PullResponse = z.union([StaffPull, WallPull, KioskPull]);

/** The state to start from (or restart from after a reset): active and today's requests. */
/** `services`: the whole catalog, retired included, for every audience (absent from a server older than the catalog). */
const Catalog = z.array(Service).default([]);
export const StaffSnapshot = z.object({ version: z.number().int().nonnegative(), requests: z.array(ServiceRequest), services: Catalog, issues: z.array(Issue), luggage: z.array(LuggageItem) });
export const WallSnapshot = z.object({ version: z.number().int().nonnegative(), requests: z.array(WallRequest), services: Catalog, display: DisplaySettings });
export const KioskSnapshot = z.object({ version: z.number().int().nonnegative(), requests: z.array(KioskRequest), services: Catalog });
export type StaffSnapshot = z.infer<typeof StaffSnapshot>;
export type WallSnapshot = z.infer<typeof WallSnapshot>;
export type KioskSnapshot = z.infer<typeof KioskSnapshot>;
/** `GET /api/sync/snapshot`: the caller's audience decides which one it gets. */
export const SnapshotResponse = z.union([StaffSnapshot, WallSnapshot, KioskSnapshot]);
