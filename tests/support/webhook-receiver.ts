/**
 * A webhook receiver for tests: a real node:http server on 127.0.0.1 that keeps every
 * request (headers and raw body) and answers as the test says: 2xx, an error, or never
 * (a receiver that hangs).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status it was answered with; null while it hangs. */
  answered: number | null;
}

export type Answer = number | 'hang';

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Requests held open (`hang`) right now. */
  hanging(): number;
  /** How to answer the next request (the number of requests so far is given). */
  answer: (n: number) => Answer;
  close(): Promise<void>;
}

export async function startReceiver(answer: (n: number) => Answer = () => 204, port = 0): Promise<Receiver> {
  const held = new Set<ServerResponse>();
  const r: Receiver = {
    url: '',
    port: 0,
    received: [],
    hanging: () => held.size,
    answer,
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: Received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered: null };
      const a = r.answer(r.received.length);
      r.received.push(entry);
      if (a === 'hang') {
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      }
      entry.answered = a;
      res.writeHead(a).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  r.port = (server.address() as AddressInfo).port;
  r.url = `http://127.0.0.1:${r.port}/hook`;
  return r;
}
