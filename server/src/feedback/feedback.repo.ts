import type { Db, Tx } from '../store/store.ts';

/** A guest's rating as stored (`feedback`, migration 004 onwards). */
export interface NewFeedback {
  id: string;
  propertyId: string;
  deviceId: string;
  rating: number;
  categories: string[];
  comment: string | null;
  complaint: boolean;
  contactConsent: boolean;
  contact: string | null;
  guestName: string | null;
  room: string | null;
  requestId: string | null;
  createdAt: Date;
  /** The device's own clock, for display only (events/clock.ts). */
  clientCreatedAt: string;
}

export async function feedbackExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('feedback').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertFeedback(trx: Tx, f: NewFeedback): Promise<void> {
  await trx
    .insertInto('feedback')
    .values({
      id: f.id,
      property_id: f.propertyId,
      device_id: f.deviceId,
      rating: f.rating,
      categories: f.categories,
      comment: f.comment,
      complaint: f.complaint,
      contact_consent: f.contactConsent,
      contact: f.contact,
      guest_name: f.guestName,
      room: f.room,
      request_id: f.requestId,
      created_at: f.createdAt,
      client_created_at: f.clientCreatedAt,
    })
    .execute();
}

/** The rated request's row, locked until the transaction ends (two ratings of one ticket cannot both pass); undefined when not at this property. */
export async function lockRatedRequest(trx: Tx, propertyId: string, requestId: string) {
  return trx.selectFrom('service_requests').select(['id', 'device_id', 'ticket']).where('id', '=', requestId).where('property_id', '=', propertyId).forUpdate().executeTakeFirst();
}

export async function requestAlreadyRated(db: Db, requestId: string): Promise<boolean> {
  return (await db.selectFrom('feedback').select('id').where('request_id', '=', requestId).executeTakeFirst()) !== undefined;
}
