/**
 * The two ways an API call fails, without the schemas that read error bodies
 * (shared/sync-client/http.ts): screens test `instanceof` on these, and a
 * screen's first load must not bring zod with it.
 */
import type { ErrorCode } from '../protocol/errors.ts';

/** The server answered with an error body (or an unreadable one). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
/** The request never got an answer: offline, DNS, connection reset, timeout. */
export class NetworkFailure extends Error {}

/** Transient failures are retried with backoff; the rest need a person or a fix. */
export function isTransient(e: unknown): boolean {
  if (e instanceof NetworkFailure) return true;
  if (e instanceof ApiFailure) return e.status === 429 || e.status >= 500;
  return false;
}
