import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../../shared/protocol/errors.ts';
import { DomainError, errorBody, httpStatus } from './errors.ts';

/** The framework's own 4xx answers, each with its code (anything else it refuses is `bad_request`). */
const FRAMEWORK_CODES: Partial<Record<number, ErrorCode>> = {
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/**
 * The app's one error handler: every refusal is `{error:{code,message}}`
 * with the status the code has in the table (http/errors.ts). A caller's
 * mistake the framework found (bad JSON, wrong content type, body too large)
 * keeps its own 4xx and code (`payload_too_large`,
 * `unsupported_media_type`, `forbidden`; else `bad_request`); anything unexpected is 500 `internal`,
 * logged with its stack, never shown to the caller.
 */
export function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) return reply.status(err.status).send(errorBody(err.code, err.message, err.details));
  const e = err as { statusCode?: number; message?: string; error?: { message?: unknown } };
  if (e.statusCode === 429) {
    // The rate-limit plugin throws the body its errorResponseBuilder made (app.ts): keep its "try again in N s".
    const said = typeof e.error?.message === 'string' ? e.error.message : e.message;
    return reply.status(429).send(errorBody('rate_limited', said ?? 'Too many requests'));
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    // Malformed JSON, wrong content type, body too large: the caller's mistake, said plainly, with its own code.
    return reply.status(e.statusCode).send(errorBody(FRAMEWORK_CODES[e.statusCode] ?? 'bad_request', e.message ?? 'Bad request'));
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(httpStatus('internal')).send(errorBody('internal', 'The server could not finish this request; it is safe to retry'));
}
