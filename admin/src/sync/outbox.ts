/**
 * Staff actions enter the outbox here, stamped with who took them. A shared
 * tablet may deliver an action after that person signed out; the server then
 * refuses it (`actor_signed_out`) instead of crediting whoever is signed in.
 */
import type { CommandDraft } from '../../../shared/protocol/commands.ts';
import { enqueue } from '../../../shared/sync-client/outbox.ts';
import { db } from './db.ts';
import type { Engine } from './engine.ts';

export function enqueueAction(engine: Engine, draft: CommandDraft) {
  return enqueue(db, engine.deviceId, { ...draft, actor: engine.actor });
}
