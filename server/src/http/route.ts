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
}

/** The HTTP server's settings that come from the configuration: whose X-Forwarded-For to believe, and timeouts. */
export type ServerTuning = Pick<FastifyHttpOptions<Server>, 'trustProxy' | 'requestTimeout' | 'connectionTimeout' | 'http'>;

export interface RouteContext<P extends Principal | null> {
  req: FastifyRequest;
  reply: FastifyReply;
  who: P;
  deps: AppDeps;
}

/**
 * A route states who may call it. The table of all routes is exported so a
 * test can walk every endpoint × every kind of caller.
 */
export interface RouteDef {
  method: 'GET' | 'POST';
  url: string;
  access: 'public' | readonly Exclude<Access, 'public'>[];
  /** Extra per-route rate limit: requests per minute per client address. */
  rateLimitPerMinute?: number;
  /** The shared schemas its input is parsed with (staffRoute): kept on the route, so the table describes itself. */
  schemas?: InputSchemas;
  handler: (ctx: RouteContext<Principal | null>) => Promise<unknown>;
}

export interface InputSchemas {
  query?: z.ZodType;
  params?: z.ZodType;
  body?: z.ZodType;
}

export function route<A extends RouteDef['access']>(
  def: Omit<RouteDef, 'handler' | 'access'> & { access: A; handler: (ctx: RouteContext<A extends 'public' ? Principal | null : Principal>) => Promise<unknown> },
): RouteDef {
  return def as RouteDef;
}

export type Staff = Extract<Principal, { kind: 'staff' }>;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * The parse–authorize–call shape of a staff route in one place: `who` is a staff member (the
 * access list names staff roles only), and the query, path parameters and body are parsed with
 * the given shared schemas before the handler runs (a failure is a 400 saying what was wrong).
 */
export function staffRoute<Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(def: {
  method: RouteDef['method'];
  url: string;
  access: readonly StaffRole[];
  rateLimitPerMinute?: number;
  query?: Q;
  params?: P;
  body?: B;
  handler: (ctx: RouteContext<Staff> & { query: Parsed<Q>; params: Parsed<P>; body: Parsed<B> }) => Promise<unknown>;
}): RouteDef {
  const { query, params, body, handler, ...rest } = def;
  return {
    ...rest,
    schemas: { query, params, body },
    async handler(ctx) {
      const who = ctx.who;
      if (!who || who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
      const read = <S extends z.ZodType | undefined>(schema: S, value: unknown): Parsed<S> => (schema ? parse(schema, value) : undefined) as Parsed<S>;
      return handler({ ...ctx, who, query: read(query as Q, ctx.req.query), params: read(params as P, ctx.req.params), body: read(body as B, ctx.req.body) });
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
