import { kindAllows, nextStatus } from '../../../shared/domain/request.machine.ts';
import { queueJob, type ServiceRequest } from '../../../shared/domain/request.ts';
import { queueMayTake, requestQueue } from '../../../shared/domain/request-queue.ts';
import { addDays, isTicketFormat, serviceDayOf, STAFF_TICKET_LETTER } from '../../../shared/domain/ticket.ts';
import type { CommandOf, CommandResult } from '../../../shared/protocol/commands.ts';
import type { Principal } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import type { Tx } from '../store/store.ts';
import { correctedTime, displayableDeviceTime, storedSkew } from '../events/clock.ts';
import { appendEvent } from '../events/events.repo.ts';
import { findService } from '../services/services.repo.ts';
import type { ServiceDetails } from '../../../shared/domain/service.ts';
import type { Department } from '../../../shared/domain/issue.ts';
import { saveFollows } from '../follow/follow.service.ts';
import type { FollowLink } from '../../../shared/protocol/follow.ts';
import { linkMember } from './member-link.ts';
import { insertRequests, isUniqueViolation, lockRequest, requestOrTicketTaken, updateRequest } from './requests.repo.ts';

import type { Applied } from '../events/applied.ts';
import type { HandlerDeps } from '../events/command-handler.ts';


/**
 * `clockOffsetMs` is the server's clock minus the device's, measured on this
 * push (the device stamps `sentAt`). The request is timed by the guest's
 * moment on the server's clock: client time + offset, never in the future.
 * A member card that comes with it is verified first (member-link.ts).
 */
export async function createRequest(trx: Tx, who: Principal, cmd: CommandOf<'request.create'>, now: Date, clockOffsetMs: number, deps: HandlerDeps): Promise<Applied<CommandResult<'request.create'>>> {
  const p = cmd.payload;
  await checkTicket(trx, who, p.ticket, p.serviceDay, serviceDayOf(now, await propertyTimeZone(trx, who)));
  const taken = await requestOrTicketTaken(trx, who.propertyId, [{ id: p.requestId, serviceDay: p.serviceDay, ticket: p.ticket }]);
  if (taken.requests.has(p.requestId)) throw new DomainError('conflict', `Request ${p.requestId} already exists`);
  if (taken.tickets.size) throw ticketTakenError(p.ticket, p.serviceDay);
  const request = await newRequest(trx, who, cmd, now, clockOffsetMs, deps);
  await insertNew(trx, who.propertyId, [{ request, quote: p.quotedWait }]);
  const { results, version } = await announce(trx, who, [{ cmd, request }], now);
  return { result: results[0]!, version };
}

/**
 * A run of tickets (a kiosk delivering its queue): the same checks and rows as `createRequest`, with one query for
 * taken ids and numbers and one insert for all of them (see BatchHandler). Any refusal throws, and the push applies
 * the run again one by one, where each refusal is answered on its own.
 */
export async function createRequests(trx: Tx, who: Principal, cmds: CommandOf<'request.create'>[], now: Date, clockOffsetMs: number, deps: HandlerDeps): Promise<CommandResult<'request.create'>[]> {
  const today = serviceDayOf(now, await propertyTimeZone(trx, who));
  const keys = new Set<string>();
  for (const { payload: p } of cmds) {
    await checkTicket(trx, who, p.ticket, p.serviceDay, today);
    for (const key of [p.requestId, `${p.serviceDay} ${p.ticket}`]) {
      if (keys.has(key)) throw new DomainError('conflict', 'The same request or ticket twice in one batch');
      keys.add(key);
    }
  }
  const taken = await requestOrTicketTaken(trx, who.propertyId, cmds.map(({ payload: p }) => ({ id: p.requestId, serviceDay: p.serviceDay, ticket: p.ticket })));
  if (taken.requests.size || taken.tickets.size) throw new DomainError('conflict', 'A request or ticket in the batch already exists');
  const made: { cmd: CommandOf<'request.create'>; request: ServiceRequest }[] = [];
  for (const cmd of cmds) made.push({ cmd, request: await newRequest(trx, who, cmd, now, clockOffsetMs, deps) });
  await insertNew(trx, who.propertyId, made.map(({ cmd, request }) => ({ request, quote: cmd.payload.quotedWait })));
  return (await announce(trx, who, made, now)).results;
}

/** The request a `request.create` makes (its service looked up, its member card verified); nothing written but an audit line. */
async function newRequest(trx: Tx, who: Principal, cmd: CommandOf<'request.create'>, now: Date, clockOffsetMs: number, deps: HandlerDeps): Promise<ServiceRequest> {
  const p = cmd.payload;
  const service = p.details?.kind === 'service' ? await catalogService(trx, who.propertyId, p.details) : null;
  const member = p.memberCard ? await linkMember(trx, deps.cardKeys, who, p.requestId, cmd.deviceId, p.memberCard) : null;
  const corrected = correctedTime(now, cmd.createdAt, clockOffsetMs);
  return {
    id: p.requestId,
    kind: p.kind,
    ticket: p.ticket,
    serviceDay: p.serviceDay,
    status: 'waiting',
    reason: p.reason,
    guestName: p.guestName || null,
    room: p.room || null,
    note: p.note || null,
    // A shoe job's stage is staff's to set (shoe.advance), never the sender's.
    details: service ? service.details : p.details?.kind === 'shoe_care' && p.details.stage ? { ...p.details, stage: undefined } : p.details,
    deviceId: cmd.deviceId,
    desk: null,
    department: service ? service.department : null,
    transferNote: null,
    assignedStaffId: null,
    assignedStaffName: null,
    member,
    createdAt: corrected.toISOString(),
    clientCreatedAt: displayableDeviceTime(cmd.createdAt, corrected),
    clockSkewMs: storedSkew(clockOffsetMs),
    calledAt: null,
    completedAt: null,
    updatedAt: now.toISOString(),
    rev: 1,
  };
}

async function insertNew(trx: Tx, propertyId: string, rows: Parameters<typeof insertRequests>[2]): Promise<void> {
  try {
    await insertRequests(trx, propertyId, rows);
  } catch (e) {
    // Another device issued the same number in a transaction that committed after the check (two desk tablets share S):
    // the unique index says so, and the guest's command is rejected with the reason, never a 5xx.
    if (isUniqueViolation(e, 'service_requests_ticket_per_day') && rows.length === 1) throw ticketTakenError(rows[0]!.request.ticket, rows[0]!.request.serviceDay);
    if (isUniqueViolation(e, 'service_requests_ticket_per_day')) throw new DomainError('ticket_taken', 'A ticket in the batch was just issued by another device');
    throw e;
  }
}

/** Each new request's follow link (when the kiosk sent one) and its event; the results, in order, and the version reached (0 inside a push). */
async function announce(trx: Tx, who: Principal, made: { cmd: CommandOf<'request.create'>; request: ServiceRequest }[], now: Date): Promise<{ results: CommandResult<'request.create'>[]; version: number }> {
  const results: CommandResult<'request.create'>[] = [];
  let version = 0;
  // The guest's phone may follow it (follow/): a token already used leaves the ticket standing without a link.
  const followed = made.flatMap(({ cmd, request }) => (cmd.payload.follow ? [{ requestId: request.id, follow: cmd.payload.follow }] : []));
  const links = followed.length ? await saveFollows(trx, who.propertyId, followed, now) : new Map<string, FollowLink>();
  for (const { cmd, request } of made) {
    const follow = links.get(request.id);
    version = await appendEvent(trx, {
      propertyId: who.propertyId,
      type: 'request.upserted',
      entityId: request.id,
      subjectDeviceId: request.deviceId,
      actorStaffId: who.kind === 'staff' ? who.staffId : null,
      originDeviceId: cmd.deviceId,
      data: request,
    });
    results.push({ requestId: request.id, ticket: request.ticket, ...(follow ? { follow } : {}) });
  }
  return { results, version };
}

function ticketTakenError(ticket: string, serviceDay: string): DomainError {
  return new DomainError('ticket_taken', `Ticket ${ticket} was already issued on ${serviceDay}`);
}

/** The property's time zone, read once per push (the principal lives for one HTTP request). */
const timeZones = new WeakMap<Principal, string>();
async function propertyTimeZone(trx: Tx, who: Principal): Promise<string> {
  let zone = timeZones.get(who);
  if (zone === undefined) {
    zone = (await trx.selectFrom('properties').select('time_zone').where('id', '=', who.propertyId).executeTakeFirstOrThrow()).time_zone;
    timeZones.set(who, zone);
  }
  return zone;
}

/**
 * A catalog service's request: its code must be one of the property's services (unknown → rejected).
 * A retired one is still taken (an offline kiosk may have issued the ticket before it was retired).
 * The server stamps the service's department (the queue it lands in) and whether the wall calls it;
 * a sender's own `callOnWall` is ignored.
 */
async function catalogService(trx: Tx, propertyId: string, details: ServiceDetails): Promise<{ details: ServiceDetails; department: Department }> {
  const service = await findService(trx, propertyId, details.service);
  if (!service) throw new DomainError('not_found', `No service ${details.service} in this property's catalog`);
  return { details: { ...details, callOnWall: service.callOnWall }, department: service.department };
}

/**
 * A device issues only its own numbers, for a day near today: a kiosk its
 * own letter, staff the desk's `S`; a strict format (what `formatTicket`
 * makes); a service day from the property's yesterday (an offline kiosk
 * delivering late) to tomorrow (a kiosk clock a little ahead near midnight).
 */
async function checkTicket(trx: Tx, who: Principal, ticket: string, serviceDay: string, today: string): Promise<void> {
  if (!isTicketFormat(ticket)) throw new DomainError('bad_request', `Ticket ${ticket} is not a ticket number (a letter and 001–9999)`);
  const letter = who.kind === 'staff' ? STAFF_TICKET_LETTER : await kioskLetter(trx, who);
  if (ticket[0] !== letter) throw new DomainError('forbidden', `Ticket ${ticket} is not this ${who.kind === 'staff' ? 'desk' : 'kiosk'}'s to issue (its letter is ${letter ?? 'none'})`);
  if (serviceDay < addDays(today, -1) || serviceDay > addDays(today, 1)) {
    throw new DomainError('bad_request', `Service day ${serviceDay} is not near the property's today (${today}): check the device's clock`);
  }
}

/** A kiosk's letter, read once per push (the principal lives for one HTTP request; a letter changes only at pairing). */
const letters = new WeakMap<Principal, string | null>();
async function kioskLetter(trx: Tx, who: Extract<Principal, { kind: 'device' }>): Promise<string | null> {
  if (!letters.has(who)) letters.set(who, (await trx.selectFrom('devices').select('letter').where('id', '=', who.deviceId).executeTakeFirst())?.letter ?? null);
  return letters.get(who) ?? null;
}

export async function transitionRequest(trx: Tx, who: Principal, cmd: CommandOf<'request.transition'>, now: Date): Promise<Applied<CommandResult<'request.transition'>>> {
  if (who.kind !== 'staff') throw new DomainError('forbidden', 'Only staff change a request');
  const p = cmd.payload;
  const current = await lockRequest(trx, who.propertyId, p.requestId);
  if (!current) throw new DomainError('not_found', 'No such request');
  if (current.status !== p.expectedStatus) {
    const by = current.assignedStaffName ? ` by ${current.assignedStaffName}` : '';
    throw new DomainError('conflict', `Ticket ${current.ticket} is already ${current.status}${by}`, { current });
  }
  if (!nextStatus(current.status, p.action)) throw new DomainError('illegal_transition', `Cannot ${p.action} a request that is ${current.status}`);
  if (!queueMayTake(current, p.action, p.queue)) {
    // Transferred to another queue (request-queue.ts): only that queue calls it; transfer it back to work it here.
    throw new DomainError('conflict', `Ticket ${current.ticket} was transferred to ${requestQueue(current)}: only that queue may ${p.action} it (transfer it back to work it from ${p.queue})`, { current });
  }
  const job = queueJob(current);
  if (!kindAllows(job, p.action)) {
    // A shoe-care job is finished by returning the shoes (its stages), a luggage request by the ledger: never completed from the queue.
    const stage = current.details?.kind === 'shoe_care' ? (current.details.stage ?? null) : null;
    const how =
      current.kind === 'shoe_care'
        ? `it moves by its shoe stages (now ${stage ?? 'not accepted'}) and returning the shoes completes it`
        : current.kind === 'luggage_in'
          ? 'checking the bags in on the luggage ledger completes it'
          : current.kind === 'luggage_out'
            ? 'handing the bags back on the luggage ledger (claim code and bag count) completes it'
            : 'its own job moves it';
    throw new DomainError('illegal_transition', `Ticket ${current.ticket} is ${current.kind}: the queue cannot ${p.action} it; ${how}`, { kind: current.kind, stage });
  }
  const to = nextStatus(current.status, p.action, job)!;
  const at = now.toISOString();
  const takes = p.action === 'call' || p.action === 'serve';
  const transfer = p.action === 'transfer';
  if (transfer && !p.desk && !p.department) throw new DomainError('bad_request', 'A transfer names a desk or a department');
  const next: ServiceRequest = {
    ...current,
    status: to,
    // A transfer sends it to the named desk and/or department and lets go of it: back in line, nobody holds it.
    desk: transfer ? (p.desk ?? null) : (p.desk ?? current.desk),
    department: transfer ? (p.department ?? null) : current.department,
    transferNote: transfer ? (p.note || null) : current.transferNote,
    assignedStaffId: transfer ? null : takes ? who.staffId : current.assignedStaffId,
    assignedStaffName: transfer ? null : takes ? who.name : current.assignedStaffName,
    calledAt: p.action === 'call' ? at : current.calledAt,
    completedAt: to === 'completed' || to === 'cancelled' ? at : current.completedAt,
    updatedAt: at,
    rev: current.rev + 1,
  };
  await updateRequest(trx, next);
  const version = await appendEvent(trx, {
    propertyId: who.propertyId,
    type: 'request.upserted',
    entityId: next.id,
    subjectDeviceId: next.deviceId,
    actorStaffId: who.staffId,
    originDeviceId: cmd.deviceId,
    data: next,
  });
  return { result: { requestId: next.id, status: next.status, rev: next.rev }, version };
}
