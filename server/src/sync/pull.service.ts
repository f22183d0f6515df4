import { Issue } from '../../../shared/domain/issue.ts';
import { LuggageItem } from '../../../shared/domain/luggage.ts';
import { ServiceRequest, toWallRequest } from '../../../shared/domain/request.ts';
import { KioskRequest, type Audience } from '../../../shared/protocol/events.ts';
import { MAX_PULL_BATCH } from '../../../shared/protocol/sync.ts';
import { DisplaySettings } from '../../../shared/protocol/display.ts';
import type { Principal } from '../auth/principal.ts';
import { currentIssues } from '../feedback/issues.repo.ts';
import { currentLuggage, withDerived } from '../luggage/luggage.repo.ts';
import { Approval, MemberSummary } from '../../../shared/protocol/members-staff.ts';
import { currentRequests } from '../requests/requests.repo.ts';
import { displaySettings } from '../settings/display.repo.ts';
import type { Db } from '../store/store.ts';
import { currentVersion, eventsAfter } from '../events/events.repo.ts';

const KIOSK_TYPES = ['request.upserted'] as const;
/** The wall also follows the hotel's name and its languages. */
const WALL_TYPES = ['request.upserted', 'display.upserted'] as const;

export function audienceOf(who: Principal): Audience {
  return who.kind === 'staff' ? 'staff' : who.deviceKind === 'wall' ? 'wall' : 'kiosk';
}

/** What each audience may see of a request: the wall never gets names, rooms or notes; a kiosk only its own. */
function project(audience: Audience, r: ServiceRequest) {
  if (audience === 'staff') return r;
  if (audience === 'wall') return toWallRequest(r);
  return KioskRequest.parse(r);
}

/**
 * Events after `after`, up to the version that was committed when the pull
 * began. `reset` when the cursor is ahead of the server (a restored database).
 */
export async function pull(db: Db, who: Principal, after: number) {
  const audience = audienceOf(who);
  const upTo = await currentVersion(db, who.propertyId);
  if (after > upTo) return { version: upTo, events: [], hasMore: false, reset: true };
  const own = audience === 'kiosk' && who.kind === 'device' ? who.deviceId : undefined;
  // Only staff see the pending-issue board; screens in the lobby get request events (and the wall its display settings).
  const types = audience === 'staff' ? undefined : audience === 'wall' ? WALL_TYPES : KIOSK_TYPES;
  const rows = await eventsAfter(db, who.propertyId, after, upTo, MAX_PULL_BATCH, own, types);
  const hasMore = rows.length === MAX_PULL_BATCH;
  const events = rows.map((e) => {
    const base = { version: e.version, at: new Date(e.at).toISOString() };
    if (e.type === 'issue.upserted') return { ...base, type: 'issue.upserted' as const, issue: Issue.parse(e.data) };
    if (e.type === 'luggage.upserted') return { ...base, type: 'luggage.upserted' as const, item: withDerived(LuggageItem.parse({ ...(e.data as object), overdue: false })) };
    if (e.type === 'member.upserted') return { ...base, type: 'member.upserted' as const, member: MemberSummary.parse(e.data) };
    if (e.type === 'approval.upserted') return { ...base, type: 'approval.upserted' as const, approval: Approval.parse(e.data) };
    if (e.type === 'display.upserted') return { ...base, type: 'display.upserted' as const, display: DisplaySettings.parse(e.data) };
    return { ...base, type: 'request.upserted' as const, request: project(audience, ServiceRequest.parse(e.data)) };
  });
  return { version: hasMore ? rows[rows.length - 1]!.version : upTo, events, hasMore, reset: false };
}

export async function snapshot(db: Db, who: Principal) {
  const audience = audienceOf(who);
  // Read the version first: anything the request query sees beyond it is merely applied again on the next pull.
  const version = await currentVersion(db, who.propertyId);
  const own = audience === 'kiosk' && who.kind === 'device' ? who.deviceId : undefined;
  const requests = (await currentRequests(db, who.propertyId, own)).map((r) => project(audience, r));
  if (audience === 'wall') return { version, requests, display: await displaySettings(db, who.propertyId) };
  if (audience !== 'staff') return { version, requests };
  return { version, requests, issues: await currentIssues(db, who.propertyId), luggage: await currentLuggage(db, who.propertyId) };
}
