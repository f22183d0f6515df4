/**
 * What the kiosk screens can do. The sync layer (core.ts: Dexie, the
 * schemas, the engine) is its own chunk, loaded once the first screen is up;
 * each action waits for it, so a guest's first tap never waits for more than
 * that chunk. Screens read the sync layer's state from state.ts.
 */
import type { CallStaffInput, FeedbackInput, RequestInput, ServiceRequestInput } from './writes.ts';

export type { CallStaffInput, FeedbackInput, RequestInput, ServiceRequestInput };
export { dismissSaveFailed, holdGuestCard, saveFailed, storageTrouble, type StorageError } from './state.ts';

type Core = typeof import('./core.ts');
let loading: Promise<Core> | null = null;

/** The sync layer, loaded once (a failed load, say offline before the service worker has it, is tried again next time). */
export function loadSync(): Promise<Core> {
  loading ??= import('./core.ts').catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

type Args<F> = F extends (...args: infer A) => unknown ? A : never;
type Result<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;
type CoreFn = { [K in keyof Core]: Core[K] extends (...args: never[]) => unknown ? K : never }[keyof Core];

/** `core[name]`, called once the sync layer is loaded. */
function viaCore<K extends CoreFn>(name: K): (...args: Args<Core[K]>) => Promise<Result<Core[K]>> {
  return async (...args) => {
    const fn = (await loadSync())[name] as (...a: Args<Core[K]>) => Result<Core[K]> | Promise<Result<Core[K]>>;
    return await fn(...args);
  };
}

/** Takes a number for the guest; works offline (the writes are sync/writes.ts). */
export const callStaff = viaCore('callStaff');
/** Luggage in/out, shoe care: a number at once, delivered when the network allows. */
export const createRequest = viaCore('createRequest');
/** A catalog service (taxi, towels…): a number at once. */
export const requestService = viaCore('requestService');
/** A rating and comment (maybe a complaint); works offline. */
export const submitFeedback = viaCore('submitFeedback');
/** Pairs with a code made by staff. Throws ApiFailure, NetworkFailure or NotAKioskError. */
export const pair = viaCore('pair');
/** Asks the server who we are; false when it cannot. */
export const refresh = viaCore('refresh');
/** What a wait estimate for a new ticket of a kind needs, read now (sync/wait-stats.ts). */
export const waitInputs = viaCore('waitInputs');
/** Whether a claim code is on bags in the ledger, or unchecked when the server is out of reach (sync/claims.ts). */
export const checkClaimCode = viaCore('checkClaimCode');
/** The member behind a typed code or a scanned token (sync/members.ts). */
export const lookupCard = viaCore('lookupCard');
/** Fetches the card public key and keeps it; the stored one when offline. */
export const refreshCardKey = viaCore('refreshCardKey');
/** Offline check of a scanned token against the stored key. */
export const checkCardOffline = viaCore('checkCardOffline');
