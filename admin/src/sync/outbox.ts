/**
 * Staff actions enter the outbox here, stamped with who took them, and the
 * flusher is woken. A shared tablet may deliver an action after that person
 * signed out; the server then refuses it (`actor_signed_out`) instead of
 * crediting whoever is signed in.
 */
import type { Command, CommandDraft } from '../../../shared/protocol/commands.ts';
import { enqueue } from '../../../shared/sync-client/outbox.ts';
import { db } from './db.ts';
import { currentEngine } from './current-engine.ts';

/**
 * Queues `draft` for the signed-in session and wakes the flusher; null when no
 * session runs. `beforeSend` sees the stored command first (optimistic state).
 */
export async function sendAction(draft: CommandDraft, beforeSend?: (command: Command) => void): Promise<Command | null> {
  const engine = currentEngine();
  if (!engine) return null;
  const { command } = await enqueue(db, engine.deviceId, { ...draft, actor: engine.actor });
  beforeSend?.(command);
  engine.flusher.kick();
  return command;
}
