/**
 * Guests' phones (issue #14): how many phones, each following its own waiting ticket over
 * `GET /api/follow/<token>/live`, one instance holds while a change still reaches every one of
 * them with p99 under 1 s. The change is the hardest one: staff call the ticket at the head of
 * the queue, so the called ticket's view changes and every other phone's `ahead` drops by one —
 * every phone gets a new view. The server runs in its own process (child-server.ts) and
 * believes loopback's X-Forwarded-For, so each phone counts as its own address (the per-address
 * limits are for real guests, not for the bench).
 */
import { request, type IncomingMessage } from 'node:http';
import { v7 as uuidv7 } from 'uuid';
import { makeFollowToken } from '../../shared/domain/follow.ts';
import { formatTicket } from '../../shared/domain/ticket.ts';
import { startChildServer, type ChildServer } from './child-server.ts';
import { percentile } from './fixtures.ts';

export interface FollowClients {
  held: number;
  /** Fan-out p99 (ms) at 2,000 phones, when that step ran. */
  p99At2000: number | null;
  steps: { clients: number; p99: number; arrived: number }[];
}

const PROTOCOL = { 'x-lobbydesk-protocol': '1' };

async function json(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, { method: init.method ?? 'GET', headers: { ...PROTOCOL, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  return { status: res.status, body: await res.json().catch(() => null), headers: res.headers };
}

/** One phone: a raw node:http stream (thousands of them, cheaply), `event: view` lines timed on arrival. */
function phone(base: string, token: string, address: string, onView: (at: number) => void): { ready: Promise<boolean | string>; close(): void } {
  let res: IncomingMessage | null = null;
  const req = request(`${base}/api/follow/${token}/live`, { headers: { accept: 'text/event-stream', 'x-forwarded-for': address }, agent: false });
  const ready = new Promise<boolean | string>((resolve) => {
    req.on('response', (r) => {
      res = r;
      if (r.statusCode !== 200) {
        r.resume();
        return resolve(`HTTP ${r.statusCode}`);
      }
      let buf = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const message = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (message.startsWith('event: view')) {
            onView(performance.now());
            resolve(true);
          }
        }
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
  req.end();
  return { ready, close: () => (res ? res.destroy() : req.destroy()) };
}

/** `databaseUrl`: PostgreSQL (as sse_clients_held); else PGlite. */
export async function followClients(databaseUrl?: string, steps = [250, 500, 1000, 2000, 3000, 4000]): Promise<FollowClients> {
  const server: ChildServer = await startChildServer({ ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), LOBBYDESK_TRUST_PROXY: 'loopback' });
  const kiosk = { authorization: `Bearer ${server.kioskToken}` };
  const me = (await json(`${server.url}/api/devices/me`, { headers: kiosk })).body as { deviceId: string; letter: string; serviceDay: string; lastSeq: number; lastTicketToday: number };
  let seq = me.lastSeq;
  let ticketNo = me.lastTicketToday;
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { ...PROTOCOL, 'content-type': 'application/json' }, body: JSON.stringify({ staffId: 'agent1', pin: '1111' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const staffDevice = uuidv7();
  let staffSeq = 0;
  /** Waiting tickets, oldest first: [requestId, token]. */
  const waiting: [string, string][] = [];

  const issue = async (count: number) => {
    for (let left = count; left > 0; left -= 100) {
      const now = new Date().toISOString();
      const commands = Array.from({ length: Math.min(100, left) }, () => {
        const token = makeFollowToken();
        const requestId = uuidv7();
        waiting.push([requestId, token]);
        const payload = { requestId, kind: 'call_staff', ticket: formatTicket(me.letter, ++ticketNo), serviceDay: me.serviceDay, reason: 'question', guestName: null, room: null, note: null, details: null, follow: { token, language: 'en' } };
        return { id: uuidv7(), deviceId: me.deviceId, seq: ++seq, createdAt: now, type: 'request.create', payload };
      });
      const r = await json(`${server.url}/api/sync/push`, { method: 'POST', headers: kiosk, body: { deviceId: me.deviceId, sentAt: now, commands } });
      if (r.status !== 200) throw new Error(`push ${r.status} ${JSON.stringify(r.body)}`);
    }
  };

  const results: FollowClients['steps'] = [];
  let held = 0;
  try {
    for (const n of steps) {
      await issue(Math.max(0, n - waiting.length));
      let armed = false;
      const arrivals: number[] = [];
      // Phones join in waves of 250 (guests do not all scan in the same millisecond; the listen backlog is finite).
      const phones: ReturnType<typeof phone>[] = [];
      const outcomes: (boolean | string)[] = [];
      for (let from = 0; from < n; from += 250) {
        const wave = waiting.slice(from, Math.min(n, from + 250)).map(([, token], j) => {
          const i = from + j;
          return phone(server.url, token, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, (at) => {
            if (armed) arrivals.push(at);
          });
        });
        phones.push(...wave);
        outcomes.push(...(await Promise.all(wave.map((p) => p.ready))));
      }
      const connected = outcomes.filter((o) => o === true).length;
      const failures = [...new Set(outcomes.filter((o) => o !== true))];
      if (failures.length) console.log(`  follow: ${n - connected} phones did not connect: ${failures.join(', ')}`);
      await new Promise((r) => setTimeout(r, 1000));
      const [head] = waiting.shift()!;
      armed = true;
      const started = performance.now();
      const call = { id: uuidv7(), deviceId: staffDevice, seq: ++staffSeq, createdAt: new Date().toISOString(), type: 'request.transition', payload: { requestId: head, action: 'call', expectedStatus: 'waiting', desk: 'Desk 1' } };
      const r = await json(`${server.url}/api/sync/push`, { method: 'POST', headers: { cookie }, body: { deviceId: staffDevice, sentAt: new Date().toISOString(), commands: [call] } });
      if (r.status !== 200) throw new Error(`call ${r.status} ${JSON.stringify(r.body)}`);
      const deadline = Date.now() + 10_000;
      while (arrivals.length < n && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
      const lat = arrivals.map((a) => a - started).sort((a, b) => a - b);
      const p99 = connected < n || arrivals.length < n * 0.99 ? Infinity : percentile(lat, 99);
      results.push({ clients: n, p99, arrived: arrivals.length });
      console.log(`  follow: ${n} phones (${connected} connected): ${arrivals.length} views, p99 ${Math.round(p99)} ms`);
      for (const p of phones) p.close();
      await new Promise((res) => setTimeout(res, 1000));
      if (p99 >= 1000) break;
      held = n;
    }
  } finally {
    await server.stop();
  }
  return { held, p99At2000: results.find((s) => s.clients === 2000)?.p99 ?? null, steps: results };
}
