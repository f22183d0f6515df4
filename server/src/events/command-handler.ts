/**
 * The server side of a command's definition: its handler. Each domain exports its handlers as
 * one slice (`defineHandlers`), typed by the command definitions in shared/protocol: a handler
 * takes exactly its command's payload and must answer its command's result type. The push
 * service merges the slices and the compiler checks that every command type has a handler.
 */
import type { CommandOf, CommandResult, CommandType } from '../../../shared/protocol/commands.ts';
import type { Principal } from '../auth/principal.ts';
import type { CardKeys } from '../members/cards.service.ts';
import type { Tx } from '../store/store.ts';
import type { Applied } from './applied.ts';

/** What handlers need beyond the transaction: the card key that verifies a request's member card. */
export interface HandlerDeps {
  cardKeys: CardKeys;
}

/** Runs inside the push's transaction and the command's own savepoint; a DomainError it throws rejects this command only. */
export type CommandHandler<T extends CommandType> = (trx: Tx, who: Principal, cmd: CommandOf<T>, now: Date, clockOffsetMs: number, deps: HandlerDeps) => Promise<Applied<CommandResult<T>>>;

export type HandlerSlice<K extends CommandType> = { [T in K]: CommandHandler<T> };

/**
 * Optional, for a command type that arrives in runs (a kiosk replaying its queue): applies consecutive commands of
 * that type with a few set-based statements, answering each one's result in order. Runs only on the push's fast
 * path (no savepoints): a DomainError means one of them may be rejected, and the batch is applied again one by one
 * with the plain handler, which must give the same results.
 */
export type BatchHandler<T extends CommandType> = (trx: Tx, who: Principal, cmds: CommandOf<T>[], now: Date, clockOffsetMs: number, deps: HandlerDeps) => Promise<CommandResult<T>[]>;

export type BatchSlice<K extends CommandType> = { [T in K]?: BatchHandler<T> };

/** A domain's handlers, one per command type it defines. */
export function defineHandlers<K extends CommandType>(slice: HandlerSlice<K>): HandlerSlice<K> {
  return slice;
}
