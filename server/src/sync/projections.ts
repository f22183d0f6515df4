/**
 * What each audience receives of each event type, from the data as stored: one function per
 * audience the shared table (shared/protocol/events.ts) names for the type. The compiler
 * requires an entry for every type and every audience it lists, so a new event type cannot
 * reach a screen unprojected.
 */
import { serviceCodeOf, toWallRequest } from '../../../shared/domain/request.ts';
import { KioskRequest, type AudiencesOf, type EventDataFor, type EventType, type StoredEventData } from '../../../shared/protocol/events.ts';
import { withDerived } from '../luggage/luggage.repo.ts';

type Projections = {
  [T in EventType]: { [A in AudiencesOf<T>]: (data: StoredEventData<T>) => EventDataFor<T, A> };
};

const same = <D>(data: D): D => data;

export const PROJECTIONS: Projections = {
  'request.upserted': { staff: same, wall: toWallRequest, kiosk: (r) => KioskRequest.parse({ ...r, service: serviceCodeOf(r) }) },
  'issue.upserted': { staff: same },
  'luggage.upserted': { staff: (item) => withDerived(item) },
  'member.upserted': { staff: same },
  'approval.upserted': { staff: same },
  'display.upserted': { staff: same, wall: same },
  'service.upserted': { staff: same, wall: same, kiosk: same },
};
