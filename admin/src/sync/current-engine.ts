/**
 * The running session's engine, held apart from engine.ts: the outbox and the
 * actions reach it here, so that nothing the engine imports (the slices and
 * their outbox) has to import the engine back.
 */
import type { StaffEvent } from '../../../shared/protocol/events.ts';
import type { StaffSnapshot } from '../../../shared/protocol/sync.ts';
import type { Flusher } from '../../../shared/sync-client/flusher.ts';
import type { Follower } from '../../../shared/sync-client/follower.ts';

export interface Engine {
  deviceId: string;
  /** The signed-in staff member: every action this session queues is stamped with it. */
  actor: string;
  flusher: Flusher;
  follower: Follower<StaffSnapshot, StaffEvent>;
  syncNow(): Promise<void>;
  stop(): void;
}

let current: Engine | null = null;

/** The engine of the signed-in session; null when none runs. */
export const currentEngine = (): Engine | null => current;

/** Set by startEngine, cleared when that engine stops. */
export function setCurrentEngine(engine: Engine | null): void {
  current = engine;
}
