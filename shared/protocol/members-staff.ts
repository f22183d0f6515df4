/** Members, their ledger, approvals and authority as staff see them (never sent to walls or kiosks). */
import { z } from 'zod';
import { AuthorityLimits, BalanceOperation, Budget } from '../domain/authority.ts';
import { LedgerKind, MemberTier } from './members.ts';
import { StaffRole } from './auth.ts';
import { FreeText } from '../domain/text.ts';

export const MemberSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  tier: MemberTier,
  balanceMinor: z.number().int().nonnegative(),
  points: z.number().int().nonnegative(),
  cardVersion: z.number().int().positive(),
  /** The typed code of the current card (XXXX-XXXX-XXXX). */
  cardCode: z.string(),
  rev: z.number().int().positive(),
});
export type MemberSummary = z.infer<typeof MemberSummary>;

export const StaffLedgerEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  kind: LedgerKind,
  amountMinor: z.number().int(),
  points: z.number().int(),
  reason: z.string().nullable(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
  deviceId: z.string().nullable(),
});
export type StaffLedgerEntry = z.infer<typeof StaffLedgerEntry>;

export const ApprovalStatus = z.enum(['pending', 'approved', 'declined']);
export type ApprovalStatus = z.infer<typeof ApprovalStatus>;

/** A balance change above its sender's authority, waiting for (or decided by) a supervisor or manager. */
export const Approval = z.object({
  id: z.uuid(),
  kind: z.literal('member.balance'),
  memberId: z.uuid(),
  memberName: z.string(),
  operation: BalanceOperation,
  amountMinor: z.number().int(),
  points: z.number().int(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  status: ApprovalStatus,
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  rev: z.number().int().positive(),
});
export type Approval = z.infer<typeof Approval>;

export const MemberSearchQuery = z.object({ q: FreeText(80).default(''), offset: z.coerce.number().int().min(0).max(100_000).default(0), limit: z.coerce.number().int().min(1).max(50).default(20) });
export const MemberSearchResponse = z.object({ members: z.array(MemberSummary), hasMore: z.boolean() });
export type MemberSearchResponse = z.infer<typeof MemberSearchResponse>;

export const MemberIdParams = z.object({ id: z.uuid() });
export const MemberProfile = z.object({ member: MemberSummary, ledger: z.array(StaffLedgerEntry).max(50), approvals: z.array(Approval) });
export type MemberProfile = z.infer<typeof MemberProfile>;

/** The printable card: the signed QR token as SVG, the typed code, the name and tier. */
export const MemberCardPrint = z.object({ memberId: z.uuid(), name: z.string(), tier: MemberTier, cardVersion: z.number().int().positive(), code: z.string(), token: z.string(), qrSvg: z.string() });
export type MemberCardPrint = z.infer<typeof MemberCardPrint>;

export const ApprovalsQuery = z.object({ status: ApprovalStatus.default('pending') });
export const ApprovalList = z.object({ approvals: z.array(Approval) });
export type ApprovalList = z.infer<typeof ApprovalList>;

/** The caller's use of authority on the property's current service day, and what is left (null: no limit, a manager). */
export const AuthorityToday = z.object({ serviceDay: z.string(), used: Budget, remaining: Budget.nullable() });
export type AuthorityToday = z.infer<typeof AuthorityToday>;

/** The property's limits, the caller's role and the caller's budget today (the tablet shows what the caller has left). */
export const AuthoritySettings = z.object({ limits: AuthorityLimits, role: StaffRole, updatedAt: z.string().nullable(), updatedBy: z.string().nullable(), today: AuthorityToday });
export type AuthoritySettings = z.infer<typeof AuthoritySettings>;
