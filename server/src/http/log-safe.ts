/**
 * What the JSON log may say: codes and ids, never what a guest or staff
 * member typed. Database errors carry the failed query's parameters (PGlite:
 * `params`; both drivers: `detail`, `where`), and a data or integrity error's
 * message quotes the value itself ("value \"…\" is out of range"); a URL's
 * query string may hold a typed card code or a search. So the log keeps an
 * error's class, SQLSTATE, routine, table, column and constraint, and a
 * request's path without its query.
 */
import type { FastifyRequest } from 'fastify';

/** SQLSTATE classes whose messages quote the offending value: data exceptions, integrity violations. */
const VALUE_QUOTING_CLASSES = new Set(['22', '23']);

interface DbErrorLike {
  name?: string;
  message?: string;
  stack?: string;
  code?: unknown;
  severity?: unknown;
  routine?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
  dataType?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : undefined);

export function safeError(err: unknown): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!err || typeof err !== 'object') return { type: typeof err, message: String(err).slice(0, 200), stack: '' };
  const e = err as DbErrorLike;
  const sqlState = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
  const quotesValues = sqlState !== undefined && VALUE_QUOTING_CLASSES.has(sqlState.slice(0, 2));
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return {
    type: e.constructor?.name ?? e.name ?? 'Error',
    message: quotesValues ? `database error ${sqlState} (message withheld: it quotes the value)` : (e.message ?? ''),
    code: sqlState ?? str(e.code),
    severity: str(e.severity),
    routine: str(e.routine),
    table: str(e.table),
    column: str(e.column),
    constraint: str(e.constraint),
    dataType: str(e.dataType),
    stack: frames.slice(0, 12).join('\n'),
  };
}

/** A request as the log shows it: the path without its query string (a card code or search text may be in it). */
export function safeRequest(req: FastifyRequest): { method: string; url: string; hostname: string; remoteAddress: string } {
  return { method: req.method, url: req.url.split('?')[0] ?? '', hostname: req.hostname, remoteAddress: req.ip };
}

export const LOG_SERIALIZERS = { err: safeError, req: safeRequest };
