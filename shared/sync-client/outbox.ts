import Dexie, { type Table, type Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { Command, CommandDraft } from '../protocol/commands.ts';
import { MAX_COMMAND_BYTES } from '../protocol/sync.ts';

export interface OutboxRow {
  seq: number;
  command: Command;
  attempts: number;
}
export interface RejectedRow {
  seq: number;
  command: Command;
  code: string;
  message: string;
  at: string;
}
export interface MetaRow {
  key: string;
  value: unknown;
}

/** Stores every client database needs; apps add their own tables next to these. */
export const SYNC_STORES = {
  outbox: 'seq',
  rejected: 'seq',
  meta: 'key',
} as const;

export interface SyncTables {
  outbox: Table<OutboxRow, number>;
  rejected: Table<RejectedRow, number>;
  meta: Table<MetaRow, string>;
}
export type SyncDexie = Dexie & SyncTables;

export async function getMeta<T>(db: SyncDexie, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}
export async function setMeta(db: SyncDexie, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** The bytes a command takes in a push body (UTF-8 JSON). */
export function commandBytes(command: Command): number {
  return new TextEncoder().encode(JSON.stringify(command)).length;
}

/** A command too large to ever be sent: refused before it is queued (nothing is written). */
export class CommandTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`Too large to send (${Math.ceil(bytes / 1024)} kB; the most is ${Math.floor(MAX_COMMAND_BYTES / 1024)} kB). Shorten the text and try again.`);
  }
}

/**
 * Writes a command to the outbox in the same transaction as the caller's
 * local view (`localWrite`), so the guest's answer and the command to deliver
 * it can never part. Never awaits the network.
 */
export async function enqueue<R>(
  db: SyncDexie,
  deviceId: string,
  draft: CommandDraft,
  extraTables: Table[] = [],
  localWrite?: (tx: Transaction, command: Command) => Promise<R>,
): Promise<{ command: Command; local: R | undefined }> {
  return db.transaction('rw', [db.outbox, db.meta, ...extraTables], async (tx) => {
    const next = ((await db.meta.get('nextSeq'))?.value as number | undefined) ?? 1;
    const command = { ...draft, id: uuidv7(), deviceId, seq: next, createdAt: new Date().toISOString() } as Command;
    const bytes = commandBytes(command);
    if (bytes > MAX_COMMAND_BYTES) throw new CommandTooLarge(bytes);
    await db.outbox.add({ seq: next, command, attempts: 0 });
    await db.meta.put({ key: 'nextSeq', value: next + 1 });
    const local = localWrite ? await localWrite(tx, command) : undefined;
    return { command, local };
  });
}

/**
 * The server expects `expectedSeq` next but the queue does not start there
 * (storage wiped, server restored from a backup). Every command still queued
 * is unknown to the server under its number (known ids are answered as
 * duplicates by id), so renumbering the queue from `expectedSeq` is safe.
 */
export async function renumberFrom(db: SyncDexie, expectedSeq: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    const rows = await db.outbox.orderBy('seq').toArray();
    await db.outbox.clear();
    let seq = expectedSeq;
    for (const row of rows) {
      await db.outbox.add({ ...row, seq, command: { ...row.command, seq } });
      seq += 1;
    }
    await db.meta.put({ key: 'nextSeq', value: seq });
  });
}
