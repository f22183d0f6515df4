import { z } from 'zod';
import { CallReason, RequestAction, RequestKind, RequestStatus, ServiceDay, TicketNumber } from '../domain/request.ts';

const FreeText = (max: number) => z.string().trim().max(max);

/** Who may send a command type: the server refuses the rest with `forbidden`. */
export const COMMAND_SENDERS = {
  'request.create': ['kiosk', 'staff'],
  'request.transition': ['staff'],
} as const satisfies Record<string, readonly ('kiosk' | 'staff')[]>;

export const RequestCreatePayload = z.object({
  requestId: z.uuid(),
  kind: RequestKind,
  ticket: TicketNumber,
  serviceDay: ServiceDay,
  reason: CallReason.nullable().default(null),
  guestName: FreeText(80).nullable().default(null),
  room: FreeText(12).nullable().default(null),
  note: FreeText(500).nullable().default(null),
});

export const RequestTransitionPayload = z.object({
  requestId: z.uuid(),
  action: RequestAction,
  /** The status the sender saw; a different current status is a conflict. */
  expectedStatus: RequestStatus,
  desk: FreeText(40).nullable().default(null),
});

const envelope = {
  id: z.uuid(),
  deviceId: z.uuid(),
  seq: z.number().int().positive(),
  createdAt: z.iso.datetime({ offset: true }), // client clock
};

export const Command = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('request.create'), payload: RequestCreatePayload }),
  z.object({ ...envelope, type: z.literal('request.transition'), payload: RequestTransitionPayload }),
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
/** A command as a client writes it, before it has a sequence number. */
export type CommandDraft = { [T in CommandType]: Omit<CommandOf<T>, 'seq' | 'deviceId' | 'id' | 'createdAt'> }[CommandType];
