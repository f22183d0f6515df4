import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RouteOptions } from 'fastify';
import type { AppDeps } from '../http/route.ts';
import { countAttempt, pruneAttemptsNowAndThen } from './attempts.repo.ts';

/**
 * A store for @fastify/rate-limit that keeps the per-route, per-address
 * counters (`rateLimitPerMinute` in the route table) in `auth_attempts`, so
 * every instance on one database counts together and a restart forgets
 * nothing. Same fixed-window rule as the plugin's in-memory store.
 */
export function databaseRateLimitStore(deps: Pick<AppDeps, 'store' | 'now'>): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly scope = 'rate:*',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = deps.now();
      pruneAttemptsNowAndThen(deps.store.db, now)
        .then(() => countAttempt(deps.store.db, this.scope, key, now, timeWindow))
        .then(
          (c) => callback(null, { current: c.count, ttl: Math.max(0, c.windowEnds.getTime() - now.getTime()) }),
          (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
        );
    }

    child(routeOptions: RouteOptions & { path: string; prefix: string; routeInfo?: { method?: unknown; url?: string } }): FastifyRateLimitStore {
      // The plugin passes the merged route options; the route itself is in routeInfo.
      const info = routeOptions.routeInfo ?? routeOptions;
      const method = Array.isArray(info.method) ? info.method.join(',') : String(info.method);
      return new DatabaseStore({}, `rate:${method} ${info.url}`);
    }
  }
  return DatabaseStore;
}
