/**
 * Live connections: how many SSE clients one server instance holds while a
 * new request still reaches all of them with p99 under 1 s, and the server's
 * memory per connection. The server runs in its own process (child-server.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { serviceDayOf } from '../../shared/domain/ticket.ts';
import { tokenHash } from '../../server/src/auth/secrets.ts';
import { MAX_STREAMS_PER_DEVICE } from '../../server/src/live/live.stream.ts';
import { startChildServer, type ChildServer } from './child-server.ts';
import { listen, percentile } from './fixtures.ts';

export interface SseCapacity {
  held: number;
  bytesPerConnection: number;
  steps: { clients: number; p99: number; connected: number }[];
}

let ticket = 0;
async function pushOne(s: ChildServer, seq: number): Promise<number> {
  const me = (await (await fetch(`${s.url}/api/devices/me`, { headers: { authorization: `Bearer ${s.kioskToken}` } })).json()) as { deviceId: string };
  ticket += 1;
  const started = performance.now();
  const res = await fetch(`${s.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lobbydesk-protocol': '1', authorization: `Bearer ${s.kioskToken}` },
    body: JSON.stringify({
      deviceId: me.deviceId,
      commands: [
        {
          id: uuidv7(),
          deviceId: me.deviceId,
          seq,
          createdAt: new Date().toISOString(),
          type: 'request.create',
          payload: { requestId: uuidv7(), kind: 'call_staff', ticket: `A${String(ticket).padStart(3, '0')}`, serviceDay: serviceDayOf(new Date(), 'UTC'), reason: 'question', guestName: null, room: null, note: null, details: null },
        },
      ],
    }),
  });
  if (!res.ok) throw new Error(`push ${res.status}`);
  return started;
}

/**
 * A device holds at most MAX_STREAMS_PER_DEVICE live streams (a new one ends its oldest), so the clients
 * are spread over enough wall displays, written straight into the server's PostgreSQL database as pairing
 * would (a token and its hash). On PGlite (no database to reach from here) every client uses the demo wall,
 * which measures the cap rather than the capacity.
 */
async function wallTokens(databaseUrl: string | undefined, demoWall: string, clients: number): Promise<string[]> {
  if (!databaseUrl) return [demoWall];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ id: string }>('select id from properties limit 1');
    const tokens = Array.from({ length: Math.ceil(clients / MAX_STREAMS_PER_DEVICE) }, () => randomBytes(32).toString('base64url'));
    for (let i = 0; i < tokens.length; i += 500) {
      const chunk = tokens.slice(i, i + 500);
      await pool.query(
        `insert into devices (id, property_id, kind, name, token_hash) select gen_random_uuid(), $1, 'wall', 'Bench wall ' || n, h from unnest($2::text[]) with ordinality as t(h, n)`,
        [rows[0]!.id, chunk.map(tokenHash)],
      );
    }
    return tokens;
  } finally {
    await pool.end();
  }
}

/** `databaseUrl`: run the server on PostgreSQL, so PGlite's WebAssembly heap does not blur the memory figure. */
export async function sseCapacity(databaseUrl?: string, steps = [250, 500, 1000, 2000, 4000, 8000]): Promise<SseCapacity> {
  const server = await startChildServer(databaseUrl ? { DATABASE_URL: databaseUrl } : {});
  const results: SseCapacity['steps'] = [];
  let held = 0;
  let bytesPerConnection = NaN;
  let seq = 0;
  const rssAt: [number, number][] = [];
  try {
    const walls = await wallTokens(databaseUrl, server.wallToken, Math.max(...steps));
    for (const n of steps) {
      let target = 0;
      const arrivals: number[] = [];
      const clients = Array.from({ length: n }, (_, i) =>
        listen(server.url, walls[i % walls.length]!, (v, at) => {
          if (target && v >= target) arrivals.push(at);
        }),
      );
      await Promise.all(clients.map((c) => c.ready));
      await new Promise((r) => setTimeout(r, 1000));
      rssAt.push([n, await server.rssBytes()]);
      seq += 1;
      const me = await fetch(`${server.url}/api/sync/snapshot`, { headers: { authorization: `Bearer ${server.wallToken}` } });
      target = ((await me.json()) as { version: number }).version + 1;
      const started = await pushOne(server, seq);
      const deadline = Date.now() + 5_000;
      while (arrivals.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const lat = arrivals.map((a) => a - started).sort((a, b) => a - b);
      const p99 = arrivals.length < n * 0.99 ? Infinity : percentile(lat, 99);
      results.push({ clients: n, p99, connected: arrivals.length });
      for (const c of clients) c.close();
      await new Promise((r) => setTimeout(r, 500));
      if (p99 >= 1000) break;
      held = n;
      // The slope between the smallest and the largest held step: start-up memory and GC timing cancel out.
      const [n0, r0] = rssAt[0]!;
      const [n1, r1] = rssAt[rssAt.length - 1]!;
      if (n1 > n0) bytesPerConnection = (r1 - r0) / (n1 - n0);
    }
  } finally {
    await server.stop();
  }
  return { held, bytesPerConnection, steps: results };
}
