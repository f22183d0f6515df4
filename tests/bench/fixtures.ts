/** Shared set-up for benchmarks: kiosks, commands, SSE listeners, statistics. Not measured itself. */
import { createParser } from 'eventsource-parser';
import { v7 as uuidv7 } from 'uuid';
import { newToken, tokenHash } from '../../server/src/auth/secrets.ts';
import type { Command } from '../../shared/protocol/commands.ts';
import { addDays, formatTicket, KIOSK_LETTERS, serviceDayOf } from '../../shared/domain/ticket.ts';
import type { TestServer } from '../support/server.ts';

export interface SimKiosk {
  id: string;
  token: string;
  seq: number;
  /** Its ticket letter: a kiosk issues only its own numbers. */
  letter: string;
  /** Its last ticket number per service day. */
  counters: Map<string, number>;
}

/**
 * Inserts `n` kiosk devices directly (pairing is rate limited by design),
 * each with a free ticket letter; bench kiosks of earlier runs on the same
 * server are revoked to free theirs. A property has at most 23 kiosks (one
 * letter each), so `n` is at most the letters left after the real kiosks'.
 */
export async function makeKiosks(server: TestServer, n: number): Promise<SimKiosk[]> {
  const db = server.store.db;
  const property = await db.selectFrom('properties').select('id').executeTakeFirstOrThrow();
  await db.updateTable('devices').set({ revoked_at: new Date() }).where('name', 'like', 'bench %').where('revoked_at', 'is', null).execute();
  const held = new Set((await db.selectFrom('devices').select('letter').where('revoked_at', 'is', null).where('letter', 'is not', null).execute()).map((r) => r.letter));
  const free = KIOSK_LETTERS.filter((l) => !held.has(l));
  if (n > free.length) throw new Error(`a property has ${free.length} free kiosk letters; asked for ${n} kiosks`);
  const kiosks: SimKiosk[] = [];
  for (let i = 0; i < n; i++) {
    const token = newToken();
    const id = uuidv7();
    const letter = free[i]!;
    await db.insertInto('devices').values({ id, property_id: property.id, kind: 'kiosk', name: `bench ${i}`, letter, token_hash: tokenHash(token) }).execute();
    kiosks.push({ id, token, seq: 0, letter, counters: new Map() });
  }
  return kiosks;
}

const today = serviceDayOf(new Date(), 'UTC');
/** The service days a kiosk may number (the server takes yesterday..tomorrow): 3 × 9999 tickets per letter. */
const DAYS = [today, addDays(today, 1), addDays(today, -1)];

/** A call-staff command with the kiosk's next ticket (today's, then tomorrow's and yesterday's once 9999 are used). */
export function createCommand(k: SimKiosk): Command {
  k.seq += 1;
  const day = DAYS.find((d) => (k.counters.get(d) ?? 0) < 9999);
  if (!day) throw new Error('a bench kiosk ran out of ticket numbers (3 × 9999)');
  const n = (k.counters.get(day) ?? 0) + 1;
  k.counters.set(day, n);
  return {
    id: uuidv7(),
    deviceId: k.id,
    seq: k.seq,
    createdAt: new Date().toISOString(),
    type: 'request.create',
    payload: {
      requestId: uuidv7(),
      kind: 'call_staff',
      details: null,
      ticket: formatTicket(k.letter, n),
      serviceDay: day,
      reason: 'question',
      guestName: null,
      room: null,
      note: null,
    },
  };
}

export async function push(base: string, k: SimKiosk, commands: Command[]): Promise<Response> {
  return fetch(`${base}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lobbydesk-protocol': '1', authorization: `Bearer ${k.token}` },
    body: JSON.stringify({ deviceId: k.id, commands, sentAt: new Date().toISOString() }),
  });
}

/** An SSE listener that reports when each version arrives. */
export function listen(base: string, token: string, onVersion: (v: number, at: number) => void): { ready: Promise<void>; close(): void } {
  const abort = new AbortController();
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  void (async () => {
    const res = await fetch(`${base}/api/sync/live`, { headers: { authorization: `Bearer ${token}`, 'x-lobbydesk-protocol': '1' }, signal: abort.signal });
    const parser = createParser({ onEvent: (e) => onVersion(Number(e.id), performance.now()) });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    resolveReady();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(value);
    }
  })().catch(() => resolveReady());
  return { ready, close: () => abort.abort() };
}

/**
 * The propagation load: `pushesPerSecond × rounds` pushes spread evenly in time, round robin over
 * the kiosks; each kiosk sends its slots one after another (a kiosk's pushes are in order).
 */
export async function onSchedule(kiosks: SimKiosk[], pushesPerSecond: number, rounds: number, send: (k: SimKiosk) => Promise<void>): Promise<void> {
  const t0 = performance.now();
  await Promise.all(
    kiosks.map(async (k, i) => {
      for (let slot = i; slot < pushesPerSecond * rounds; slot += kiosks.length) {
        const due = t0 + (slot * 1000) / pushesPerSecond;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        await send(k);
      }
    }),
  );
}

/**
 * Push start → arrival, per listener, sorted. A hint for version v also announces every version
 * below it (the client pulls everything after its cursor), so each arrival settles all versions
 * since that listener's previous one.
 */
export function arrivalLatencies(arrivals: [version: number, at: number][][], sentByVersion: Map<number, number>, startVersion: number): { p50: number; p95: number; p99: number; samples: number } {
  const latencies: number[] = [];
  for (const log of arrivals) {
    let seen = startVersion;
    for (const [v, at] of log) {
      for (let u = seen + 1; u <= v; u++) {
        const sent = sentByVersion.get(u);
        if (sent !== undefined) latencies.push(at - sent);
      }
      seen = Math.max(seen, v);
    }
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), samples: latencies.length };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(xs: number[]): number {
  return percentile([...xs].sort((a, b) => a - b), 50);
}
