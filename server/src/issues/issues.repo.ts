import type { Selectable } from 'kysely';
import { ISSUE_NOTES_CARRIED, type Department, type EscalationLevel, type FollowUp, type Issue, type IssueNote, type IssueSeverity } from '../../../shared/domain/issue.ts';
import type { IssueStatus } from '../../../shared/domain/issue.machine.ts';
import { parseComplaintRef } from '../../../shared/domain/complaint-ref.ts';
import type { DB } from '../store/schema.ts';
import type { Db, Tx } from '../store/store.ts';

type Row = Selectable<DB['issues']>;
type NoteRow = Selectable<DB['issue_notes']>;
const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

function toNote(r: NoteRow): IssueNote {
  return {
    id: r.id,
    at: iso(r.at),
    kind: r.kind,
    staffId: r.staff_id,
    staffName: r.staff_name,
    text: r.text,
    toStaffId: r.to_staff_id,
    toStaffName: r.to_staff_name,
  };
}

export function toIssue(r: Row, notes: IssueNote[] = []): Issue {
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
    departments: r.departments as Department[],
    escalationLevel: r.escalation_level as EscalationLevel,
    escalatedAt: isoOrNull(r.escalated_at),
    pausedMs: Number(r.paused_ms),
    waitingSince: isoOrNull(r.waiting_since),
    resolvedAt: isoOrNull(r.resolved_at),
    closedAt: isoOrNull(r.closed_at),
    followUp: (typeof r.follow_up === 'string' ? JSON.parse(r.follow_up) : r.follow_up) as FollowUp | null,
    satisfied: r.satisfied,
    notesCount: r.notes_count,
    notes,
    reference: r.reference,
  };
}

/** The columns of an issue that change after it is opened. */
function changeable(i: Issue) {
  return {
    status: i.status,
    severity: i.severity,
    owner_staff_id: i.ownerStaffId,
    owner_staff_name: i.ownerStaffName,
    updated_at: i.updatedAt,
    rev: i.rev,
    departments: i.departments,
    escalation_level: i.escalationLevel,
    escalated_at: i.escalatedAt,
    paused_ms: i.pausedMs,
    waiting_since: i.waitingSince,
    resolved_at: i.resolvedAt,
    closed_at: i.closedAt,
    follow_up: i.followUp === null ? null : JSON.stringify(i.followUp),
    satisfied: i.satisfied,
    notes_count: i.notesCount,
  };
}

export async function insertIssue(trx: Tx, propertyId: string, i: Issue): Promise<void> {
  const ref = i.reference === null ? null : parseComplaintRef(i.reference);
  await trx
    .insertInto('issues')
    .values({
      reference: i.reference,
      reference_letter: ref?.letter ?? null,
      reference_no: ref?.n ?? null,
      ...changeable(i),
      id: i.id,
      property_id: propertyId,
      source: i.source,
      categories: i.categories,
      summary: i.summary,
      rating: i.rating,
      guest_name: i.guestName,
      room: i.room,
      contact: i.contact,
      contact_consent: i.contactConsent,
      feedback_id: i.feedbackId,
      request_id: i.requestId,
      acknowledge_by: i.acknowledgeBy,
      resolve_by: i.resolveBy,
      created_at: i.createdAt,
    })
    .execute();
}

export async function updateIssue(trx: Tx, i: Issue): Promise<void> {
  await trx.updateTable('issues').set(changeable(i)).where('id', '=', i.id).execute();
}

/** The issue with its latest notes, its row locked until commit; undefined when not at this property. */
export async function issueExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('issues').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function lockIssue(trx: Tx, propertyId: string, id: string): Promise<Issue | undefined> {
  const row = await trx.selectFrom('issues').selectAll().where('id', '=', id).where('property_id', '=', propertyId).forUpdate().executeTakeFirst();
  if (!row) return undefined;
  return toIssue(row, (await notesOf(trx, [id])).get(id) ?? []);
}

export async function insertNote(trx: Tx, propertyId: string, issueId: string, n: IssueNote): Promise<void> {
  await trx
    .insertInto('issue_notes')
    .values({
      id: n.id,
      issue_id: issueId,
      property_id: propertyId,
      kind: n.kind,
      staff_id: n.staffId,
      staff_name: n.staffName,
      text: n.text,
      to_staff_id: n.toStaffId,
      to_staff_name: n.toStaffName,
      at: n.at,
    })
    .execute();
}

/** The latest ISSUE_NOTES_CARRIED notes of each issue, oldest first. */
async function notesOf(db: Db, issueIds: string[]): Promise<Map<string, IssueNote[]>> {
  const out = new Map<string, IssueNote[]>();
  if (issueIds.length === 0) return out;
  const rows = await db.selectFrom('issue_notes').selectAll().where('issue_id', 'in', issueIds).orderBy('at').orderBy('id').execute();
  for (const r of rows) {
    const list = out.get(r.issue_id) ?? [];
    list.push(toNote(r));
    if (list.length > ISSUE_NOTES_CARRIED) list.shift();
    out.set(r.issue_id, list);
  }
  return out;
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
  const notes = await notesOf(
    db,
    rows.filter((r) => r.notes_count > 0).map((r) => r.id),
  );
  return rows.map((r) => toIssue(r, notes.get(r.id) ?? []));
}

/** Issues whose SLA clock runs (not waiting on the guest, not resolved): candidates for escalation. */
export async function runningIssues(db: Db): Promise<{ id: string; propertyId: string; issue: Issue }[]> {
  const rows = await db.selectFrom('issues').selectAll().where('status', 'in', ['new', 'acknowledged', 'in_progress']).where('escalation_level', '<', 2).execute();
  return rows.map((r) => ({ id: r.id, propertyId: r.property_id, issue: toIssue(r) }));
}

/** The highest complaint counter any kiosk with `letter` used at this property (0 when none). */
export async function lastComplaintNo(db: Db, propertyId: string, letter: string): Promise<number> {
  const r = await db
    .selectFrom('issues')
    .select((eb) => eb.fn.max('reference_no').as('n'))
    .where('property_id', '=', propertyId)
    .where('reference_letter', '=', letter)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * The reference to store for a complaint whose guest was told `ref`: itself,
 * or — in the one case two complaints carry one reference (a revoked kiosk
 * delivering late under a letter a new kiosk now has) — `ref-2`, `ref-3`…,
 * so the later one keeps its place and a search for `ref` finds both.
 */
export async function freeReference(trx: Tx, propertyId: string, ref: string): Promise<string> {
  const taken = new Set(
    (await trx.selectFrom('issues').select('reference').where('property_id', '=', propertyId).where('reference', 'like', `${ref}%`).execute()).map((r) => r.reference),
  );
  if (!taken.has(ref)) return ref;
  let k = 2;
  while (taken.has(`${ref}-${k}`)) k++;
  return `${ref}-${k}`;
}

/**
 * The reference to keep for a complaint: the one the guest was shown, unless
 * another issue already has it (see freeReference). The property row is
 * locked first so two complaints delivered at once cannot both take one
 * reference.
 */
export async function takeReference(trx: Tx, propertyId: string, ref: string): Promise<string> {
  await trx.selectFrom('properties').select('id').where('id', '=', propertyId).forUpdate().executeTakeFirst();
  return freeReference(trx, propertyId, ref);
}
