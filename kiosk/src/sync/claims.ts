/**
 * Asks the server whether a claim code is on bags in store
 * (`POST /api/kiosk/claim-check`) before the kiosk issues a pick-up ticket.
 * The answer is yes or no, nothing about the bags or their owner. When the
 * server cannot be asked (offline, slow, busy), the answer is `unchecked`
 * and the kiosk relies on the code's check character alone.
 */
import { ClaimCheckResponse } from '../../../shared/protocol/claim-check.ts';
import { ApiFailure, isTransient } from '../../../shared/sync-client/http.ts';
import { api, hasToken } from './client.ts';

export type ClaimVerdict = 'in_store' | 'not_in_store' | 'unchecked';

/** A guest is waiting at the screen: a server that does not answer by then counts as offline. */
export const CLAIM_CHECK_TIMEOUT_MS = 4_000;

export async function checkClaimCode(code: string): Promise<ClaimVerdict> {
  if (!hasToken() || (typeof navigator !== 'undefined' && navigator.onLine === false)) return 'unchecked';
  try {
    const r = await api.post('/api/kiosk/claim-check', { code }, ClaimCheckResponse, AbortSignal.timeout(CLAIM_CHECK_TIMEOUT_MS));
    return r.inStore ? 'in_store' : 'not_in_store';
  } catch (e) {
    // A 400 means the server read the code as malformed: it is not on any bags.
    if (e instanceof ApiFailure && e.status === 400) return 'not_in_store';
    if (!isTransient(e)) console.warn('kiosk: claim code not checked', e);
    return 'unchecked';
  }
}
