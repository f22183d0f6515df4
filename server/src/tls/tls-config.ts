import { resolve } from 'node:path';

/** HTTPS on the LAN: off, a local CA the server makes itself, or the property's own certificate files. */
export type TlsSetting = 'off' | 'auto' | { cert: string; key: string };

/**
 * LOBBYDESK_TLS (`off` or `auto`) and LOBBYDESK_TLS_CERT / LOBBYDESK_TLS_KEY
 * (both or neither; given, they are used and LOBBYDESK_TLS may stay unset).
 * Anything else is refused at start.
 */
export function parseTlsSetting(env: NodeJS.ProcessEnv): TlsSetting {
  const mode = (env.LOBBYDESK_TLS ?? '').trim().toLowerCase();
  const cert = env.LOBBYDESK_TLS_CERT?.trim();
  const key = env.LOBBYDESK_TLS_KEY?.trim();
  if (!['', 'off', 'auto'].includes(mode)) throw new Error(`LOBBYDESK_TLS must be "off" or "auto", not "${mode.slice(0, 20)}"`);
  if (!cert !== !key) throw new Error('LOBBYDESK_TLS_CERT and LOBBYDESK_TLS_KEY go together: set both, or neither');
  if (cert && key) {
    if (mode !== '') throw new Error('LOBBYDESK_TLS_CERT and LOBBYDESK_TLS_KEY choose the certificate: leave LOBBYDESK_TLS unset');
    return { cert: resolve(cert), key: resolve(key) };
  }
  return mode === 'auto' ? 'auto' : 'off';
}
