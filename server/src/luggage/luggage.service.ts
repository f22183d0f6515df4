/**
 * The luggage ledger (行李寄存 — "accurate and safe"): check-in, moves and
 * hand-back, each a staff command. Every step that changes who holds the
 * bags appends to the custody log; nothing is ever updated in it or deleted.
 */
import { normalizeClaimCode, type CustodyEntry, type LuggageItem } from '../../../shared/domain/luggage.ts';
import { LUGGAGE_APPROVER_ROLES, nextLuggageStatus, type LuggageAction, type LuggageStatus } from '../../../shared/domain/luggage.machine.ts';
import type { CommandOf, CommandResult } from '../../../shared/protocol/commands.ts';
import type { Principal } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import type { Applied } from '../events/applied.ts';
import type { Tx } from '../store/store.ts';
import { appendEvent } from '../events/events.repo.ts';
import { lockOpenRequest, moveRequest, staffOnly } from './linked-requests.ts';
import { appendCustody, custodyOf, insertItem, itemExists, itemInStoreByClaim, lockItem, updateItem, withDerived, type LuggageRecord } from './luggage.repo.ts';

type Staff = Extract<Principal, { kind: 'staff' }>;

function step(from: LuggageStatus, action: LuggageAction): LuggageStatus {
  const to = nextLuggageStatus(from, action);
  if (!to) {
    const why = from === 'lost_claim_pending' ? ' (a lost-ticket hand-back is waiting for a supervisor)' : '';
    throw new DomainError('illegal_transition', `Cannot ${action.replace('_', ' ')} an item that is ${from}${why}`);
  }
  return to;
}

function entry(who: Staff, action: CustodyEntry['action'], location: string, note: string | null, now: Date): CustodyEntry {
  return { at: now.toISOString(), staffId: who.staffId, staffName: who.name, action, location, note };
}

/** Writes the custody lines, then the item's event with its whole custody log. */
async function publish(trx: Tx, who: Staff, cmd: { deviceId: string }, item: LuggageRecord, lines: CustodyEntry[]): Promise<{ version: number; item: LuggageItem }> {
  for (const line of lines) await appendCustody(trx, who.propertyId, item.id, line);
  const custody = (await custodyOf(trx, [item.id])).get(item.id) ?? [];
  const full = withDerived({ ...item, custody });
  const version = await appendEvent(trx, {
    propertyId: who.propertyId,
    type: 'luggage.upserted',
    entityId: item.id,
    subjectDeviceId: null, // never pulled by a kiosk; the wall and kiosks are filtered by type as well
    actorStaffId: who.staffId,
    originDeviceId: cmd.deviceId,
    data: full,
  });
  return { version, item: full };
}

async function lockExisting(trx: Tx, who: Staff, itemId: string): Promise<LuggageRecord> {
  const item = await lockItem(trx, who.propertyId, itemId);
  if (!item) throw new DomainError('not_found', 'No such luggage item');
  return item;
}

const result = (item: LuggageItem) => ({ itemId: item.id, status: item.status, rev: item.rev });

export async function storeLuggage(trx: Tx, principal: Principal, cmd: CommandOf<'luggage.store'>, now: Date): Promise<Applied<CommandResult<'luggage.store'>>> {
  const who = staffOnly(principal);
  const p = cmd.payload;
  if (await itemExists(trx, p.itemId)) throw new DomainError('conflict', `Luggage item ${p.itemId} already exists`);
  if (p.tags.length !== p.bags) throw new DomainError('bad_request', `${p.bags} bag(s) need ${p.bags} tag number(s), got ${p.tags.length}`);
  if (new Set(p.tags).size !== p.tags.length) throw new DomainError('bad_request', 'Each bag needs its own tag number');

  let version = 0;
  let claimCode = p.claimCode;
  let ticket: string | null = null;
  let guestName = p.guestName || null;
  let room = p.room || null;
  let expectedPickupAt = p.expectedPickupAt;
  let receivedNote: string | null = null;
  if (p.requestId) {
    const req = await lockOpenRequest(trx, who, p.requestId, 'luggage_in');
    if (req.details?.kind !== 'luggage_in') throw new DomainError('bad_request', `Ticket ${req.ticket} has no luggage details`);
    claimCode = req.details.claimCode;
    ticket = req.ticket;
    guestName ??= req.guestName;
    room ??= req.room;
    expectedPickupAt ??= req.details.expectedPickupAt;
    receivedNote = req.details.bags === p.bags ? `Ticket ${req.ticket}` : `Ticket ${req.ticket}; the kiosk said ${req.details.bags} bag(s)`;
    version = await moveRequest(trx, who, cmd.deviceId, req, { status: 'completed' }, now);
  }
  if (!claimCode) throw new DomainError('bad_request', 'A desk check-in needs a claim code');
  if (await itemInStoreByClaim(trx, who.propertyId, claimCode)) throw new DomainError('conflict', 'That claim code is already on an item in store');

  const at = now.toISOString();
  const item: LuggageRecord = {
    id: p.itemId,
    claimCode,
    ticket,
    requestId: p.requestId,
    bags: p.bags,
    tags: p.tags,
    location: p.location,
    guestName,
    room,
    notes: p.notes || null,
    expectedPickupAt: expectedPickupAt ? new Date(expectedPickupAt).toISOString() : null,
    status: step('awaiting_storage', 'store'),
    lostClaim: null,
    releasedAt: null,
    releasedBy: null,
    approvedBy: null,
    createdAt: at,
    updatedAt: at,
    rev: 1,
  };
  await insertItem(trx, who.propertyId, item);
  const out = await publish(trx, who, cmd, item, [entry(who, 'received', p.location, receivedNote, now), entry(who, 'stored', p.location, null, now)]);
  return { result: { ...result(out.item), claimCode }, version: Math.max(version, out.version) };
}

export async function moveLuggage(trx: Tx, principal: Principal, cmd: CommandOf<'luggage.move'>, now: Date): Promise<Applied<CommandResult<'luggage.move'>>> {
  const who = staffOnly(principal);
  const p = cmd.payload;
  const item = await lockExisting(trx, who, p.itemId);
  const next: LuggageRecord = { ...item, status: step(item.status, 'move'), location: p.location, updatedAt: now.toISOString(), rev: item.rev + 1 };
  await updateItem(trx, next);
  const note = [`from ${item.location}`, p.note || null].filter(Boolean).join('; ');
  const out = await publish(trx, who, cmd, next, [entry(who, 'moved', p.location, note, now)]);
  return { result: result(out.item), version: out.version };
}

export async function releaseLuggage(trx: Tx, principal: Principal, cmd: CommandOf<'luggage.release'>, now: Date): Promise<Applied<CommandResult<'luggage.release'>>> {
  const who = staffOnly(principal);
  const p = cmd.payload;
  const item = await lockExisting(trx, who, p.itemId);
  const to = step(item.status, 'release');
  if (normalizeClaimCode(p.claimCode) !== item.claimCode) throw new DomainError('claim_mismatch', 'The claim code does not match this item');
  if (p.bagCount !== item.bags) throw new DomainError('bag_count_mismatch', `${p.bagCount} bag(s) counted, ${item.bags} were stored`);
  let version = 0;
  if (p.requestId) {
    const req = await lockOpenRequest(trx, who, p.requestId, 'luggage_out');
    if (req.details?.kind !== 'luggage_out' || req.details.claimCode !== item.claimCode) {
      throw new DomainError('claim_mismatch', `Ticket ${req.ticket} asks for another claim code`);
    }
    version = await moveRequest(trx, who, cmd.deviceId, req, { status: 'completed' }, now);
  }
  const at = now.toISOString();
  const next: LuggageRecord = { ...item, status: to, releasedAt: at, releasedBy: who.name, updatedAt: at, rev: item.rev + 1 };
  await updateItem(trx, next);
  const out = await publish(trx, who, cmd, next, [entry(who, 'released', item.location, `Claim code and ${item.bags} bag(s) checked`, now)]);
  return { result: result(out.item), version: Math.max(version, out.version) };
}

export async function releaseLost(trx: Tx, principal: Principal, cmd: CommandOf<'luggage.release_lost'>, now: Date): Promise<Applied<CommandResult<'luggage.release_lost'>>> {
  const who = staffOnly(principal);
  const p = cmd.payload;
  const item = await lockExisting(trx, who, p.itemId);
  const at = now.toISOString();
  const next: LuggageRecord = {
    ...item,
    status: step(item.status, 'release_lost'),
    lostClaim: { identityNotes: p.identityNotes, requestedById: who.staffId, requestedByName: who.name, requestedAt: at, decidedById: null, decidedByName: null, decidedAt: null, approved: null },
    updatedAt: at,
    rev: item.rev + 1,
  };
  await updateItem(trx, next);
  const out = await publish(trx, who, cmd, next, []);
  return { result: result(out.item), version: out.version };
}

export async function approveRelease(trx: Tx, principal: Principal, cmd: CommandOf<'luggage.approve_release'>, now: Date): Promise<Applied<CommandResult<'luggage.approve_release'>>> {
  const who = staffOnly(principal);
  if (!(LUGGAGE_APPROVER_ROLES as readonly string[]).includes(who.role)) throw new DomainError('forbidden', 'Only a supervisor or manager approves a hand-back without the claim ticket');
  const p = cmd.payload;
  const item = await lockExisting(trx, who, p.itemId);
  const to = step(item.status, p.approve ? 'approve_release' : 'decline_release');
  const at = now.toISOString();
  const claim = item.lostClaim!;
  const decided = { ...claim, decidedById: who.staffId, decidedByName: who.name, decidedAt: at, approved: p.approve };
  const next: LuggageRecord = p.approve
    ? { ...item, status: to, lostClaim: decided, releasedAt: at, releasedBy: claim.requestedByName, approvedBy: who.name, updatedAt: at, rev: item.rev + 1 }
    : { ...item, status: to, lostClaim: decided, updatedAt: at, rev: item.rev + 1 };
  await updateItem(trx, next);
  const lines = p.approve
    ? [entry(who, 'released', item.location, `No claim ticket; identity checked by ${claim.requestedByName}: ${claim.identityNotes}; approved by ${who.name}`, now)]
    : [];
  const out = await publish(trx, who, cmd, next, lines);
  return { result: result(out.item), version: out.version };
}
