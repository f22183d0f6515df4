/**
 * The figures a kiosk quotes waits from (shared/protocol/wait-stats.ts), in
 * three small queries: the last completed services of each kind, who waits
 * at the front desk now, and which desks are working.
 */
import { sql } from 'kysely';
import { REQUEST_KINDS } from '../../../shared/domain/request.machine.ts';
import { DESK_ACTIVE_MINUTES, WAIT_HISTORY_DAYS, WAIT_HISTORY_SIZE, type WaitStats } from '../../../shared/protocol/wait-stats.ts';
import type { Db } from '../store/store.ts';

/** A ticket taken longer ago than this and never finished is neither waiting nor in service. */
const STALE_SERVICE_HOURS = 12;

export async function waitStats(db: Db, propertyId: string, now: Date): Promise<WaitStats> {
  const since = new Date(now.getTime() - WAIT_HISTORY_DAYS * 86_400_000);
  const active = new Date(now.getTime() - DESK_ACTIVE_MINUTES * 60_000);
  // Only tickets of the last 12 hours count as waiting or being served: one left "waiting" or "called" since
  // yesterday (the guest went, nobody closed it) is nobody's turn today. The bound also keeps the scans on the
  // (property_id, created_at) index.
  const recent = new Date(now.getTime() - STALE_SERVICE_HOURS * 3600_000);
  const serving = sql`status in ('called', 'serving') and called_at >= ${recent}`;
  const history = await sql<{ kind: string; s: number }>`
    select kind, s from (
      select kind, extract(epoch from (completed_at - called_at))::float8 as s,
        row_number() over (partition by kind order by completed_at desc) as n
      from service_requests
      where property_id = ${propertyId} and status = 'completed' and completed_at >= ${since} and completed_at <= ${now}
        and called_at is not null and completed_at >= called_at
    ) recent
    where n <= ${WAIT_HISTORY_SIZE}
    order by kind, n`.execute(db);
  const waiting = await sql<{ kind: string; n: number }>`
    select kind, count(*)::int as n from service_requests
    where property_id = ${propertyId} and status = 'waiting' and department is null and created_at >= ${recent}
    group by kind`.execute(db);
  const desks = await sql<{ open: number; busy: number }>`
    select
      count(distinct desk) filter (where desk is not null)::int as open,
      (count(*) filter (where ${serving}))::int as busy
    from service_requests
    where property_id = ${propertyId} and department is null
      and created_at >= ${recent}
      and ((${serving}) or called_at >= ${active} or completed_at >= ${active})`.execute(db);
  const d = desks.rows[0] ?? { open: 0, busy: 0 };
  return {
    at: now.toISOString(),
    desksOpen: d.open,
    inService: d.busy,
    kinds: REQUEST_KINDS.map((kind) => ({
      kind,
      serviceS: history.rows.filter((r) => r.kind === kind).map((r) => Math.min(86_400, Math.round(Number(r.s)))),
      waiting: waiting.rows.find((r) => r.kind === kind)?.n ?? 0,
    })),
  };
}
