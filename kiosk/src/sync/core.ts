/**
 * The sync layer as one chunk, loaded right after the first screen
 * (actions.ts `loadSync()`): Dexie, the protocol's schemas, the outbox, the
 * live follower. Screens never import this; they call actions.ts and read
 * state.ts and queries.ts.
 */
export { liveQuery } from 'dexie';
export { db } from './client.ts';
export { startSync } from './engine.ts';
export { boot, pair, refresh } from './session.ts';
export { callStaff, createRequest, requestService, submitFeedback } from './writes.ts';
export { waitInputs } from './wait-stats.ts';
export { checkClaimCode } from './claims.ts';
export { checkCardOffline, lookupCard, refreshCardKey } from './members.ts';
export { readActiveServices } from './services.ts';
