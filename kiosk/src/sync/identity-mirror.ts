/**
 * A copy of the kiosk's identity (token and DeviceMe) in localStorage, read
 * synchronously at start so home is drawn before the sync layer (Dexie) has
 * loaded (boot.ts). Dexie stays the truth: identity.ts writes this on every
 * change, and the sync layer's own start corrects it.
 */
import type { DeviceMe } from '../../../shared/protocol/auth.ts';

/** Where the mirror of the stored identity lives (localStorage: read synchronously, before the first frame). */
const MIRROR = { token: 'lobbydesk-kiosk:token', me: 'lobbydesk-kiosk:me' } as const;

/**
 * Mirrors what Dexie holds of the kiosk's identity (identity.ts calls this on every change; Dexie stays the
 * truth): `undefined` leaves a part as it is, `null` removes it. Storage that refuses (private mode, quota)
 * only costs the quick start.
 */
export function mirrorIdentity(part: { token?: string | null; me?: DeviceMe | null }): void {
  try {
    if (typeof localStorage === 'undefined') return;
    for (const key of ['token', 'me'] as const) {
      const v = part[key];
      if (v === undefined) continue;
      if (v === null) localStorage.removeItem(MIRROR[key]);
      else localStorage.setItem(MIRROR[key], key === 'token' ? (v as string) : JSON.stringify(v));
    }
  } catch {
    /* the quick start is lost, nothing else */
  }
}

/** The mirrored token and DeviceMe, when both are there and the device is a kiosk; else null (the sync layer decides). */
export function mirroredIdentity(): { token: string; me: DeviceMe } | null {
  try {
    if (typeof localStorage === 'undefined') return null;
    const token = localStorage.getItem(MIRROR.token);
    const raw = localStorage.getItem(MIRROR.me);
    if (!token || !raw) return null;
    const me = JSON.parse(raw) as DeviceMe | null;
    return me && typeof me === 'object' && me.kind === 'kiosk' && typeof me.deviceId === 'string' ? { token, me } : null;
  } catch {
    return null;
  }
}
