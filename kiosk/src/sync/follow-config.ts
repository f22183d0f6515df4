/**
 * Where a guest's phone follows a ticket (issue #14): the property's public base URL
 * (`GET /api/kiosk/follow-config`, from LOBBYDESK_PUBLIC_URL), fetched at start and kept in Dexie `meta`
 * so a kiosk restarted offline still prints the right QR. Without one, the kiosk's own origin.
 */
import { FollowConfig } from '../../../shared/protocol/follow.ts';
import { getMeta, setMeta } from '../../../shared/sync-client/outbox.ts';
import { api, db, hasToken } from './client.ts';
import { META } from './db.ts';
import { followBase } from './state.ts';


/** Reads the stored base, then asks the server; offline or refused, the stored one stays. */
export async function refreshFollowConfig(): Promise<void> {
  const stored = await getMeta<string | null>(db, META.followBase).catch(() => null);
  if (typeof stored === 'string') followBase.value = stored;
  if (!hasToken()) return;
  try {
    const { publicBaseUrl } = await api.get('/api/kiosk/follow-config', FollowConfig);
    followBase.value = publicBaseUrl;
    await setMeta(db, META.followBase, publicBaseUrl);
  } catch (e) {
    console.debug('kiosk: follow link base not refreshed', e);
  }
}
