import type { Server } from 'node:http';
import type { FastifyHttpOptions, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { StaffRole } from '../../../shared/protocol/auth.ts';
import type { Access, Principal } from '../auth/principal.ts';
import type { Notifier } from '../live/notifier.ts';
import type { CardKeys } from '../members/cards.service.ts';
import type { Store } from '../store/store.ts';
import { DomainError } from './errors.ts';

export interface AppDeps {
  store: Store;
  notifier: Notifier;
  now: () => Date;
  /** Secure cookies when served over HTTPS (set LOBBYDESK_SECURE_COOKIES=1 behind a TLS proxy). */
  secureCookies: boolean;
  instanceId: string;
  /** The member-card signing key (data folder or LOBBYDESK_CARD_KEY). */
  cardKeys: CardKeys;
  /** LOBBYDESK_PUBLIC_URL: the base a ticket's follow QR points at (`GET /api/kiosk/follow-config`); absent or null: the kiosk's own origin. */
  publicBaseUrl?: string | null;
}

/** The HTTP server's settings that come from the configuration: whose X-Forwarded-For to believe, timeouts, and the HTTPS servers when TLS is on (tls/). */
export type ServerTuning = Pick<FastifyHttpOptions<Server>, 'trustProxy' | 'requestTimeout' | 'connectionTimeout' | 'http' | 'serverFactory'>;

export interface RouteContext<P extends Principal | null> {
  req: FastifyRequest;
  reply: FastifyReply;
  who: P;
  deps: AppDeps;
}

/**
 * A route states who may call it, what it takes and what it answers. The table
 * of all routes is exported so a test can walk every endpoint × every kind of
 * caller, and the API reference (http/openapi/) is generated from it.
 */
export interface RouteDef extends RouteDoc {
  method: 'GET' | 'POST';
  url: string;
  access: 'public' | readonly Exclude<Access, 'public'>[];
  /** Extra per-route rate limit: requests per minute per client address. */
  rateLimitPerMinute?: number;
  /** The shared schemas its input is parsed with (before the handler runs): kept on the route, so the table describes itself. */
  schemas?: InputSchemas;
  handler: (ctx: RouteContext<Principal | null>) => Promise<unknown>;
}

export interface InputSchemas {
  query?: z.ZodType;
  params?: z.ZodType;
  body?: z.ZodType;
}

/** What a 200 answer is: a shared schema (JSON), or another media type with a word on its content. */
export type ResponseDecl = z.ZodType | { mediaType: string; description: string };

/** What the API reference says of a route. */
export interface RouteDoc {
  /** One line: what the route does. */
  summary?: string;
  /** More, for an integrator (Markdown). */
  description?: string;
  /** The feature it belongs to (the reference groups by it). */
  tags?: readonly string[];
  response?: ResponseDecl;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type Inputs<Q, P, B> = { query: Parsed<Q>; params: Parsed<P>; body: Parsed<B> };
type Who<A> = A extends 'public' ? Principal | null : Principal;
type MaybeSchema = z.ZodType | undefined;

/**
 * A route; with `query`, `params` or `body`, those are parsed with the given
 * shared schemas before the handler runs (a failure is a 400 saying what was
 * wrong) and handed to it parsed.
 */
export function route<A extends RouteDef['access'], Q extends MaybeSchema = undefined, P extends MaybeSchema = undefined, B extends MaybeSchema = undefined>(
  def: Omit<RouteDef, 'handler' | 'access' | 'schemas'> & {
    access: A;
    query?: Q;
    params?: P;
    body?: B;
    handler: (ctx: RouteContext<Who<A>> & Inputs<Q, P, B>) => Promise<unknown>;
  },
): RouteDef {
  const { query, params, body, handler, ...rest } = def;
  // Without schemas the handler is kept as written (a test reads it to find input parsed by hand).
  if (!query && !params && !body) return { ...rest, handler: handler as unknown as RouteDef['handler'] };
  const schemas: InputSchemas = { query, params, body };
  return { ...rest, schemas, handler: (ctx) => handler({ ...(ctx as RouteContext<Who<A>>), ...(parseInputs(schemas, ctx.req) as Inputs<Q, P, B>) }) };
}

/** Query, path parameters and body, each parsed with its schema (in that order); absent ones are undefined. */
function parseInputs(schemas: InputSchemas, req: FastifyRequest): Inputs<MaybeSchema, MaybeSchema, MaybeSchema> {
  const read = (schema: MaybeSchema, value: unknown) => (schema ? parse(schema, value) : undefined);
  return { query: read(schemas.query, req.query), params: read(schemas.params, req.params), body: read(schemas.body, req.body) };
}

export type Staff = Extract<Principal, { kind: 'staff' }>;

/**
 * The parse–authorize–call shape of a staff route in one place: `who` is a staff member (the
 * access list names staff roles only), and the query, path parameters and body are parsed with
 * the given shared schemas before the handler runs (a failure is a 400 saying what was wrong).
 */
export function staffRoute<Q extends MaybeSchema = undefined, P extends MaybeSchema = undefined, B extends MaybeSchema = undefined>(
  def: RouteDoc & {
    method: RouteDef['method'];
    url: string;
    access: readonly StaffRole[];
    rateLimitPerMinute?: number;
    query?: Q;
    params?: P;
    body?: B;
    handler: (ctx: RouteContext<Staff> & Inputs<Q, P, B>) => Promise<unknown>;
  },
): RouteDef {
  const { query, params, body, handler, ...rest } = def;
  const schemas: InputSchemas = { query, params, body };
  return {
    ...rest,
    schemas,
    async handler(ctx) {
      const who = ctx.who;
      if (!who || who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
      return handler({ ...ctx, who, ...(parseInputs(schemas, ctx.req) as Inputs<Q, P, B>) });
    },
  };
}

/** Parse untrusted input with a shared schema; failures are a 400 that says what was wrong. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new DomainError('bad_request', describeIssues(r.error));
}

/** The first few problems of a failed parse, by field: never the values themselves. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}
