/**
 * Behind a reverse proxy every connection comes from the proxy. With
 * LOBBYDESK_TRUST_PROXY naming it, the client address is the one the proxy
 * put in X-Forwarded-For, so per-address limits count each client on its
 * own. Without it (or from any other peer) X-Forwarded-For is ignored: a
 * client cannot pick its own address to escape a limit.
 */
import type { Running } from '../../server/src/server.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../server/src/auth/trust-proxy.ts';
import { LogCapture } from '../support/gauntlet.ts';
import { startServerWith } from '../support/server.ts';
import { apiCall } from './helpers.ts';


/** A login as a client at `client` would send it, arriving from `peer` (the proxy, or the client itself). */
let unknown = 0;
/** A different unknown staff id each time by default, so only the per-address limit is under test. */
const login = (base: string, peer: string, client: string | null, staffId = `nobody${++unknown}`, pin = '0000') =>
  apiCall(base, 'POST', '/api/auth/login', { body: { staffId, pin }, localAddress: peer, headers: client ? { 'x-forwarded-for': client } : {} });
const cardCode = (base: string, token: string, peer: string, client: string, i: number) =>
  apiCall(base, 'POST', '/api/kiosk/card', { token, body: { code: `ZZZZ-ZZZZ-ZZA${String.fromCharCode(65 + i)}` }, localAddress: peer, headers: { 'x-forwarded-for': client } });

describe('LOBBYDESK_TRUST_PROXY', () => {
  it('takes what Fastify takes (addresses, CIDRs, proxy-addr names, true), nothing when unset, and refuses a hop count or garbage', () => {
    for (const off of [undefined, '', ' ', '0', 'false', 'no']) expect(parseTrustProxy(off), String(off)).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('10.0.0.1')).toEqual(['10.0.0.1']);
    expect(parseTrustProxy(' 10.0.0.1, 192.168.0.0/16 ,::1,fd00::/8,loopback ')).toEqual(['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback']);
    // Fastify 5.12 trusts nothing for a hop count (it cannot tell the proxy from a client that spoofs the header): say so at start.
    expect(() => parseTrustProxy('1')).toThrow(/hop count/);
    expect(() => parseTrustProxy('10.0.0.300')).toThrow(/LOBBYDESK_TRUST_PROXY/);
    expect(() => parseTrustProxy('proxy.example.com')).toThrow(/LOBBYDESK_TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/LOBBYDESK_TRUST_PROXY/);
  });
});

describe('behind a trusted proxy (127.0.0.1)', () => {
  let server: Running & { base: string; stop(): Promise<void> };
  const log = new LogCapture();
  beforeAll(async () => {
    server = await startServerWith({ trustProxy: parseTrustProxy('127.0.0.1') }, log);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('limits each client behind the proxy on its own: one client’s 11th login is refused, another’s first is not', async () => {
    for (let i = 0; i < 10; i++) expect((await login(server.base, '127.0.0.1', '203.0.113.7')).status, `attempt ${i + 1}`).toBe(401);
    const eleventh = await login(server.base, '127.0.0.1', '203.0.113.7');
    expect(eleventh.status).toBe(429);
    expect(eleventh.json.error.code).toBe('rate_limited');
    expect((await login(server.base, '127.0.0.1', '203.0.113.8', 'agent1', '1111')).status).toBe(200);
    // The proxy appends the address it saw to what the client sent: the client's own entries are not believed.
    expect((await login(server.base, '127.0.0.1', '198.51.100.1, 203.0.113.9')).status).toBe(401);
    expect((await login(server.base, '127.0.0.1', '203.0.113.7, 203.0.113.10')).status).toBe(401);
    const seen = log.entries().filter((e) => e.req?.url === '/api/auth/login').map((e) => e.req.remoteAddress as string);
    expect(seen).toContain('203.0.113.8');
    expect(seen).not.toContain('127.0.0.1');
  });

  it('counts typed card codes per client behind the proxy too', async () => {
    const token = server.demo!.kioskToken;
    for (let i = 0; i < 30; i++) expect((await cardCode(server.base, token, '127.0.0.1', '203.0.113.20', i % 26)).status).toBe(404);
    expect((await cardCode(server.base, token, '127.0.0.1', '203.0.113.20', 0)).status).toBe(429);
    expect((await cardCode(server.base, token, '127.0.0.1', '203.0.113.21', 0)).status).toBe(404);
  });

  it('ignores X-Forwarded-For from any other peer', async () => {
    for (let i = 0; i < 10; i++) expect((await login(server.base, '127.0.0.2', `203.0.113.${100 + i}`)).status).toBe(401);
    expect((await login(server.base, '127.0.0.2', '203.0.113.200')).status).toBe(429);
  });
});

describe('without LOBBYDESK_TRUST_PROXY', () => {
  let server: Running & { base: string; stop(): Promise<void> };
  beforeAll(async () => {
    server = await startServerWith({ trustProxy: parseTrustProxy(undefined) });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('ignores X-Forwarded-For: a client cannot pick a new address for each guess', async () => {
    for (let i = 0; i < 10; i++) expect((await login(server.base, '127.0.0.3', `203.0.113.${i + 1}`)).status).toBe(401);
    const r = await login(server.base, '127.0.0.3', '203.0.113.99');
    expect(r.status).toBe(429);
    expect(r.json.error.code).toBe('rate_limited');
  });
});
