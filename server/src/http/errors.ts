import type { ErrorCode } from '../../../shared/protocol/errors.ts';

/** The HTTP status of each error code: the one table the error handler and DomainError both read. */
const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_pin: 401,
  rate_limited: 429,
  pairing_code_invalid: 400,
  device_revoked: 401,
  seq_gap: 409,
  protocol_outdated: 426,
  conflict: 409,
  illegal_transition: 409,
  ticket_taken: 409,
  card_invalid: 400,
  card_unknown: 404,
  card_reissued: 410,
  claim_mismatch: 422,
  bag_count_mismatch: 422,
  insufficient_balance: 422,
  no_kiosk_letter: 409,
  actor_signed_out: 409, // only ever a push outcome, never an HTTP answer
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500, // an unexpected failure (a bug, or the database went away mid-request); clients retry every 5xx
};

export function httpStatus(code: ErrorCode): number {
  return STATUS[code];
}

/** An error a caller can act on; the error handler turns it into `{error:{code,message}}`. */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
