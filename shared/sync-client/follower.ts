import type { z } from 'zod';
import { backoffDelay } from './backoff.ts';
import { isTransient, type Api } from './http.ts';
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
 * snapshot. Concurrent wake-ups collapse into one pull loop. A wake-up whose
 * pull fails for a passing reason (network, 5xx) is tried again with backoff
 * until it lands: the stream may stay up while the pull failed, and the next
 * hint could be a long time away.
 */
export class Follower<S extends Versioned, E> {
  version = -1;
  readonly live: LiveStream;
  private pulling: Promise<void> | null = null;
  private again = false;
  private following = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;

  constructor(private readonly o: FollowerOptions<S, E>) {
    this.live = new LiveStream(o.api, (v) => {
      if (v > this.version) this.wake();
    }, this.wake);
  }

  start(): void {
    this.following = true;
    this.live.start();
  }
  stop(): void {
    this.following = false;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.live.stop();
  }

  private wake = (): void => {
    void this.sync().then(
      () => {
        this.failures = 0;
      },
      (e: unknown) => {
        if (!this.following || this.retry || !isTransient(e)) return;
        this.failures += 1;
        this.retry = setTimeout(() => {
          this.retry = null;
          if (this.following) this.wake();
        }, Math.max(250, backoffDelay(this.failures, 500, 10_000)));
      },
    );
  };

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
