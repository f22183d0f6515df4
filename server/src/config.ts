import { resolve } from 'node:path';
import { parseExtraNames } from './tls/names.ts';
import { parseTlsSetting, type TlsSetting } from './tls/tls-config.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  timeZone: string;
  secureCookies: boolean;
  staticDir: string;
  log: boolean;
  /** Where the JSON log goes instead of stdout (tests read it); not from the environment. */
  logStream?: NodeJS.WritableStream;
  /** Ed25519 member-card signing key (PKCS#8 PEM or base64url DER); null: kept in the data folder. */
  cardKey: string | null;
  /** HTTPS on the LAN (tls/): off, `auto` (a local CA in `<data>/tls/`), or the property's own certificate and key files. */
  tls: TlsSetting;
  /** The HTTPS port when TLS is on; PORT then answers machines and sends browsers here. */
  httpsPort: number;
  /** Extra names (host names or addresses) for the `auto` certificate, besides the machine's own. */
  tlsNames: string[];
  /** LOBBYDESK_PUBLIC_URL: where guests' phones reach the server (the follow QR's base), e.g. `https://desk.hotel.com`; null: the kiosk's own origin. */
  publicBaseUrl: string | null;
}

/** Everything configurable, from the environment. See README "Configuration". */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.LOBBYDESK_DATA ?? 'data'),
    databaseUrl: env.DATABASE_URL || null,
    timeZone: env.LOBBYDESK_TIMEZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
    secureCookies: env.LOBBYDESK_SECURE_COOKIES === '1',
    staticDir: resolve(env.LOBBYDESK_STATIC ?? 'dist'),
    log: env.LOBBYDESK_LOG !== '0',
    cardKey: env.LOBBYDESK_CARD_KEY || null,
    tls: parseTlsSetting(env),
    httpsPort: Number(env.HTTPS_PORT ?? 8443),
    tlsNames: parseExtraNames(env.LOBBYDESK_TLS_NAMES),
    publicBaseUrl: parsePublicBaseUrl(env.LOBBYDESK_PUBLIC_URL),
  };
}

/**
 * LOBBYDESK_PUBLIC_URL: an http(s) origin (scheme, host, optional port; one trailing slash is
 * allowed), nothing else: no path (the phone page and its API live at `/t/` and `/api/follow/`
 * of that origin), credentials, query or fragment. Kept as the origin, so `<base>/t/<token>` is
 * the QR. Anything else stops the start with the reason.
 */
export function parsePublicBaseUrl(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`LOBBYDESK_PUBLIC_URL is not a URL: ${JSON.stringify(v.slice(0, 100))}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('LOBBYDESK_PUBLIC_URL must start with https:// (or http://)');
  if (url.username || url.password) throw new Error('LOBBYDESK_PUBLIC_URL must not carry a user name or password');
  if (url.search || url.hash || v.includes('?') || v.includes('#')) throw new Error('LOBBYDESK_PUBLIC_URL must not have a query or fragment (only scheme, host and port)');
  if (url.pathname !== '/') throw new Error('LOBBYDESK_PUBLIC_URL is an origin without a path, e.g. https://desk.hotel.com (the phone page is served at /t/ of it)');
  return url.origin;
}
