/**
 * The luggage ledger as the tablet knows it, kept apart from the requests:
 * its own signal, written only by `engine.ts` (snapshot, `luggage.upserted`
 * events, or the view saved on the tablet when it starts offline), read by
 * the luggage screen.
 */
import { computed, signal } from '@preact/signals';
import { upsertByRev } from '../../../shared/domain/request.ts';
import type { LuggageItem } from '../../../shared/domain/luggage.ts';
import type { ErrorCode } from '../../../shared/protocol/errors.ts';
import type { CommandType } from '../../../shared/protocol/commands.ts';
import { luggageCommands } from '../../../shared/protocol/luggage.commands.ts';
import type { SyncSlice } from './slice.ts';

export const serverLuggage = signal<ReadonlyMap<string, LuggageItem>>(new Map());
export const luggageList = computed(() => [...serverLuggage.value.values()]);

export function replaceLuggage(items: LuggageItem[]): void {
  serverLuggage.value = new Map(items.map((i) => [i.id, i]));
}
export function upsertLuggage(items: LuggageItem[]): void {
  if (items.length) serverLuggage.value = upsertByRev(serverLuggage.value, items);
}

/** How the server answered a command this tablet sent, by command id (so a dialog can wait for its own). */
export type CommandResult = { ok: true; result?: unknown } | { ok: false; code: ErrorCode; message: string };
export const commandResults = signal<ReadonlyMap<string, CommandResult>>(new Map());

export function recordResults(list: { id: string; result: CommandResult }[]): void {
  if (list.length === 0) return;
  const next = new Map(commandResults.value);
  for (const r of list) next.set(r.id, r.result);
  // Keep the most recent answers only.
  while (next.size > 200) next.delete(next.keys().next().value!);
  commandResults.value = next;
}

/** The luggage ledger's (and shoe care's) part of the tablet's sync (slice.ts). */
export const luggageSlice: SyncSlice = {
  name: 'luggage',
  commands: Object.keys(luggageCommands) as CommandType[],
  onSnapshot: (s) => replaceLuggage(s.luggage),
  onEvents: (events) => upsertLuggage(events.flatMap((e) => (e.type === 'luggage.upserted' ? [e.item] : []))),
  notice: (command, error) => ({ type: 'luggage_rejected', command: command?.type ?? '', code: error.code, message: error.message }),
  reset: () => replaceLuggage([]),
};
