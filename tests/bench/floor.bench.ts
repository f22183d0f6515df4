/**
 * The floor for propagation: the least any push → live design can cost on
 * this machine under the same load. A bare node:http server keeps a version
 * in memory; a push parses its JSON body, takes the next version, writes one
 * SSE event to every listener and answers — no database, no auth, no
 * durability. The load is the propagation bench's (50 pushes/s spread over
 * 22 kiosks, 200 listeners, same bodies), and the latency is measured the
 * same way (push start → the listener has the event), so the ratio of a real
 * figure to this one, measured in the same run, says what the product's own
 * work costs.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { v7 as uuidv7 } from 'uuid';
import { arrivalLatencies, createCommand, listen, onSchedule, push, type SimKiosk } from './fixtures.ts';
import type { Propagation } from './propagation.bench.ts';

async function floorServer(): Promise<{ url: string; close(): Promise<void> }> {
  let version = 0;
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/api/sync/live') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(':\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { commands: unknown[] };
      version += body.commands.length;
      const frame = `id: ${version}\nevent: hint\ndata: {"version":${version}}\n\n`;
      for (const c of clients) c.write(frame);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ version }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        for (const c of clients) c.end();
        server.close(() => r());
      }),
  };
}

export async function propagationFloor(pushesPerSecond = 50, listenerCount = 200, rounds = 6, kioskCount = 22): Promise<Propagation> {
  const server = await floorServer();
  try {
    const kiosks: SimKiosk[] = Array.from({ length: kioskCount }, (_, i) => ({ id: uuidv7(), token: 'floor', seq: 0, letter: String.fromCharCode(65 + i), counters: new Map() }));
    const arrivals: [number, number][][] = Array.from({ length: listenerCount }, () => []);
    const listeners = arrivals.map((log) => listen(server.url, 'floor', (v, at) => log.push([v, at])));
    await Promise.all(listeners.map((l) => l.ready));
    await new Promise((r) => setTimeout(r, 500));
    const sentByVersion = new Map<number, number>();
    await onSchedule(kiosks, pushesPerSecond, rounds, async (k) => {
      const started = performance.now();
      const res = await push(server.url, k, [createCommand(k)]);
      const { version } = (await res.json()) as { version: number };
      sentByVersion.set(version, started);
    });
    await new Promise((r) => setTimeout(r, 1500));
    for (const l of listeners) l.close();
    return arrivalLatencies(arrivals, sentByVersion, 0);
  } finally {
    await server.close();
  }
}
