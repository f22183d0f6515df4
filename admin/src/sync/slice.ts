/**
 * What the tablet's sync engine knows of each part of the staff view: a slice registers what it
 * does with a snapshot, a batch of events, the outcomes of this tablet's commands, a refusal of
 * one of its own commands, and a sign-out. The engine loops over `SLICES` (slices.ts) and knows
 * none of them by name; a new part of the view is one slice and one line in that list.
 */
import type { Command, CommandType } from '../../../shared/protocol/commands.ts';
import type { ErrorCode } from '../../../shared/protocol/errors.ts';
import type { StaffEvent } from '../../../shared/protocol/events.ts';
import type { PushOutcome, StaffSnapshot } from '../../../shared/protocol/sync.ts';
import type { NoticeInput } from './queries.ts';

export interface SyncSlice {
  name: string;
  /** The command types whose refusals this slice explains to staff (`notice`). */
  commands: readonly CommandType[];
  /** A (re)start or reset from the server's state. */
  onSnapshot(snapshot: StaffSnapshot): void;
  onEvents(events: readonly StaffEvent[]): void;
  /** Every outcome of this tablet's pushes (applied, duplicate or rejected). */
  onOutcomes?(outcomes: readonly PushOutcome[]): void;
  /** What to tell staff when the server refused one of `commands` (after a pull, so the current state is known); undefined when the tablet no longer holds the command. */
  notice(command: Command | undefined, error: { code: ErrorCode; message: string }): NoticeInput;
  /** Sign-out: forget this session's view. */
  reset(): void;
}

export function ownsCommand(slice: SyncSlice, type: string): boolean {
  return (slice.commands as readonly string[]).includes(type);
}
