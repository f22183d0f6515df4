import { Command, maySend } from '../../../shared/protocol/commands.ts';
import type { CommandEnvelope, PushEnvelope, PushOutcome, PushResponse } from '../../../shared/protocol/sync.ts';
import { clockOffset, displayableDeviceTime } from '../events/clock.ts';
import { describeIssues } from '../http/route.ts';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import type { Notifier } from '../live/notifier.ts';
import type { CommandHandler, HandlerDeps, HandlerSlice } from '../events/command-handler.ts';
import { feedbackHandlers } from '../feedback/feedback.handlers.ts';
import { issueHandlers } from '../issues/issues.handlers.ts';
import { luggageHandlers } from '../luggage/luggage.handlers.ts';
import { memberHandlers } from '../members/member.handlers.ts';
import { requestHandlers } from '../requests/requests.handlers.ts';
import type { Store, Tx } from '../store/store.ts';
import { ensurePushDevice, lockDevice } from '../devices/devices.repo.ts';

/** Every domain's slice, merged: the compiler checks there is exactly one handler per command type. */
const handlers: HandlerSlice<Command['type']> = { ...requestHandlers, ...feedbackHandlers, ...luggageHandlers, ...issueHandlers, ...memberHandlers };

/** `cardKeys` (HandlerDeps) verifies a member card that comes with a request. */
export interface PushDeps extends HandlerDeps {
  store: Store;
  notifier: Notifier;
  now?: () => Date;
}

/**
 * Applies a batch in order, in one transaction (one commit, one fsync, for
 * the whole batch), each command inside its own savepoint, together with the
 * device's last-applied sequence number:
 * - a command id the server already holds → `duplicate` with the stored result;
 * - `seq == last + 1` → applied, or `rejected`: the command's own changes roll
 *   back to its savepoint, the rejection is recorded and the sequence still
 *   advances, so the queue never wedges;
 * - anything else → stop with 409 `seq_gap` and what was settled before it
 *   (which is committed).
 * Anything unexpected (the database going away) rolls the whole batch back:
 * nothing is half-written and the client retries.
 */
export async function push(deps: PushDeps, who: Principal, body: PushEnvelope): Promise<PushResponse> {
  const now = deps.now ?? (() => new Date());
  if (body.commands.some((c) => c.deviceId !== body.deviceId)) throw new DomainError('bad_request', 'Every command must carry the batch deviceId');
  const clockOffsetMs = clockOffset(now(), body.sentAt);
  const settled = await deps.store.tx(async (trx) => {
    // Inside the batch's transaction, so a refused batch does not leave a new tablet registered (found by the gauntlet fuzzer).
    await ensurePushDevice(trx, who, body.deviceId);
    const outcomes: PushOutcome[] = [];
    let lastSeq = (await lockDevice(trx, body.deviceId)).last_seq;
    const before = lastSeq;
    let version = 0;
    let gapAt: number | null = null;
    for (const cmd of body.commands) {
      const step = await pushOne(trx, who, cmd, lastSeq, now(), clockOffsetMs, deps);
      if (step.gap) {
        gapAt = cmd.seq;
        break;
      }
      outcomes.push(step.outcome);
      lastSeq = step.lastSeq;
      version = Math.max(version, step.version ?? 0);
    }
    if (gapAt !== null && outcomes.length === 0) {
      // Nothing settled: roll back (a first push's registration included) and answer the gap.
      throw new DomainError('seq_gap', `Expected sequence ${lastSeq + 1}, got ${gapAt}`, { expectedSeq: lastSeq + 1, outcomes: [] });
    }
    if (lastSeq !== before) await trx.updateTable('devices').set({ last_seq: lastSeq, last_seen_at: new Date() }).where('id', '=', body.deviceId).execute();
    return { outcomes, lastSeq, version, gapAt };
  });
  if (settled.version) await deps.notifier.publish(who.propertyId, settled.version);
  if (settled.gapAt !== null) {
    throw new DomainError('seq_gap', `Expected sequence ${settled.lastSeq + 1}, got ${settled.gapAt}`, { expectedSeq: settled.lastSeq + 1, outcomes: settled.outcomes });
  }
  return { outcomes: settled.outcomes, lastSeq: settled.lastSeq, serverTime: now().toISOString() };
}

interface Step {
  outcome: PushOutcome;
  lastSeq: number;
  gap?: boolean;
  version?: number;
}

async function pushOne(trx: Tx, who: Principal, raw: CommandEnvelope, lastSeq: number, now: Date, clockOffsetMs: number, deps: HandlerDeps): Promise<Step> {
  const pre = await precheck(trx, raw, lastSeq);
  if (pre) return pre;
  // Each command is read on its own: bad content rejects this command only, and its number still advances.
  const parsed = Command.safeParse(raw);
  if (!parsed.success) {
    const e = new DomainError('bad_request', describeIssues(parsed.error));
    await record(trx, raw, 'rejected', null, e);
    return { outcome: { seq: raw.seq, id: raw.id, outcome: 'rejected', error: { code: e.code, message: e.message } }, lastSeq: raw.seq };
  }
  const cmd = parsed.data;
  await sql`savepoint command`.execute(trx);
  try {
    const sender = who.kind === 'staff' ? 'staff' : who.deviceKind;
    if (sender === 'wall' || !maySend(cmd.type, sender)) throw new DomainError('forbidden', `${cmd.type} is not allowed from this device`);
    // A shared tablet may deliver one person's queued action after they signed out: never credit it to whoever is signed in now.
    if (who.kind === 'staff' && cmd.actor !== undefined && cmd.actor !== who.staffId) throw new DomainError('actor_signed_out', 'Taken by someone who signed out before it was delivered');
    const handler = handlers[cmd.type] as CommandHandler<typeof cmd.type>;
    const applied = await handler(trx, who, cmd, now, clockOffsetMs, deps);
    await sql`release savepoint command`.execute(trx);
    await record(trx, cmd, 'applied', applied.result, null);
    return { outcome: { seq: cmd.seq, id: cmd.id, outcome: 'applied', result: applied.result }, lastSeq: cmd.seq, version: applied.version };
  } catch (caught) {
    const e = asRejection(caught);
    if (!e) throw caught; // the database is away or broken: the batch rolls back, 503, the client retries
    await sql`rollback to savepoint command`.execute(trx);
    await record(trx, cmd, 'rejected', null, e);
    return { outcome: { seq: cmd.seq, id: cmd.id, outcome: 'rejected', error: { code: e.code, message: e.message } }, lastSeq: cmd.seq };
  }
}

/** Answers duplicates (by command id) and gaps, or null when the command is next in line. */
async function precheck(trx: Tx, cmd: CommandEnvelope, lastSeq: number): Promise<Step | null> {
  const seen = await trx.selectFrom('commands').selectAll().where('command_id', '=', cmd.id).executeTakeFirst();
  if (seen) {
    if (seen.device_id !== cmd.deviceId) throw new DomainError('forbidden', 'Command belongs to another device');
    const outcome: PushOutcome =
      seen.outcome === 'applied'
        ? { seq: cmd.seq, id: cmd.id, outcome: 'duplicate', result: seen.result }
        : { seq: cmd.seq, id: cmd.id, outcome: 'rejected', error: { code: (seen.error_code ?? 'internal') as never, message: seen.error_message ?? '' } };
    return { outcome, lastSeq };
  }
  if (cmd.seq !== lastSeq + 1) return { outcome: null as never, lastSeq, gap: true };
  return null;
}

async function record(trx: Tx, cmd: CommandEnvelope, outcome: 'applied' | 'rejected', result: unknown, err: DomainError | null): Promise<void> {
  await trx
    .insertInto('commands')
    .values({
      device_id: cmd.deviceId,
      seq: cmd.seq,
      command_id: cmd.id,
      type: cmd.type,
      outcome,
      result: result === null ? null : JSON.stringify(result),
      error_code: err?.code ?? null,
      error_message: err?.message ?? null,
      client_created_at: storableTime(cmd.createdAt),
    })
    .execute();
}

/**
 * Errors that say "this command can never apply" become a rejection, so the
 * queue moves on: our own DomainErrors, and any integrity-constraint
 * violation (SQLSTATE class 23) a check in a handler did not foresee.
 */
function asRejection(e: unknown): DomainError | null {
  if (e instanceof DomainError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('23')) return new DomainError('conflict', 'The command conflicts with data the server already holds');
  return null;
}

/** The command's own clock as the `commands` row keeps it; one that cannot be read or stored (a rejected command's) is kept as the epoch. */
function storableTime(createdAt: unknown): string {
  return displayableDeviceTime(typeof createdAt === 'string' ? createdAt : '', new Date(0));
}
