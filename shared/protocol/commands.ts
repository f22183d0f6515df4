/**
 * Every command, merged from the domains' definitions (request, feedback, luggage, issue,
 * member .commands.ts). Each domain defines a command once — payload, result, senders — and
 * everything else is derived here: the `Command` union the server parses each pushed command
 * with, `COMMAND_SENDERS`, `CommandOf<T>`, `CommandDraft` and the typed `CommandResult<T>`.
 * Adding a command to a domain is one entry in its definitions; the compiler then asks for
 * its handler in that domain's server slice.
 */
import { z } from 'zod';
import type { CommandDef, Sender } from './command-def.ts';
import { feedbackCommands } from './feedback.commands.ts';
import { issueCommands } from './issue.commands.ts';
import { luggageCommands } from './luggage.commands.ts';
import { memberCommands } from './member.commands.ts';
import { requestCommands } from './request.commands.ts';
import { FreeText } from '../domain/text.ts';

export const COMMANDS = { ...requestCommands, ...feedbackCommands, ...luggageCommands, ...issueCommands, ...memberCommands } as const satisfies Record<string, CommandDef>;
type Commands = typeof COMMANDS;
export type CommandType = keyof Commands;
export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

/** Who may send each command type: the server refuses the rest with `forbidden`. */
export const COMMAND_SENDERS = Object.fromEntries(COMMAND_TYPES.map((t) => [t, COMMANDS[t].senders])) as { [T in CommandType]: Commands[T]['senders'] };
export function maySend(type: CommandType, sender: Sender): boolean {
  const senders: readonly Sender[] = COMMANDS[type].senders;
  return senders.includes(sender);
}

const envelope = {
  id: z.uuid(),
  deviceId: z.uuid(),
  seq: z.number().int().positive().max(2 ** 31 - 1),
  createdAt: z.iso.datetime({ offset: true }), // client clock
  /**
   * Staff commands: the staff id of whoever took the action on the tablet. A
   * shared tablet may deliver it after that person signed out; the server
   * then refuses it (`actor_signed_out`) rather than credit the next person.
   */
  actor: FreeText(64, { min: 1 }).optional(),
};

/** A command of type `T`, as parsed (payload defaults applied). */
export type CommandOf<T extends CommandType> = {
  id: string;
  deviceId: string;
  seq: number;
  createdAt: string;
  actor?: string | undefined;
  type: T;
  payload: z.output<Commands[T]['payload']>;
};
export type Command = { [T in CommandType]: CommandOf<T> }[CommandType];
/** What an applied command of type `T` answers (kept by the server, sent again for a duplicate). */
export type CommandResult<T extends CommandType> = z.output<Commands[T]['result']>;
/** A command as a client writes it, before it has a sequence number. */
export type CommandDraft = { [T in CommandType]: Omit<CommandOf<T>, 'seq' | 'deviceId' | 'id' | 'createdAt'> }[CommandType];

const variants = COMMAND_TYPES.map((type) => z.object({ ...envelope, type: z.literal(type), payload: COMMANDS[type].payload }));
/** Parses one pushed command: its envelope, and its payload by its type. */
export const Command = z.discriminatedUnion('type', variants as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<Command>;

/** A command's payload schema, by type (clients parse what they read back with it). */
export function payloadOf<T extends CommandType>(type: T): Commands[T]['payload'] {
  return COMMANDS[type].payload;
}
/** A command's result schema, by type: a client reads an applied command's answer with it. */
export function resultOf<T extends CommandType>(type: T): Commands[T]['result'] {
  return COMMANDS[type].result;
}
