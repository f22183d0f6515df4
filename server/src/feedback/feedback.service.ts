import { v7 as uuidv7 } from 'uuid';
import { ISSUE_SLA_MINUTES, initialEscalation, needsIssue, severityOf, type Issue, type IssueSeverity } from '../../../shared/domain/issue.ts';
import type { CommandOf, CommandResult } from '../../../shared/protocol/commands.ts';
import type { Principal } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import type { Applied } from '../events/applied.ts';
import type { Tx } from '../store/store.ts';
import { correctedTime, displayableDeviceTime } from '../sync/clock.ts';
import { appendEvent } from '../events/events.repo.ts';
import { freeReference, insertIssue } from './issues.repo.ts';

/**
 * A guest's rating. A complaint or a rating of 2 or less also opens an item
 * on the pending-issue board, with its SLA clock running from now.
 */
export async function submitFeedback(trx: Tx, who: Principal, cmd: CommandOf<'feedback.submit'>, now: Date, clockOffsetMs: number): Promise<Applied<CommandResult<'feedback.submit'>>> {
  const p = cmd.payload;
  if (await trx.selectFrom('feedback').select('id').where('id', '=', p.feedbackId).executeTakeFirst()) {
    throw new DomainError('conflict', `Feedback ${p.feedbackId} already exists`);
  }
  if (p.requestId) await mayRate(trx, who, p.requestId);
  if (p.reference && who.kind === 'staff') throw new DomainError('forbidden', 'Only a kiosk gives a guest a complaint reference');
  const createdAt = correctedTime(now, cmd.createdAt, clockOffsetMs);
  await trx
    .insertInto('feedback')
    .values({
      id: p.feedbackId,
      property_id: who.propertyId,
      device_id: cmd.deviceId,
      rating: p.rating,
      categories: p.categories,
      comment: p.comment || null,
      complaint: p.complaint,
      contact_consent: p.contactConsent,
      contact: p.contactConsent ? p.contact || null : null, // no consent, no contact kept
      guest_name: p.guestName || null,
      room: p.room || null,
      request_id: p.requestId,
      created_at: createdAt,
      client_created_at: displayableDeviceTime(cmd.createdAt, createdAt),
    })
    .execute();
  if (!needsIssue(p.rating, p.complaint)) return { result: { feedbackId: p.feedbackId, issueId: null }, version: 0 };

  const reference = p.reference ? await referenceFor(trx, who.propertyId, p.reference) : null;
  const severity = severityOf(p.rating, p.complaint);
  const sla = ISSUE_SLA_MINUTES[severity];
  const issue: Issue = {
    id: uuidv7(),
    source: 'kiosk_feedback',
    severity,
    status: 'new',
    categories: p.categories,
    summary: p.comment?.trim() || (p.complaint ? 'Complaint left at the kiosk (no comment)' : `Rated ${p.rating} of 5 at the kiosk (no comment)`),
    rating: p.rating,
    guestName: p.guestName || null,
    room: p.room || null,
    contact: p.contactConsent ? p.contact || null : null,
    contactConsent: p.contactConsent,
    feedbackId: p.feedbackId,
    requestId: p.requestId,
    ownerStaffId: null,
    ownerStaffName: null,
    acknowledgeBy: new Date(now.getTime() + sla.acknowledge * 60_000).toISOString(),
    resolveBy: new Date(now.getTime() + sla.resolve * 60_000).toISOString(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    rev: 1,
    ...boardDefaults(severity, now),
    reference,
  };
  await insertIssue(trx, who.propertyId, issue);
  const version = await appendEvent(trx, {
    propertyId: who.propertyId,
    type: 'issue.upserted',
    entityId: issue.id,
    subjectDeviceId: null, // never pulled by a kiosk
    actorStaffId: who.kind === 'staff' ? who.staffId : null,
    originDeviceId: cmd.deviceId,
    data: issue,
  });
  return { result: { feedbackId: p.feedbackId, issueId: issue.id, reference }, version };
}

/**
 * The reference to keep: the one the guest was shown, unless another issue
 * already has it (see freeReference). The property row is locked first so two
 * complaints delivered at once cannot both take one reference.
 */
async function referenceFor(trx: Tx, propertyId: string, ref: string): Promise<string> {
  await trx.selectFrom('properties').select('id').where('id', '=', propertyId).forUpdate().executeTakeFirst();
  return freeReference(trx, propertyId, ref);
}

/**
 * A ticket is rated once, by the kiosk that issued it (the guest who just
 * used it) or by staff: another kiosk cannot rate a stranger's ticket (a low
 * rating opens a complaint). The request row is locked so two ratings of one
 * ticket cannot both pass.
 */
async function mayRate(trx: Tx, who: Principal, requestId: string): Promise<void> {
  const rated = await trx.selectFrom('service_requests').select(['id', 'device_id', 'ticket']).where('id', '=', requestId).where('property_id', '=', who.propertyId).forUpdate().executeTakeFirst();
  if (!rated) throw new DomainError('not_found', 'The rated request does not exist');
  if (who.kind !== 'staff' && rated.device_id !== who.deviceId) throw new DomainError('forbidden', `Ticket ${rated.ticket} was issued by another kiosk; only that kiosk or staff may rate it`);
  const before = await trx.selectFrom('feedback').select('id').where('request_id', '=', requestId).executeTakeFirst();
  if (before) throw new DomainError('conflict', `Ticket ${rated.ticket} was already rated`);
}

/** The board's fields of a newly opened issue: a serious complaint goes straight to a supervisor. */
export function boardDefaults(severity: IssueSeverity, now: Date) {
  const escalationLevel = initialEscalation(severity);
  return {
    departments: [],
    escalationLevel,
    escalatedAt: escalationLevel > 0 ? now.toISOString() : null,
    pausedMs: 0,
    waitingSince: null,
    resolvedAt: null,
    closedAt: null,
    followUp: null,
    satisfied: null,
    notesCount: 0,
    notes: [],
    reference: null,
  } satisfies Partial<Issue>;
}
