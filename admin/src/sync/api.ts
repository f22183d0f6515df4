/** The one HTTP client of the staff app: same origin, session cookie, protocol header. */
import { Api, ApiFailure, NetworkFailure } from '../../../shared/sync-client/http.ts';
import type { ErrorCode } from '../../../shared/protocol/errors.ts';

export const api = new Api();

export type FailureCode = ErrorCode | 'network';

/** Any thrown error as a code the UI can translate. */
export function failureCode(e: unknown): FailureCode {
  if (e instanceof ApiFailure) return e.code;
  if (e instanceof NetworkFailure) return 'network';
  if (e instanceof TypeError) return 'network';
  return 'internal';
}

export function isUnauthenticated(e: unknown): boolean {
  return e instanceof ApiFailure && e.status === 401;
}
