/**
 * The shape of one command's definition: its payload, the result an applied command answers,
 * and who may send it. Each domain defines its commands once with `defineCommands`
 * (request.commands.ts, feedback.commands.ts, luggage.commands.ts, issue.commands.ts,
 * member.commands.ts); commands.ts merges them and derives the union, the sender rules and
 * the typed results.
 */
import type { z } from 'zod';

export type Sender = 'kiosk' | 'staff';

export interface CommandDef {
  payload: z.ZodType;
  result: z.ZodType;
  /** Who may send it: the server refuses the rest with `forbidden`. */
  senders: readonly Sender[];
}

export function defineCommands<const D extends Record<string, CommandDef>>(defs: D): D {
  return defs;
}
