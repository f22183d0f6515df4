/**
 * A tiny TCP load balancer on 127.0.0.1 for the failover gauntlet: clients
 * use its one address, it forwards each connection to one of several server
 * instances. `first-healthy` sends every connection to the first upstream
 * that accepts it; `round-robin` starts at the next upstream each time. When
 * an upstream refuses the connection the next one is tried; when the
 * upstream of an open connection dies, the client's side is cut too (as a
 * real balancer does), so the client notices and reconnects.
 *
 * For faults of the balancer itself: `refuse(true)` resets every new
 * connection (the open ones carry on), `cut(pred)` drops open connections
 * chosen by the last request head they carried (e.g. everything but the
 * live streams). `connections()` shows those heads, so a test can see what
 * a client sent (a stream's Last-Event-ID) without touching the client.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface Upstream {
  host: string;
  port: number;
}

export interface ProxiedConnection {
  /** Index of the upstream it was forwarded to. */
  upstream: number;
  /** The head of the latest HTTP request sent on it (keep-alive reuses connections), e.g. `GET /api/sync/live HTTP/1.1\r\n…`; '' before the first. */
  head: string;
}

export interface TcpProxy {
  readonly port: number;
  readonly url: string;
  /** Open connections per upstream index. */
  openConnections(): number[];
  /** Connections forwarded so far per upstream index. */
  forwarded(): number[];
  /** The open connections, oldest first. */
  connections(): ProxiedConnection[];
  /** New connections reset so far because of `refuse(true)`. */
  refused(): number;
  /** While on, every new connection is reset at once; open ones are left alone. */
  refuse(on: boolean): void;
  /** Drops the open connections that match; returns how many. */
  cut(pred: (c: ProxiedConnection) => boolean): number;
  close(): Promise<void>;
}

const REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/1\.[01]\r\n/;

/** Connects to the first upstream (from `start`, wrapping) that accepts. */
function dialFirst(upstreams: Upstream[], start: number, timeoutMs: number): Promise<{ socket: Socket; index: number }> {
  return new Promise((resolve, reject) => {
    const errors: string[] = [];
    const attempt = (n: number) => {
      if (n === upstreams.length) return reject(new Error(`no upstream accepted the connection: ${errors.join('; ')}`));
      const index = (start + n) % upstreams.length;
      const up = upstreams[index]!;
      const socket = connect({ host: up.host, port: up.port });
      socket.setTimeout(timeoutMs, () => socket.destroy(new Error('connect timeout')));
      socket.once('connect', () => {
        socket.setTimeout(0);
        socket.removeAllListeners('error');
        resolve({ socket, index });
      });
      socket.once('error', (e) => {
        errors.push(`${up.host}:${up.port} ${e.message}`);
        socket.destroy();
        attempt(n + 1);
      });
    };
    attempt(0);
  });
}

export async function startTcpProxy(o: { upstreams: Upstream[]; mode?: 'first-healthy' | 'round-robin'; connectTimeoutMs?: number }): Promise<TcpProxy> {
  if (o.upstreams.length === 0) throw new Error('startTcpProxy: give at least one upstream');
  const mode = o.mode ?? 'first-healthy';
  const sockets = new Set<Socket>();
  const pairs = new Map<Socket, ProxiedConnection>(); // client socket → what it is
  const openPer = o.upstreams.map(() => 0);
  const forwardedPer = o.upstreams.map(() => 0);
  let next = 0;
  let refusing = false;
  let refusedCount = 0;

  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => {
      sockets.delete(client);
      pairs.delete(client);
    });
    client.on('error', () => client.destroy());
    if (refusing) {
      refusedCount += 1;
      client.resetAndDestroy();
      return;
    }
    client.pause(); // hold the request bytes until an upstream is there
    const start = mode === 'round-robin' ? next++ % o.upstreams.length : 0;
    dialFirst(o.upstreams, start, o.connectTimeoutMs ?? 2_000).then(
      ({ socket, index }) => {
        if (client.destroyed) return void socket.destroy();
        sockets.add(socket);
        openPer[index]! += 1;
        forwardedPer[index]! += 1;
        const info: ProxiedConnection = { upstream: index, head: '' };
        pairs.set(client, info);
        client.on('data', (chunk: Buffer) => {
          const text = chunk.toString('latin1');
          if (REQUEST_LINE.test(text)) info.head = text.split('\r\n\r\n')[0]!;
        });
        socket.on('close', () => {
          sockets.delete(socket);
          openPer[index]! -= 1;
          // The instance died (reset) or hung up: so does the client's connection. A clean end was already passed
          // on by pipe(), with whatever was still buffered; destroying then could cut that short.
          if (!client.writableEnded) client.destroy();
        });
        socket.on('error', () => socket.destroy());
        client.on('close', () => socket.destroy());
        client.pipe(socket);
        socket.pipe(client);
        client.resume();
      },
      () => client.resetAndDestroy(), // every instance is down: the client sees a reset, as behind a real balancer
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('startTcpProxy: no port');
  return {
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    openConnections: () => [...openPer],
    forwarded: () => [...forwardedPer],
    connections: () => [...pairs.values()].map((c) => ({ ...c })),
    refused: () => refusedCount,
    refuse(on) {
      refusing = on;
    },
    cut(pred) {
      let n = 0;
      for (const [client, info] of [...pairs]) {
        if (!pred(info)) continue;
        client.destroy();
        n += 1;
      }
      return n;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
