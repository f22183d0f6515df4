/**
 * The delivery worker, one in every server instance: claims due deliveries in small batches
 * (FOR UPDATE SKIP LOCKED, so instances on one PostgreSQL share the work), POSTs each with a
 * timeout, and records the result: 2xx is delivered, anything else is retried with backoff for
 * a day. A push never waits for it: the push only wrote the outbox rows. All state is in the
 * database, so after a restart (or a crash: the claim's lease runs out) pending rows go out.
 * It wakes when the notifier reports a new version (a commit that may have enqueued) while some endpoint is
 * switched on, else polls.
 */
import type { Notifier } from '../live/notifier.ts';
import type { Store } from '../store/store.ts';
import { DEFAULT_RETRY, nextAttemptAt, type RetryPolicy } from './backoff.ts';
import { anyActiveEndpoint, claimDue, recordAttempt, releaseClaims, type Claimed } from './deliveries.repo.ts';
import { signatureHeaders } from './signer.ts';
import { sweepStates } from './sweep.ts';

export interface WebhookWorkerOptions {
  store: Store;
  notifier: Notifier;
  now?: () => Date;
  retry?: RetryPolicy;
  /** How often the outbox is looked at without a wake-up; default 1 s. */
  pollMs?: number;
  /** How often overdue luggage and kiosk health are swept; default 30 s. */
  sweepMs?: number;
  /** One attempt's limit; default 10 s. */
  timeoutMs?: number;
  /** Deliveries claimed at once, and at most this many attempts under way; defaults 10 and 20. */
  batch?: number;
  maxInFlight?: number;
  /** Attempts under way to one endpoint at most (a receiver that hangs holds only these); default 4. */
  maxPerEndpoint?: number;
  onError?: (e: unknown) => void;
}

export type WebhookTiming = Pick<WebhookWorkerOptions, 'retry' | 'pollMs' | 'sweepMs' | 'timeoutMs'>;

export const DELIVERY_TIMEOUT_MS = 10_000;
/** A claim outlives its attempt's timeout by this much; after it, a row whose claimer died is due again. */
export const LEASE_MARGIN_MS = 5_000;

/** Sends one claimed delivery; returns the receiver's status or a short reason. */
async function attempt(d: Claimed, at: Date, timeoutMs: number, stopping: AbortSignal): Promise<{ ok: boolean; result: string } | null> {
  const body = JSON.stringify(d.payload);
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'lobbydesk-webhooks', ...signatureHeaders(d.id, at, body, d) },
      body,
      redirect: 'manual', // a redirect is an answer, not a place to send guests' data
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopping]),
    });
    await res.body?.cancel().catch(() => undefined);
    return { ok: res.status >= 200 && res.status < 300, result: String(res.status) };
  } catch (e) {
    if (stopping.aborted) return null; // shutting down: the lease runs out and an instance sends it again
    const err = e as Error & { cause?: { code?: string } };
    const result = err.name === 'TimeoutError' || err.name === 'AbortError' ? 'timeout' : err.cause?.code === 'ECONNREFUSED' ? 'refused' : (err.cause?.code ?? 'network error');
    return { ok: false, result };
  }
}

export function startWebhooks(o: WebhookWorkerOptions): { stop(): Promise<void>; wake(): void } {
  const now = o.now ?? (() => new Date());
  const retry = o.retry ?? DEFAULT_RETRY;
  const pollMs = o.pollMs ?? 1_000;
  const sweepMs = o.sweepMs ?? 30_000;
  const timeoutMs = o.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const batch = o.batch ?? 10;
  const maxInFlight = o.maxInFlight ?? 20;
  const maxPerEndpoint = o.maxPerEndpoint ?? 4;
  const onError = o.onError ?? (() => undefined);
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  let lastSweep = 0;
  let woken = false;
  const stopping = new AbortController();

  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  // A new version may have enqueued deliveries, but only where an endpoint is switched on: with none (most
  // properties), a busy lobby's commits do not each cost a claim. Refreshed by every poll, so a new endpoint
  // is seen within `pollMs`.
  let endpointsOn = true;
  const unsubscribe = o.notifier.subscribe(() => {
    if (endpointsOn) wake();
  });

  const deliver = async (d: Claimed) => {
    const at = now();
    const r = await attempt(d, at, timeoutMs, stopping.signal);
    if (!r) return;
    const done = now();
    await recordAttempt(o.store.db, d.id, done, r.result, r.ok ? { delivered: true } : { delivered: false, retryAt: nextAttemptAt(retry, d.attempts + 1, d.createdAt, done) });
  };

  const inFlight = new Set<Promise<void>>();
  const perEndpoint = new Map<string, number>();
  const loop = async () => {
    while (!stopped) {
      woken = false;
      let more = false;
      try {
        if (Date.now() - lastSweep >= sweepMs) {
          lastSweep = Date.now();
          await sweepStates(o.store, now());
        }
        endpointsOn = await anyActiveEndpoint(o.store.db);
        const room = maxInFlight - inFlight.size;
        if (room > 0 && endpointsOn) {
          const t = now();
          // The lease: longer than one attempt can take, so a live claimer always records first.
          const busyEndpoints = [...perEndpoint].filter(([, n]) => n >= maxPerEndpoint).map(([id]) => id);
          const claimed = await claimDue(o.store.db, t, new Date(t.getTime() + timeoutMs + LEASE_MARGIN_MS), Math.min(batch, room), busyEndpoints);
          more = claimed.length > 0 && inFlight.size + claimed.length < maxInFlight;
          // Each attempt runs on its own: a receiver that hangs holds its endpoint's few places, never the others' deliveries.
          const over: string[] = [];
          for (const d of claimed) {
            if ((perEndpoint.get(d.endpointId) ?? 0) >= maxPerEndpoint) {
              over.push(d.id);
              continue;
            }
            perEndpoint.set(d.endpointId, (perEndpoint.get(d.endpointId) ?? 0) + 1);
            const p: Promise<void> = deliver(d)
              .catch(onError)
              .finally(() => {
                inFlight.delete(p);
                const left = (perEndpoint.get(d.endpointId) ?? 1) - 1;
                if (left > 0) perEndpoint.set(d.endpointId, left);
                else perEndpoint.delete(d.endpointId);
                wake(); // the entity's next delivery may go now
              });
            inFlight.add(p);
          }
          await releaseClaims(o.store.db, over, t);
        }
      } catch (e) {
        if (!stopped) onError(e);
      }
      if (more || woken || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
    await Promise.all(inFlight);
  };
  const running = loop();

  return {
    wake,
    async stop() {
      stopped = true;
      stopping.abort();
      unsubscribe();
      wake();
      await running;
    },
  };
}
