/** Every part of the staff view the engine keeps current, in the order it hands them a snapshot or events. */
import { issuesSlice } from './issues.ts';
import { luggageSlice } from './luggage.queries.ts';
import { membersSlice } from './members.ts';
import { requestsSlice } from './requests.slice.ts';
import { servicesSlice } from './services.ts';
import type { SyncSlice } from './slice.ts';

export const SLICES: readonly SyncSlice[] = [requestsSlice, issuesSlice, luggageSlice, membersSlice, servicesSlice];
/** Refusals of commands no slice claims are explained as the queue's. */
export const FALLBACK_SLICE: SyncSlice = requestsSlice;
