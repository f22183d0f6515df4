/** SQL for approvals: balance changes above their sender's authority, waiting for a supervisor or manager. */
import { z } from 'zod';
import { BalanceOperation } from '../../../shared/domain/authority.ts';
import type { Approval, ApprovalStatus } from '../../../shared/protocol/members-staff.ts';
import type { Db, Tx } from '../store/store.ts';

/** What an approval holds: the change as it was asked for. */
export const ApprovalPayload = z.object({ operation: BalanceOperation, amountMinor: z.number().int(), points: z.number().int(), reason: z.string() });
export type ApprovalPayload = z.infer<typeof ApprovalPayload>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function query(db: Db | Tx) {
  return db
    .selectFrom('approvals as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .innerJoin('staff as r', 'r.id', 'p.requested_by')
    .leftJoin('staff as d', 'd.id', 'p.decided_by')
    .select([
      'p.id',
      'p.member_id',
      'm.name as member_name',
      'p.payload',
      'p.requested_by',
      'r.name as requested_by_name',
      'p.requested_at',
      'p.request_device_id',
      'p.status',
      'p.decided_by',
      'd.name as decided_by_name',
      'p.decided_at',
      'p.note',
      'p.rev',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

export interface ApprovalRecord extends Approval {
  requestDeviceId: string | null;
}

function toApproval(r: Row): ApprovalRecord {
  const p = ApprovalPayload.parse(r.payload);
  return {
    id: r.id,
    kind: 'member.balance',
    memberId: r.member_id,
    memberName: r.member_name,
    operation: p.operation,
    amountMinor: p.amountMinor,
    points: p.points,
    reason: p.reason,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    requestedAt: iso(r.requested_at)!,
    status: r.status,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name ?? null,
    decidedAt: iso(r.decided_at),
    note: r.note,
    rev: r.rev,
    requestDeviceId: r.request_device_id,
  };
}

/** Without the server-only field, as clients receive it. */
export function approvalView({ requestDeviceId: _, ...a }: ApprovalRecord): Approval {
  return a;
}

export async function insertApproval(
  trx: Tx,
  a: { id: string; propertyId: string; memberId: string; payload: ApprovalPayload; requestedBy: string; requestedAt: Date; deviceId: string },
): Promise<void> {
  await trx
    .insertInto('approvals')
    .values({
      id: a.id,
      property_id: a.propertyId,
      kind: 'member.balance',
      member_id: a.memberId,
      payload: JSON.stringify(a.payload),
      requested_by: a.requestedBy,
      requested_at: a.requestedAt,
      request_device_id: a.deviceId,
      status: 'pending',
      rev: 1,
    })
    .execute();
}

export async function approvalById(db: Db | Tx, propertyId: string, id: string): Promise<ApprovalRecord | undefined> {
  const r = await query(db).where('p.property_id', '=', propertyId).where('p.id', '=', id).executeTakeFirst();
  return r ? toApproval(r) : undefined;
}

/** Locks the approval row (two supervisors deciding at once: the second sees it decided). */
export async function lockApproval(trx: Tx, propertyId: string, id: string): Promise<ApprovalRecord | undefined> {
  const locked = await trx.selectFrom('approvals').select('id').where('property_id', '=', propertyId).where('id', '=', id).forUpdate().executeTakeFirst();
  return locked ? approvalById(trx, propertyId, id) : undefined;
}

export async function decideApprovalRow(trx: Tx, id: string, status: 'approved' | 'declined', staffId: string, note: string | null, now: Date): Promise<void> {
  await trx
    .updateTable('approvals')
    .set((eb) => ({ status, decided_by: staffId, decided_at: now, note, rev: eb('rev', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function listApprovals(db: Db, propertyId: string, status: ApprovalStatus, limit = 100): Promise<Approval[]> {
  const order = status === 'pending' ? 'asc' : 'desc';
  const rows = await query(db).where('p.property_id', '=', propertyId).where('p.status', '=', status).orderBy('p.requested_at', order).limit(limit).execute();
  return rows.map((r) => approvalView(toApproval(r)));
}

export async function memberApprovals(db: Db, memberId: string, limit = 20): Promise<Approval[]> {
  const rows = await query(db).where('p.member_id', '=', memberId).orderBy('p.requested_at', 'desc').limit(limit).execute();
  return rows.map((r) => approvalView(toApproval(r)));
}
