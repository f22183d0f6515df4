/**
 * Payloads of the luggage-ledger and shoe-care commands (staff only). The
 * schemas check shapes; rules across fields (tags per bag, claim code, bag
 * count) are decided by the server's handler, so a wrong entry rejects that
 * one command instead of the whole push batch.
 */
import { z } from 'zod';
import { LUGGAGE_STATUSES, SHOE_STAGES } from '../domain/luggage.machine.ts';
import { REQUEST_STATUSES } from '../domain/request.machine.ts';
import { defineCommands } from './command-def.ts';
import { ClaimCode } from '../domain/request.ts';
import { FreeText } from '../domain/text.ts';

const Tag = FreeText(20, { min: 1 });

export const LuggageStorePayload = z.object({
  itemId: z.uuid(),
  /** A kiosk luggage_in request: its claim code (and guest, when not typed) are used, and it is completed. */
  requestId: z.uuid().nullable().default(null),
  /** Desk check-in without a kiosk ticket: the tablet generates it. Ignored when `requestId` is given. */
  claimCode: ClaimCode.nullable().default(null),
  bags: z.number().int().min(1).max(20),
  tags: z.array(Tag).min(1).max(20),
  location: FreeText(40, { min: 1 }),
  guestName: FreeText(80).nullable().default(null),
  room: FreeText(12).nullable().default(null),
  notes: FreeText(500, { multiline: true }).nullable().default(null),
  expectedPickupAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

export const LuggageMovePayload = z.object({
  itemId: z.uuid(),
  location: FreeText(40, { min: 1 }),
  note: FreeText(200, { multiline: true }).nullable().default(null),
});

export const LuggageReleasePayload = z.object({
  itemId: z.uuid(),
  /** As typed or scanned; compared without case, spaces or dashes. */
  claimCode: FreeText(20, { min: 1 }),
  /** The bags counted at the hand-back: must equal the bags stored. */
  bagCount: z.number().int().min(0).max(50),
  /** The kiosk luggage_out request being served, completed on release. */
  requestId: z.uuid().nullable().default(null),
});

export const LuggageReleaseLostPayload = z.object({
  itemId: z.uuid(),
  identityNotes: FreeText(500, { multiline: true, min: 3 }),
});

export const LuggageApproveReleasePayload = z.object({
  itemId: z.uuid(),
  approve: z.boolean(),
});

export const ShoeStage = z.enum(SHOE_STAGES);
export const ShoeAdvancePayload = z.object({
  requestId: z.uuid(),
  stage: ShoeStage,
  /** The stage the sender saw (null: not accepted yet); a different current stage is a conflict. */
  expectedStage: ShoeStage.nullable(),
  /** Where the guest collects the shoes when the ticket is called (`ready`). */
  desk: FreeText(40).nullable().default(null),
});

/** What an applied ledger command answers: the item's new status and revision (and a generated claim code on a desk check-in). */
const LuggageResult = z.object({ itemId: z.uuid(), status: z.enum(LUGGAGE_STATUSES), rev: z.number().int() });

export const luggageCommands = defineCommands({
  'luggage.store': { payload: LuggageStorePayload, result: LuggageResult.extend({ claimCode: z.string() }), senders: ['staff'] },
  'luggage.move': { payload: LuggageMovePayload, result: LuggageResult, senders: ['staff'] },
  'luggage.release': { payload: LuggageReleasePayload, result: LuggageResult, senders: ['staff'] },
  'luggage.release_lost': { payload: LuggageReleaseLostPayload, result: LuggageResult, senders: ['staff'] },
  'luggage.approve_release': { payload: LuggageApproveReleasePayload, result: LuggageResult, senders: ['staff'] },
  'shoe.advance': { payload: ShoeAdvancePayload, result: z.object({ requestId: z.uuid(), stage: ShoeStage, status: z.enum(REQUEST_STATUSES) }), senders: ['staff'] },
});
