import type { z } from 'zod';
import type { Api } from './http.ts';
import { LiveStream } from './live.ts';

interface Versioned {
  version: number;
}
interface PullShape<E> {
  version: number;
  events: E[];
  hasMore: boolean;
  reset: boolean;
}

export interface FollowerOptions<S extends Versioned, E> {
  api: Api;
  snapshot: z.ZodType<S>;
  pull: z.ZodType<PullShape<E>>;
  onSnapshot: (s: S) => void;
  onEvents: (events: E[]) => void;
}

/**
 * Keeps a client's view of the server current: a snapshot to start, then
 * pulls after the last version it saw, woken by the live stream and on every
 * reconnect. A cursor the server does not know answers `reset`: take a new
 * snapshot. Concurrent wake-ups collapse into one pull loop.
 */
export class Follower<S extends Versioned, E> {
  version = -1;
  readonly live: LiveStream;
  private pulling: Promise<void> | null = null;
  private again = false;

  constructor(private readonly o: FollowerOptions<S, E>) {
    const wake = () => void this.sync().catch(() => undefined); // the next hint or reconnect retries
    this.live = new LiveStream(o.api, (v) => {
      if (v > this.version) wake();
    }, wake);
  }

  start(): void {
    this.live.start();
  }
  stop(): void {
    this.live.stop();
  }

  /** Bring the view up to date; safe to call any number of times. */
  sync(): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      do {
        this.again = false;
        await this.catchUp();
      } while (this.again);
    })().finally(() => {
      this.pulling = null;
    });
    return this.pulling;
  }

  private async catchUp(): Promise<void> {
    if (this.version < 0) return this.resnapshot();
    for (;;) {
      const page = await this.o.api.get(`/api/sync/pull?after=${this.version}`, this.o.pull);
      if (page.reset) return this.resnapshot();
      if (page.events.length) this.o.onEvents(page.events);
      this.version = page.version;
      if (!page.hasMore) return;
    }
  }

  private async resnapshot(): Promise<void> {
    const snap = await this.o.api.get('/api/sync/snapshot', this.o.snapshot);
    this.o.onSnapshot(snap);
    this.version = snap.version;
  }
}
