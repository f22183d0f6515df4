import { sql, type Selectable } from 'kysely';
import type { Department } from '../../../shared/domain/issue.ts';
import { RequestDetails, type RequestKind, type RequestMember, type ServiceRequest } from '../../../shared/domain/request.ts';
import type { RequestStatus } from '../../../shared/domain/request.machine.ts';
import type { WaitQuote } from '../../../shared/protocol/wait-stats.ts';
import type { DB } from '../store/schema.ts';
import type { Db, Tx } from '../store/store.ts';
import { jsonRows } from '../store/json-rows.ts';

/** A request row with its member's name and tier, read with it (null when no member is linked). */
type Row = Selectable<DB['service_requests']> & { member_name: string | null; member_tier: string | null };
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toRequest(r: Row): ServiceRequest {
  return {
    id: r.id,
    kind: r.kind as RequestKind,
    ticket: r.ticket,
    serviceDay: r.service_day,
    status: r.status as RequestStatus,
    reason: r.reason as ServiceRequest['reason'],
    guestName: r.guest_name,
    room: r.room,
    note: r.note,
    details: r.details == null ? null : RequestDetails.parse(r.details),
    deviceId: r.device_id,
    desk: r.desk,
    department: (r.department as Department | null) ?? null,
    transferNote: r.transfer_note ?? null,
    assignedStaffId: r.assigned_staff_id,
    assignedStaffName: r.assigned_staff_name,
    member: r.member_id && r.member_name !== null && r.member_tier !== null ? { id: r.member_id, name: r.member_name, tier: r.member_tier as RequestMember['tier'] } : null,
    createdAt: iso(r.created_at)!,
    clientCreatedAt: iso(r.client_created_at)!,
    clockSkewMs: r.clock_skew_ms,
    calledAt: iso(r.called_at),
    completedAt: iso(r.completed_at),
    updatedAt: iso(r.updated_at)!,
    rev: r.rev,
  };
}

/**
 * New requests, one statement; the rows travel as one JSON array (`jsonb_to_recordset`), not 27 parameters a row.
 * `quote`: the wait the kiosk showed the guest (seconds), kept for reports; it is not part of the request's view.
 */
export async function insertRequests(trx: Tx, propertyId: string, rows: readonly { request: ServiceRequest; quote?: WaitQuote | null }[]): Promise<void> {
  if (rows.length === 0) return;
  const json = jsonRows(
    rows.map(({ request: r, quote }) => ({
      id: r.id,
      kind: r.kind,
      ticket: r.ticket,
      service_day: r.serviceDay,
      status: r.status,
      reason: r.reason,
      guest_name: r.guestName,
      room: r.room,
      note: r.note,
      details: r.details,
      device_id: r.deviceId,
      desk: r.desk,
      department: r.department,
      transfer_note: r.transferNote,
      member_id: r.member?.id ?? null,
      quoted_wait_low_s: quote?.low ?? null,
      quoted_wait_high_s: quote?.high ?? null,
      assigned_staff_id: r.assignedStaffId,
      assigned_staff_name: r.assignedStaffName,
      created_at: r.createdAt,
      client_created_at: r.clientCreatedAt,
      clock_skew_ms: r.clockSkewMs,
      called_at: r.calledAt,
      completed_at: r.completedAt,
      updated_at: r.updatedAt,
      rev: r.rev,
    })),
  );
  await sql`
    insert into service_requests (property_id, id, kind, ticket, service_day, status, reason, guest_name, room, note, details, device_id, desk, department, transfer_note, member_id, quoted_wait_low_s, quoted_wait_high_s, assigned_staff_id, assigned_staff_name, created_at, client_created_at, clock_skew_ms, called_at, completed_at, updated_at, rev)
    select ${propertyId}, r.id, r.kind, r.ticket, r.service_day, r.status, r.reason, r.guest_name, r.room, r.note, r.details, r.device_id, r.desk, r.department, r.transfer_note, r.member_id, r.quoted_wait_low_s, r.quoted_wait_high_s, r.assigned_staff_id, r.assigned_staff_name, r.created_at, r.client_created_at, r.clock_skew_ms, r.called_at, r.completed_at, r.updated_at, r.rev
    from jsonb_to_recordset(${json}::jsonb) as r(id uuid, kind text, ticket text, service_day text, status text, reason text, guest_name text, room text, note text, details jsonb, device_id uuid, desk text, department text, transfer_note text, member_id uuid, quoted_wait_low_s integer, quoted_wait_high_s integer, assigned_staff_id text, assigned_staff_name text, created_at timestamptz, client_created_at timestamptz, clock_skew_ms integer, called_at timestamptz, completed_at timestamptz, updated_at timestamptz, rev integer)`.execute(trx);
}

export async function updateRequest(trx: Tx, r: ServiceRequest): Promise<void> {
  await trx
    .updateTable('service_requests')
    .set({
      status: r.status,
      details: r.details === null ? null : JSON.stringify(r.details),
      desk: r.desk,
      department: r.department,
      transfer_note: r.transferNote,
      assigned_staff_id: r.assignedStaffId,
      assigned_staff_name: r.assignedStaffName,
      called_at: r.calledAt,
      completed_at: r.completedAt,
      updated_at: r.updatedAt,
      rev: r.rev,
    })
    .where('id', '=', r.id)
    .execute();
}

/** Locks the request's row (not its member's) and reads it with its member. */
export async function lockRequest(trx: Tx, propertyId: string, id: string): Promise<ServiceRequest | null> {
  const row = await trx.selectFrom('service_requests').selectAll().where('id', '=', id).where('property_id', '=', propertyId).forUpdate().executeTakeFirst();
  if (!row) return null;
  const m = row.member_id ? await trx.selectFrom('members').select(['name', 'tier']).where('id', '=', row.member_id).executeTakeFirst() : undefined;
  return toRequest({ ...row, member_name: m?.name ?? null, member_tier: m?.tier ?? null });
}

/** Which of these request ids, and which of these tickets on their service days ("day ticket"), the property already has (one query). */
export async function requestOrTicketTaken(trx: Tx, propertyId: string, wanted: readonly { id: string; serviceDay: string; ticket: string }[]): Promise<{ requests: Set<string>; tickets: Set<string> }> {
  // Two lookups, each on its own index (the primary key; the ticket-per-day index), in one statement.
  const rows = await trx
    .selectFrom('service_requests')
    .select(['id', 'property_id', 'service_day', 'ticket'])
    .where('id', 'in', wanted.map((x) => x.id))
    .unionAll((db) =>
      db
        .selectFrom('service_requests')
        .select(['id', 'property_id', 'service_day', 'ticket'])
        .where('property_id', '=', propertyId)
        .where('service_day', 'in', [...new Set(wanted.map((x) => x.serviceDay))])
        .where('ticket', 'in', wanted.map((x) => x.ticket)),
    )
    .execute();
  const ids = new Set(wanted.map((x) => x.id));
  const tickets = new Set(wanted.map((x) => `${x.serviceDay} ${x.ticket}`));
  return {
    requests: new Set(rows.filter((r) => ids.has(r.id)).map((r) => r.id)),
    tickets: new Set(rows.map((r) => `${r.service_day} ${r.ticket}`).filter((k, i) => tickets.has(k) && rows[i]!.property_id === propertyId)),
  };
}

/** A unique-index violation (SQLSTATE 23505) of that index, from either driver. */
export function isUniqueViolation(e: unknown, index: string): boolean {
  const err = e as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  return err?.code === '23505' && (err.constraint === index || (typeof err.message === 'string' && err.message.includes(index)));
}

/** Active requests plus everything touched in the last day: what a screen starts from. */
export async function currentRequests(db: Db, propertyId: string, deviceId?: string): Promise<ServiceRequest[]> {
  const since = new Date(Date.now() - 24 * 3600_000);
  let q = db
    .selectFrom('service_requests as r')
    .leftJoin('members as m', 'm.id', 'r.member_id')
    .selectAll('r')
    .select(['m.name as member_name', 'm.tier as member_tier'])
    .where('r.property_id', '=', propertyId)
    .where((eb) => eb.or([eb('r.status', 'not in', ['completed', 'cancelled']), eb('r.updated_at', '>=', since)]));
  if (deviceId) q = q.where('r.device_id', '=', deviceId);
  return (await q.orderBy('r.created_at').limit(2000).execute()).map(toRequest);
}

/** Highest ticket counter a device used on a service day (so a wiped kiosk never repeats one). */
export async function lastTicketCounter(db: Db, deviceId: string, serviceDay: string): Promise<number> {
  const rows = await db.selectFrom('service_requests').select('ticket').where('device_id', '=', deviceId).where('service_day', '=', serviceDay).execute();
  return rows.reduce((max, r) => Math.max(max, Number(r.ticket.slice(1)) || 0), 0);
}
