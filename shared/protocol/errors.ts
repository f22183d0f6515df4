import { z } from 'zod';

/** The closed set of error codes the API answers with. UIs map each to translated text. */
export const ErrorCode = z.enum([
  'bad_request', // body, query or params failed schema validation
  'unauthenticated', // no or unknown credentials
  'forbidden', // credentials valid, role or device kind not allowed
  'not_found',
  'invalid_pin', // staff id or PIN wrong
  'rate_limited',
  'pairing_code_invalid', // unknown, used or expired pairing code
  'device_revoked',
  'seq_gap', // push batch does not start at the device's next sequence number
  'protocol_outdated', // client speaks an older protocol version than the server accepts
  'conflict', // the state changed under the caller (expected status differs)
  'illegal_transition', // the status machine does not allow the action from this state
  'ticket_taken', // the ticket number was already used today
  'card_invalid', // a member card token that is damaged, foreign or forged
  'card_unknown', // a well-formed card or typed code that matches no member
  'card_reissued', // an older version of a card that has since been reissued
  'claim_mismatch', // a luggage hand-back whose claim code is not the item's
  'bag_count_mismatch', // a luggage hand-back counting a different number of bags than were stored
  'insufficient_balance', // a change that would take a member's balance or points below zero
  'no_kiosk_letter', // pairing a kiosk when every ticket letter is held by an active kiosk or still on tickets
  'actor_signed_out', // a tablet action delivered after the person who took it signed out (another session sent it)
  'payload_too_large', // a request body (or one command) larger than the server takes: split it, or it can never be sent
  'unsupported_media_type', // a body that is not JSON where JSON is expected
  'internal', // an unexpected server failure, always HTTP 500; clients retry it like any 5xx
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  error: z.object({ code: ErrorCode, message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;
