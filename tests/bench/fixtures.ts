/** Shared set-up for benchmarks: kiosks, commands, SSE listeners, statistics. Not measured itself. */
import { createParser } from 'eventsource-parser';
import { v7 as uuidv7 } from 'uuid';
import { newToken, tokenHash } from '../../server/src/auth/secrets.ts';
import type { Command } from '../../shared/protocol/commands.ts';
import { serviceDayOf } from '../../shared/domain/ticket.ts';
import type { TestServer } from '../support/server.ts';

export interface SimKiosk {
  id: string;
  token: string;
  seq: number;
}

/** Inserts `n` kiosk devices directly (pairing is rate limited by design). */
export async function makeKiosks(server: TestServer, n: number): Promise<SimKiosk[]> {
  const property = await server.store.db.selectFrom('properties').select('id').executeTakeFirstOrThrow();
  const kiosks: SimKiosk[] = [];
  for (let i = 0; i < n; i++) {
    const token = newToken();
    const id = uuidv7();
    await server.store.db.insertInto('devices').values({ id, property_id: property.id, kind: 'kiosk', name: `bench ${i}`, letter: null, token_hash: tokenHash(token) }).execute();
    kiosks.push({ id, token, seq: 0 });
  }
  return kiosks;
}

const day = serviceDayOf(new Date(), 'UTC');
const LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
let ticketSeq = 0;

/** A call-staff command with a ticket unique across all simulated kiosks (letter + 4 digits). */
export function createCommand(k: SimKiosk): Command {
  k.seq += 1;
  ticketSeq += 1;
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
      ticket: `${LETTERS[Math.floor(ticketSeq / 10_000) % LETTERS.length]}${String(ticketSeq % 10_000).padStart(4, '0')}`,
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

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(xs: number[]): number {
  return percentile([...xs].sort((a, b) => a - b), 50);
}
