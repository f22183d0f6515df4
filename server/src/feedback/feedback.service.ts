import { v7 as uuidv7 } from 'uuid';
import { ISSUE_SLA_MINUTES, needsIssue, severityOf, type Issue } from '../../../shared/domain/issue.ts';
import type { CommandOf, CommandResult } from '../../../shared/protocol/commands.ts';
import type { Principal } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import type { Applied } from '../events/applied.ts';
import type { Tx } from '../store/store.ts';
import { correctedTime, displayableDeviceTime } from '../events/clock.ts';
import { appendEvent } from '../events/events.repo.ts';
import { insertIssue, takeReference } from '../issues/issues.repo.ts';
import { boardDefaults } from '../issues/issues.service.ts';
import { feedbackExists, insertFeedback, lockRatedRequest, requestAlreadyRated } from './feedback.repo.ts';

/**
 * A guest's rating. A complaint or a rating of 2 or less also opens an item
 * on the pending-issue board, with its SLA clock running from now.
 */
export async function submitFeedback(trx: Tx, who: Principal, cmd: CommandOf<'feedback.submit'>, now: Date, clockOffsetMs: number): Promise<Applied<CommandResult<'feedback.submit'>>> {
  const p = cmd.payload;
  if (await feedbackExists(trx, p.feedbackId)) {
    throw new DomainError('conflict', `Feedback ${p.feedbackId} already exists`);
  }
  if (p.requestId) await mayRate(trx, who, p.requestId);
  if (p.reference && who.kind === 'staff') throw new DomainError('forbidden', 'Only a kiosk gives a guest a complaint reference');
  const createdAt = correctedTime(now, cmd.createdAt, clockOffsetMs);
  await insertFeedback(trx, {
    id: p.feedbackId,
    propertyId: who.propertyId,
    deviceId: cmd.deviceId,
    rating: p.rating,
    categories: p.categories,
    comment: p.comment || null,
    complaint: p.complaint,
    contactConsent: p.contactConsent,
    contact: p.contactConsent ? p.contact || null : null, // no consent, no contact kept
    guestName: p.guestName || null,
    room: p.room || null,
    requestId: p.requestId,
    createdAt,
    clientCreatedAt: displayableDeviceTime(cmd.createdAt, createdAt),
  });
  if (!needsIssue(p.rating, p.complaint)) return { result: { feedbackId: p.feedbackId, issueId: null }, version: 0 };

  const reference = p.reference ? await takeReference(trx, who.propertyId, p.reference) : null;
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
 * A ticket is rated once, by the kiosk that issued it (the guest who just
 * used it) or by staff: another kiosk cannot rate a stranger's ticket (a low
 * rating opens a complaint). The request row is locked so two ratings of one
 * ticket cannot both pass.
 */
async function mayRate(trx: Tx, who: Principal, requestId: string): Promise<void> {
  const rated = await lockRatedRequest(trx, who.propertyId, requestId);
  if (!rated) throw new DomainError('not_found', 'The rated request does not exist');
  if (who.kind !== 'staff' && rated.device_id !== who.deviceId) throw new DomainError('forbidden', `Ticket ${rated.ticket} was issued by another kiosk; only that kiosk or staff may rate it`);
  if (await requestAlreadyRated(trx, requestId)) throw new DomainError('conflict', `Ticket ${rated.ticket} was already rated`);
}
