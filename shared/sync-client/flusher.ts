import { liveQuery } from 'dexie';
import { signal, type Signal } from '@preact/signals';
import { MAX_COMMAND_BYTES, MAX_PUSH_BATCH, MAX_PUSH_BYTES, PushResponse, SeqGapDetails, type PushOutcome } from '../protocol/sync.ts';
import { backoffDelay } from './backoff.ts';
import { Api, ApiFailure, isTransient } from './http.ts';
import { commandBytes, renumberFrom, type OutboxRow, type SyncDexie } from './outbox.ts';

export type FlushState = 'idle' | 'sending' | 'retrying' | 'unauthorized' | 'outdated';

export interface FlusherOptions {
  db: SyncDexie;
  api: Api;
  deviceId: () => string | null;
  /** Called after outcomes are settled in the outbox, e.g. to mark a local ticket as delivered. */
  onOutcomes?: (outcomes: PushOutcome[]) => void | Promise<void>;
  random?: () => number;
}

/**
 * The one loop that delivers a device's outbox, in order, exactly once.
 * Across tabs of one device a Web Lock elects a single flusher. Transient
 * failures back off with full jitter; nothing is ever dropped: a command the
 * server rejects is moved to `rejected`, where staff can see it.
 */
export class Flusher {
  readonly pending: Signal<number> = signal(0);
  readonly state: Signal<FlushState> = signal('idle');
  readonly lastSyncAt: Signal<string | null> = signal(null);
  readonly lastError: Signal<string | null> = signal(null);
  private wake: (() => void) | null = null;
  private stopped = false;
  private attempt = 0;
  /** The most commands per batch: halved on a 413 (a proxy with a smaller limit), doubled back after each success. */
  private maxCount = MAX_PUSH_BATCH;
  private sub: { unsubscribe(): void } | null = null;
  private onOnline = () => this.kick();

  constructor(private readonly o: FlusherOptions) {}

  start(): void {
    this.stopped = false;
    this.sub = liveQuery(() => this.o.db.outbox.count()).subscribe({ next: (n) => (this.pending.value = n) });
    globalThis.addEventListener?.('online', this.onOnline);
    const run = () => this.loop();
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (locks) void locks.request('lobbydesk-flusher', run);
    else void run();
  }

  stop(): void {
    this.stopped = true;
    this.sub?.unsubscribe();
    globalThis.removeEventListener?.('online', this.onOnline);
    this.kick();
  }

  /** Something was queued or the network came back: try now. */
  kick(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const deviceId = this.o.deviceId();
      const rows = deviceId ? await this.o.db.outbox.orderBy('seq').limit(this.maxCount).toArray() : [];
      if (rows[0] && commandBytes(rows[0].command) > MAX_COMMAND_BYTES) {
        await this.quarantineHead(tooLarge());
        continue;
      }
      const batch = fitBytes(rows, MAX_PUSH_BYTES);
      if (!deviceId || batch.length === 0) {
        this.state.value = 'idle';
        await this.sleep(30_000);
        continue;
      }
      this.state.value = this.attempt === 0 ? 'sending' : 'retrying';
      try {
        const res = await this.o.api.post('/api/sync/push', { deviceId, commands: batch.map((r) => r.command), sentAt: new Date().toISOString() }, PushResponse);
        await this.settle(res.outcomes);
        this.maxCount = Math.min(MAX_PUSH_BATCH, this.maxCount * 2);
        this.attempt = 0;
        this.lastError.value = null;
        this.lastSyncAt.value = new Date().toISOString();
      } catch (e) {
        await this.handleFailure(e);
      }
    }
  }

  private async handleFailure(e: unknown): Promise<void> {
    this.lastError.value = e instanceof Error ? e.message : String(e);
    if (e instanceof ApiFailure && e.code === 'seq_gap') {
      const details = SeqGapDetails.safeParse(e.details);
      if (details.success) {
        await this.settle(details.data.outcomes);
        await renumberFrom(this.o.db, details.data.expectedSeq);
        return;
      }
    }
    if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) {
      this.state.value = 'unauthorized'; // keep everything; wait for re-pairing or a kick
      await this.sleep(60_000);
      return;
    }
    if (e instanceof ApiFailure && e.code === 'protocol_outdated') {
      this.state.value = 'outdated'; // the app update will take over; keep the queue
      await this.sleep(60_000);
      return;
    }
    if (e instanceof ApiFailure && e.status === 413) {
      // Something in front of the server takes less than we sent: send fewer at a time; one command alone that is still too large never will go.
      if (this.maxCount > 1) this.maxCount = Math.max(1, Math.floor(this.maxCount / 2));
      else await this.quarantineHead(tooLarge());
      return;
    }
    if (!isTransient(e) && e instanceof ApiFailure && e.status === 400) {
      // A command the server cannot read will never be accepted: keep it, visibly, out of the way.
      await this.quarantineHead(e);
      return;
    }
    this.state.value = 'retrying';
    this.attempt += 1;
    await this.sleep(backoffDelay(this.attempt, 500, 30_000, this.o.random));
  }

  private async quarantineHead(e: ApiFailure): Promise<void> {
    const { db } = this.o;
    const head = await db.transaction('rw', [db.outbox, db.rejected], async () => {
      const head = await db.outbox.orderBy('seq').first();
      if (!head) return null;
      await db.rejected.put({ seq: head.seq, command: head.command, code: e.code, message: e.message, at: new Date().toISOString() });
      await db.outbox.delete(head.seq);
      return head;
    });
    // Tell the app, as for a rejection the server answered, so the refusal is shown and not lost silently.
    if (head) await this.o.onOutcomes?.([{ seq: head.seq, id: head.command.id, outcome: 'rejected', error: { code: e.code, message: e.message } }]);
  }

  private async settle(outcomes: PushOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    const { db } = this.o;
    await db.transaction('rw', [db.outbox, db.rejected], async () => {
      for (const o of outcomes) {
        if (o.outcome === 'rejected') {
          const row = await db.outbox.get(o.seq);
          if (row) await db.rejected.put({ seq: o.seq, command: row.command, code: o.error.code, message: o.error.message, at: new Date().toISOString() });
        }
        await db.outbox.delete(o.seq);
      }
    });
    await this.o.onOutcomes?.(outcomes);
  }
}

/** The longest run of rows from the head whose JSON fits in `maxBytes` (always at least the head). */
export function fitBytes(rows: OutboxRow[], maxBytes: number): OutboxRow[] {
  let bytes = 200; // the batch's own fields
  let n = 0;
  for (const row of rows) {
    bytes += commandBytes(row.command) + 1;
    if (n > 0 && bytes > maxBytes) break;
    n += 1;
  }
  return rows.slice(0, n);
}

function tooLarge(): ApiFailure {
  return new ApiFailure(413, 'payload_too_large', 'Too large to send: the server can never accept this command. Shorten the text and try again.');
}
