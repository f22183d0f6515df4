import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, errorBody, httpStatus } from './errors.ts';

/**
 * The app's one error handler: every refusal is `{error:{code,message}}`
 * with the status the code has in the table (http/errors.ts). A caller's
 * mistake the framework found (bad JSON, wrong content type, body too large)
 * is `bad_request` with its own 4xx; anything unexpected is 500 `internal`,
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
    // Malformed JSON, wrong content type, body too large: the caller's mistake, said plainly.
    return reply.status(e.statusCode).send(errorBody('bad_request', e.message ?? 'Bad request'));
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(httpStatus('internal')).send(errorBody('internal', 'The server could not finish this request; it is safe to retry'));
}
