/** Staff commands on members' balances, approvals above authority, card reissue and the authority limits. */
import { z } from 'zod';
import { AuthorityLimits, AuthorityLimitsInput, BalanceOperation } from '../domain/authority.ts';
import { FreeText } from '../domain/text.ts';
import { defineCommands } from './command-def.ts';
import { ApprovalStatus } from './members-staff.ts';

const Reason = FreeText(300, { multiline: true, min: 3 });
const Money = z.number().int().min(-100_000_000).max(100_000_000);

/**
 * A change to a member's stored value and points. `amountMinor` is positive
 * for top-up and redeem, signed for adjust; `points` is signed. Within what
 * is left of the sender's authority today (money and points of that
 * operation) it applies at once; past it, it becomes an approval (result
 * `{status: 'pending_approval', approvalId}`). Rules across fields, and a
 * balance or points past what a member can hold, are checked in the
 * handler, so one wrong entry rejects one command only.
 */
export const MemberBalancePayload = z.object({
  memberId: z.uuid(),
  operation: BalanceOperation,
  amountMinor: Money,
  points: z.number().int().min(-10_000_000).max(10_000_000).default(0),
  reason: Reason,
  /** The balance the sender saw; a different balance is a conflict (someone else changed it). */
  expectedBalance: z.number().int().nonnegative().nullable().default(null),
});
export type MemberBalancePayload = z.infer<typeof MemberBalancePayload>;

export const ApprovalDecidePayload = z.object({ approvalId: z.uuid(), approve: z.boolean(), note: FreeText(300, { multiline: true }).default('') });

/** A new card version: every older card of the member stops working. Supervisors and managers. */
export const MemberReissueCardPayload = z.object({ memberId: z.uuid(), reason: Reason });

/** The property's authority limits, money and points (managers only). Points limits left out are kept as they are. */
export const SettingsAuthorityPayload = z.object({ limits: AuthorityLimitsInput });

/** What an applied `member.balance` answers. */
export const MemberBalanceResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('applied'), memberId: z.uuid(), balanceMinor: z.number().int(), points: z.number().int() }),
  z.object({
    status: z.literal('pending_approval'),
    memberId: z.uuid(),
    approvalId: z.uuid(),
    /** The sender's daily limit for this operation (money), null for none. */
    limitMinor: z.number().int().nullable().optional(),
    /** What was left of the sender's budget today for this operation when it was asked. */
    remainingMinor: z.number().int().nonnegative().optional(),
    remainingPoints: z.number().int().nonnegative().optional(),
  }),
]);
export type MemberBalanceResult = z.infer<typeof MemberBalanceResult>;

export const memberCommands = defineCommands({
  'member.balance': { payload: MemberBalancePayload, result: MemberBalanceResult, senders: ['staff'] },
  'member.reissue_card': { payload: MemberReissueCardPayload, result: z.object({ memberId: z.uuid(), cardVersion: z.number().int() }), senders: ['staff'] },
  'approval.decide': { payload: ApprovalDecidePayload, result: z.object({ approvalId: z.uuid(), status: ApprovalStatus }), senders: ['staff'] },
  'settings.authority': { payload: SettingsAuthorityPayload, result: z.object({ limits: AuthorityLimits }), senders: ['staff'] },
});
