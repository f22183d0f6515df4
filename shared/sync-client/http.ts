import type { z } from 'zod';
import { ApiError } from '../protocol/errors.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol/version.ts';
import { ApiFailure, NetworkFailure } from './failures.ts';

export { ApiFailure, isTransient, NetworkFailure } from './failures.ts';

export interface ApiOptions {
  /** Origin + nothing, e.g. "" for same origin. */
  base?: string;
  /** Bearer token for kiosk and wall devices; staff use the session cookie. */
  token?: () => string | null | undefined;
  timeoutMs?: number;
}

export class Api {
  /**
   * The server's clock minus this device's, from the `Date` header of the
   * last answer (1 s resolution): a device whose own clock is days off still
   * numbers tickets for the property's real service day. 0 until the server answers.
   */
  serverOffsetMs = 0;

  constructor(private readonly opts: ApiOptions = {}) {}

  /** Now on the server's clock, as far as this device knows it. */
  serverNow(): Date {
    return new Date(Date.now() + this.serverOffsetMs);
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...extra };
    const token = this.opts.token?.();
    if (token) h.authorization = `Bearer ${token}`;
    return h;
  }

  url(path: string): string {
    return `${this.opts.base ?? ''}${path}`;
  }

  async get<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
    return this.send('GET', path, undefined, schema, signal);
  }

  async post<S extends z.ZodType>(path: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
    return this.send('POST', path, body, schema, signal);
  }

  private async send<S extends z.ZodType>(method: string, path: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 15_000);
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        method,
        credentials: 'same-origin',
        headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (e) {
      throw new NetworkFailure(e instanceof Error ? e.message : String(e));
    }
    const said = Date.parse(res.headers.get('date') ?? '');
    if (Number.isFinite(said)) this.serverOffsetMs = said + 500 - Date.now(); // the header is whole seconds: take the middle
    const text = await res.text().catch(() => '');
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: handled below */
    }
    if (!res.ok) {
      const parsed = ApiError.safeParse(json);
      if (parsed.success) throw new ApiFailure(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
      // A proxy or a half-dead server answered something that is not ours.
      throw res.status >= 500 || res.status === 0
        ? new NetworkFailure(`HTTP ${res.status}`)
        : new ApiFailure(res.status, 'internal', `HTTP ${res.status}`);
    }
    return schema.parse(json);
  }
}
