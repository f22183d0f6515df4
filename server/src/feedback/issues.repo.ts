import type { Selectable } from 'kysely';
import type { Issue, IssueSeverity } from '../../../shared/domain/issue.ts';
import type { IssueStatus } from '../../../shared/domain/issue.machine.ts';
import type { DB } from '../store/schema.ts';
import type { Db, Tx } from '../store/store.ts';

type Row = Selectable<DB['issues']>;
const iso = (d: Date | string) => new Date(d).toISOString();

export function toIssue(r: Row): Issue {
  return {
    id: r.id,
    source: r.source as Issue['source'],
    severity: r.severity as IssueSeverity,
    status: r.status as IssueStatus,
    categories: r.categories as Issue['categories'],
    summary: r.summary,
    rating: r.rating,
    guestName: r.guest_name,
    room: r.room,
    contact: r.contact,
    contactConsent: r.contact_consent,
    feedbackId: r.feedback_id,
    requestId: r.request_id,
    ownerStaffId: r.owner_staff_id,
    ownerStaffName: r.owner_staff_name,
    acknowledgeBy: iso(r.acknowledge_by),
    resolveBy: iso(r.resolve_by),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    rev: r.rev,
  };
}

export async function insertIssue(trx: Tx, propertyId: string, i: Issue): Promise<void> {
  await trx
    .insertInto('issues')
    .values({
      id: i.id,
      property_id: propertyId,
      source: i.source,
      severity: i.severity,
      status: i.status,
      categories: i.categories,
      summary: i.summary,
      rating: i.rating,
      guest_name: i.guestName,
      room: i.room,
      contact: i.contact,
      contact_consent: i.contactConsent,
      feedback_id: i.feedbackId,
      request_id: i.requestId,
      owner_staff_id: i.ownerStaffId,
      owner_staff_name: i.ownerStaffName,
      acknowledge_by: i.acknowledgeBy,
      resolve_by: i.resolveBy,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      rev: i.rev,
    })
    .execute();
}

/** Open issues plus those closed in the last day: what the board starts from. */
export async function currentIssues(db: Db, propertyId: string): Promise<Issue[]> {
  const since = new Date(Date.now() - 24 * 3600_000);
  const rows = await db
    .selectFrom('issues')
    .selectAll()
    .where('property_id', '=', propertyId)
    .where((eb) => eb.or([eb('status', '!=', 'closed'), eb('updated_at', '>=', since)]))
    .orderBy('created_at')
    .limit(2000)
    .execute();
  return rows.map(toIssue);
}
