import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';

/** The names a server certificate covers: DNS names and IP addresses, each list sorted and without repeats. */
export interface CertNames {
  dns: string[];
  ips: string[];
}

const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Checks LOBBYDESK_TLS_NAMES (comma-separated host names or IP addresses);
 * throws naming the first entry that is neither.
 */
export function parseExtraNames(value: string | undefined): string[] {
  const names = (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const n of names) {
    if (!isIP(n) && !DNS_NAME.test(n)) throw new Error(`LOBBYDESK_TLS_NAMES: "${n}" is neither a host name nor an IP address`);
  }
  return names;
}

/**
 * This machine's names on the LAN: its host name, `<host name>.local`
 * (mDNS), localhost, the loopback addresses and every non-internal address
 * of its network interfaces, plus `extra` (already checked by parseExtraNames).
 */
export function localNames(extra: readonly string[] = []): CertNames {
  const host = hostname().toLowerCase();
  const dns = new Set<string>(['localhost']);
  const ips = new Set<string>(['127.0.0.1', '::1']);
  // A host name with characters DNS does not allow (spaces, underscores) cannot be a certificate name: the addresses still work.
  if (DNS_NAME.test(host)) {
    dns.add(host);
    if (!host.endsWith('.local')) dns.add(`${host.split('.')[0]}.local`);
  }
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal) ips.add(a.address.split('%')[0]!.toLowerCase());
  }
  for (const n of extra) (isIP(n) ? ips : dns).add(n);
  return { dns: [...dns].sort(), ips: [...ips].sort() };
}
