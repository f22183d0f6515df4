import { isIP } from 'node:net';

/** Fastify's `trustProxy`: `false` (believe no X-Forwarded-For), `true` (believe any), or the proxies' addresses and CIDRs. */
export type TrustProxy = boolean | string[];

/** Names @fastify/proxy-addr knows for whole address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function validEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * LOBBYDESK_TRUST_PROXY: who may tell the server a client's address in
 * X-Forwarded-For. Unset, empty, `0`, `false` or `no`: nobody (the socket's
 * address counts). `true`: any peer (only when the server's port is reachable
 * from the proxy alone). Otherwise a comma-separated list of addresses, CIDRs
 * (`10.0.0.0/8`) or the names `loopback`, `linklocal`, `uniquelocal`.
 *
 * A hop count (`1`) is refused: Fastify 5 trusts nobody for a number, since
 * it cannot tell the proxy from a client that sends the header itself.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (['', '0', 'false', 'no'].includes(v.toLowerCase())) return false;
  if (v.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(v)) {
    throw new Error(`LOBBYDESK_TRUST_PROXY=${v}: a hop count is not supported (Fastify cannot check the proxy by counting); give the proxy's address or CIDR, e.g. 10.0.0.5 or 10.0.0.0/24`);
  }
  const entries = v.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const bad = entries.filter((e) => !validEntry(e));
  if (bad.length > 0) throw new Error(`LOBBYDESK_TRUST_PROXY: not an IP address, CIDR or range name: ${bad.join(', ')}`);
  return entries;
}
