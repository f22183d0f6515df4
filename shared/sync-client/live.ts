import { signal, type Signal } from '@preact/signals';
import { createParser } from 'eventsource-parser';
import { LiveHint } from '../protocol/events.ts';
import { backoffDelay } from './backoff.ts';
import type { Api } from './http.ts';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * Server-Sent Events over fetch (so kiosk and wall can send their bearer
 * token). Hints carry only the new version; `onHint` pulls. Resumes with
 * Last-Event-ID, treats 45 s of silence as a dead connection (the server
 * sends a heartbeat every 15 s), and reconnects with jittered backoff.
 */
export class LiveStream {
  readonly status: Signal<LiveStatus> = signal('connecting');
  readonly since: Signal<string | null> = signal(null); // when the current reconnecting spell began
  private lastId: string | null = null;
  private abort: AbortController | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  // The browser knows before the 45 s watchdog does: drop the stream when it goes offline, retry when it is back.
  private onOffline = () => this.abort?.abort();
  private onOnline = () => this.wake?.();

  constructor(
    private readonly api: Api,
    private readonly onHint: (version: number) => void,
    private readonly onConnected: () => void,
    private readonly path = '/api/sync/live',
  ) {}

  start(): void {
    this.stopped = false;
    globalThis.addEventListener?.('offline', this.onOffline);
    globalThis.addEventListener?.('online', this.onOnline);
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    globalThis.removeEventListener?.('offline', this.onOffline);
    globalThis.removeEventListener?.('online', this.onOnline);
    this.abort?.abort();
  }

  private setStatus(s: LiveStatus): void {
    if (s === 'reconnecting' && this.status.value !== 'reconnecting') this.since.value = new Date().toISOString();
    if (s === 'live') this.since.value = null;
    this.status.value = s;
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      try {
        await this.connectOnce(() => {
          attempt = 0;
        });
      } catch {
        /* fall through to reconnect */
      }
      if (this.stopped) return;
      this.setStatus('reconnecting');
      attempt += 1;
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.max(250, backoffDelay(attempt, 500, 10_000)));
        this.wake = () => {
          clearTimeout(t);
          r();
        };
      });
      this.wake = null;
    }
  }

  private async connectOnce(onOpen: () => void): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    let watchdog = setTimeout(() => abort.abort(), 45_000);
    const feed = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => abort.abort(), 45_000);
    };
    try {
      const headers = this.api.headers({ accept: 'text/event-stream' });
      if (this.lastId) headers['last-event-id'] = this.lastId;
      const res = await fetch(this.api.url(this.path), { headers, signal: abort.signal, credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok || !res.body) throw new Error(`live stream HTTP ${res.status}`);
      onOpen();
      this.setStatus('live');
      this.onConnected();
      const parser = createParser({
        onEvent: (ev) => {
          if (ev.id) this.lastId = ev.id;
          const hint = LiveHint.safeParse(safeJson(ev.data));
          if (hint.success) this.onHint(hint.data.version);
        },
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        feed();
        parser.feed(value);
      }
    } finally {
      clearTimeout(watchdog);
    }
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
