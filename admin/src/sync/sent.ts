/**
 * A command this tablet queued, as the screens follow it: its id (to find the server's answer)
 * and its type (to read the answer with that command's result schema, `useCommand`).
 */
import type { CommandDraft, CommandType } from '../../../shared/protocol/commands.ts';
import { sendAction } from './outbox.ts';

export interface Sent<T extends CommandType> {
  id: string;
  type: T;
}

/** Queues `draft` for the signed-in session; null when no session runs. */
export async function sendCommand<T extends CommandType>(draft: Extract<CommandDraft, { type: T }>): Promise<Sent<T> | null> {
  const command = await sendAction(draft);
  return command ? { id: command.id, type: draft.type } : null;
}
