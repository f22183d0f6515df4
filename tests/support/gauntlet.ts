/**
 * Helpers for the gauntlet suites (fuzzing, crashes, attacks): raw HTTP with
 * bytes bodies, row counts of every table, and a log capture stream.
 */
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../server/src/store/store.ts';

export interface BytesResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the server said
  json: any;
}

/**
 * One HTTP request over node:http whose body is sent byte for byte (malformed
 * JSON, invalid UTF-8, any content type). `localAddress` picks the loopback
 * source address; `statusOnly` returns as soon as the head arrives and drops
 * the connection (a response lost on the way back); `'stream'` does so only
 * for an event stream.
 */
export function sendBytes(
  url: string,
  o: {
    method: string;
    headers?: Record<string, string>;
    body?: Buffer | string;
    localAddress?: string;
    timeoutMs?: number;
    signal?: AbortSignal;
    statusOnly?: boolean | 'stream';
  },
): Promise<BytesResponse> {
  return new Promise((resolve, reject) => {
    const body = o.body === undefined ? undefined : Buffer.isBuffer(o.body) ? o.body : Buffer.from(o.body, 'utf8');
    const headers: Record<string, string> = { ...o.headers };
    if (body) headers['content-length'] = String(body.length);
    const req = httpRequest(url, { method: o.method, headers, localAddress: o.localAddress, agent: false, signal: o.signal }, (res) => {
      const isStream = String(res.headers['content-type'] ?? '').startsWith('text/event-stream');
      if (o.statusOnly === true || (o.statusOnly === 'stream' && isStream)) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '', json: null });
        res.destroy();
        req.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.setTimeout(o.timeoutMs ?? 15_000, () => req.destroy(new Error(`timeout: ${o.method} ${url}`)));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Row counts of every table in the public schema, in one query. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts = tables.rows.map((t) => `(select count(*) from "${t.name.replace(/"/g, '""')}")::int as "${t.name.replace(/"/g, '""')}"`);
  const r = await sql<Record<string, number>>`select ${sql.raw(parts.join(', '))}`.execute(db);
  return r.rows[0]!;
}

/** A stream that keeps every line written to it (a pino destination). */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) this.lines.push(l);
    done();
  }
  text(): string {
    return this.lines.join('\n');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pino lines are free-form JSON
  entries(): any[] {
    return this.lines.flatMap((l) => {
      try {
        return [JSON.parse(l)];
      } catch {
        return [];
      }
    });
  }
}

/** A distinct loopback source address per call (127.1.x.y), so per-address rate limits never mask the answer under test. */
export function loopbackAddresses(prefix = 1): () => string {
  let i = 0;
  return () => {
    i = (i + 1) % 65_000;
    return `127.${prefix}.${(i >> 8) & 255}.${(i & 255) || 1}`;
  };
}
