import { sql } from 'kysely';
import { isActive, REQUEST_STATUSES } from '../../../shared/domain/request.machine.ts';
import type { Db } from '../store/store.ts';

const OPEN_STATUSES = REQUEST_STATUSES.filter(isActive);

/**
 * Whether a claim code is on bags not yet collected: stored in the ledger, or
 * handed over with a kiosk drop-off ticket that staff have not shelved yet
 * (the guest holds a real claim ticket). Reads nothing else.
 */
export async function claimInStore(db: Db, propertyId: string, claimCode: string): Promise<boolean> {
  const stored = await db
    .selectFrom('luggage_items')
    .select('id')
    .where('property_id', '=', propertyId)
    .where('claim_code', '=', claimCode)
    .where('status', '=', 'stored')
    .executeTakeFirst();
  if (stored) return true;
  const dropOff = await db
    .selectFrom('service_requests')
    .select('id')
    .where('property_id', '=', propertyId)
    .where('kind', '=', 'luggage_in')
    .where('status', 'in', OPEN_STATUSES)
    .where(sql<string>`details ->> 'claimCode'`, '=', claimCode)
    .executeTakeFirst();
  return dropOff !== undefined;
}
