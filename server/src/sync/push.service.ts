import { Command, maySend } from '../../../shared/protocol/commands.ts';
import type { CommandEnvelope, PushEnvelope, PushOutcome, PushResponse } from '../../../shared/protocol/sync.ts';
import { clockOffset, displayableDeviceTime } from '../events/clock.ts';
import { describeIssues } from '../http/route.ts';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import type { Notifier } from '../live/notifier.ts';
import type { BatchHandler, BatchSlice, CommandHandler, HandlerDeps, HandlerSlice } from '../events/command-handler.ts';
import { feedbackHandlers } from '../feedback/feedback.handlers.ts';
import { issueHandlers } from '../issues/issues.handlers.ts';
import { luggageHandlers } from '../luggage/luggage.handlers.ts';
import { memberHandlers } from '../members/member.handlers.ts';
import { requestBatchHandlers, requestHandlers } from '../requests/requests.handlers.ts';
import type { Store, Tx } from '../store/store.ts';
import { ensurePushDevice, lockDevice } from '../devices/devices.repo.ts';
import { appendEvents, collectEvents, stopCollecting, type NewEvent } from '../events/events.repo.ts';
import { jsonRows } from '../store/json-rows.ts';

/** Every domain's slice, merged: the compiler checks there is exactly one handler per command type. */
const handlers: HandlerSlice<Command['type']> = { ...requestHandlers, ...feedbackHandlers, ...luggageHandlers, ...issueHandlers, ...memberHandlers };
/** The types that also apply set-based when several arrive in a row (command-handler.ts, BatchHandler). */
const batchHandlers: BatchSlice<Command['type']> = { ...requestBatchHandlers };

/** `cardKeys` (HandlerDeps) verifies a member card that comes with a request. */
export interface PushDeps extends HandlerDeps {
  store: Store;
  notifier: Notifier;
  now?: () => Date;
}

/**
 * Applies a batch in order, in one transaction (one commit, one fsync, for
 * the whole batch), together with the device's last-applied sequence number:
 * - a command id the server already holds → `duplicate` with the stored result;
 * - `seq == last + 1` → applied, or `rejected`: the command's own changes roll
 *   back, the rejection is recorded and the sequence still advances, so the
 *   queue never wedges;
 * - anything else → stop with 409 `seq_gap` and what was settled before it
 *   (which is committed).
 * Anything unexpected (the database going away) rolls the whole batch back:
 * nothing is half-written and the client retries.
 *
 * Set-based: the batch's known command ids are read with one query, its events
 * are appended at the end with one version bump and multi-row inserts
 * (`collectEvents`), and its command answers are written with one insert.
 * Commands apply without savepoints first; when one is rejected (rare) the
 * transaction is rolled back and the batch applied again with a savepoint
 * around each command, so only that command's changes are undone.
 */
export async function push(deps: PushDeps, who: Principal, body: PushEnvelope): Promise<PushResponse> {
  const now = deps.now ?? (() => new Date());
  if (body.commands.some((c) => c.deviceId !== body.deviceId)) throw new DomainError('bad_request', 'Every command must carry the batch deviceId');
  const clockOffsetMs = clockOffset(now(), body.sentAt);
  const apply = (careful: boolean) => deps.store.tx((trx) => applyBatch(trx, who, body, careful, now, clockOffsetMs, deps));
  let settled: Settled;
  try {
    settled = await apply(false);
  } catch (e) {
    if (!(e instanceof NeedsSavepoints)) throw e;
    settled = await apply(true);
  }
  if (settled.version) await deps.notifier.publish(who.propertyId, settled.version);
  if (settled.gapAt !== null) {
    throw new DomainError('seq_gap', `Expected sequence ${settled.lastSeq + 1}, got ${settled.gapAt}`, { expectedSeq: settled.lastSeq + 1, outcomes: settled.outcomes });
  }
  return { outcomes: settled.outcomes, lastSeq: settled.lastSeq, serverTime: now().toISOString() };
}

/** Thrown on the fast path when a command is rejected: the batch is applied again, with savepoints. */
class NeedsSavepoints extends Error {}

interface Settled {
  outcomes: PushOutcome[];
  lastSeq: number;
  version: number;
  gapAt: number | null;
}

/** A command answer, written with the batch's others at the end. */
interface Answer {
  cmd: CommandEnvelope;
  outcome: 'applied' | 'rejected';
  result: unknown;
  error: DomainError | null;
}

async function applyBatch(trx: Tx, who: Principal, body: PushEnvelope, careful: boolean, now: () => Date, clockOffsetMs: number, deps: HandlerDeps): Promise<Settled> {
  // Inside the batch's transaction, so a refused batch does not leave a new tablet registered (found by the gauntlet fuzzer).
  await ensurePushDevice(trx, who, body.deviceId);
  let lastSeq = (await lockDevice(trx, body.deviceId)).last_seq;
  const before = lastSeq;
  const seen = await knownCommands(trx, body.commands);
  const events = collectEvents(trx);
  const answers: Answer[] = [];
  const outcomes: PushOutcome[] = [];
  let gapAt: number | null = null;
  const settle = (answer: Answer) => {
    const { cmd } = answer;
    answers.push(answer);
    const outcome: PushOutcome =
      answer.outcome === 'applied'
        ? { seq: cmd.seq, id: cmd.id, outcome: 'applied', result: answer.result }
        : { seq: cmd.seq, id: cmd.id, outcome: 'rejected', error: { code: answer.error!.code, message: answer.error!.message } };
    outcomes.push(outcome);
    // The same command twice in one batch: the second is a duplicate of the first.
    seen.set(cmd.id, { deviceId: cmd.deviceId, outcome: outcome.outcome === 'applied' ? { ...outcome, outcome: 'duplicate' } : outcome });
    lastSeq = cmd.seq;
  };
  for (let i = 0; i < body.commands.length; ) {
    const raw = body.commands[i]!;
    const known = seen.get(raw.id);
    if (known) {
      if (known.deviceId !== raw.deviceId) throw new DomainError('forbidden', 'Command belongs to another device');
      outcomes.push({ ...known.outcome, seq: raw.seq });
      i++;
      continue;
    }
    if (raw.seq !== lastSeq + 1) {
      gapAt = raw.seq;
      break;
    }
    const run = careful ? [] : batchRun(body.commands, i, lastSeq, seen, who);
    if (run.length > 1) {
      for (const answer of await applyRun(trx, who, run, now(), clockOffsetMs, deps)) settle(answer);
      i += run.length;
      continue;
    }
    settle(await applyOne(trx, who, raw, careful, events, now(), clockOffsetMs, deps));
    i++;
  }
  if (gapAt !== null && outcomes.length === 0) {
    // Nothing settled: roll back (a first push's registration included) and answer the gap.
    throw new DomainError('seq_gap', `Expected sequence ${lastSeq + 1}, got ${gapAt}`, { expectedSeq: lastSeq + 1, outcomes: [] });
  }
  stopCollecting(trx);
  await recordAnswers(trx, answers);
  if (lastSeq !== before) await trx.updateTable('devices').set({ last_seq: lastSeq, last_seen_at: new Date() }).where('id', '=', body.deviceId).execute();
  // Last: the version bump locks the property's row until commit (every writer of the property queues there).
  const version = await appendEvents(trx, who.propertyId, events);
  return { outcomes, lastSeq, version, gapAt };
}

/**
 * The run of commands from `from` that one batch handler can apply together: the same type, each next in
 * sequence, new, readable and allowed from this sender. Empty when the command at `from` has no batch handler.
 */
function batchRun(cmds: readonly CommandEnvelope[], from: number, lastSeq: number, seen: Map<string, Known>, who: Principal): Command[] {
  const run: Command[] = [];
  const ids = new Set<string>();
  for (let i = from; i < cmds.length; i++) {
    const raw = cmds[i]!;
    if (seen.has(raw.id) || ids.has(raw.id) || raw.seq !== lastSeq + 1 + run.length) break;
    const parsed = Command.safeParse(raw);
    if (!parsed.success || !batchHandlers[parsed.data.type] || (run.length && parsed.data.type !== run[0]!.type) || refusal(who, parsed.data)) break;
    run.push(parsed.data);
    ids.add(raw.id);
  }
  return run;
}

async function applyRun(trx: Tx, who: Principal, run: Command[], now: Date, clockOffsetMs: number, deps: HandlerDeps): Promise<Answer[]> {
  const type = run[0]!.type;
  const handler = batchHandlers[type] as BatchHandler<typeof type>;
  try {
    const results = await handler(trx, who, run as never, now, clockOffsetMs, deps);
    return run.map((cmd, i) => ({ cmd, outcome: 'applied', result: results[i], error: null }));
  } catch (caught) {
    if (asRejection(caught)) throw new NeedsSavepoints(); // one of them may be refused: apply them one by one
    throw caught;
  }
}

/** Why this sender may not send this command (checked before its handler runs), or null. */
function refusal(who: Principal, cmd: Command): DomainError | null {
  const sender = who.kind === 'staff' ? 'staff' : who.deviceKind;
  if (sender === 'wall' || !maySend(cmd.type, sender)) return new DomainError('forbidden', `${cmd.type} is not allowed from this device`);
  // A shared tablet may deliver one person's queued action after they signed out: never credit it to whoever is signed in now.
  if (who.kind === 'staff' && cmd.actor !== undefined && cmd.actor !== who.staffId) return new DomainError('actor_signed_out', 'Taken by someone who signed out before it was delivered');
  return null;
}

async function applyOne(trx: Tx, who: Principal, raw: CommandEnvelope, careful: boolean, events: NewEvent[], now: Date, clockOffsetMs: number, deps: HandlerDeps): Promise<Answer> {
  // Each command is read on its own: bad content rejects this command only, and its number still advances.
  const parsed = Command.safeParse(raw);
  if (!parsed.success) return { cmd: raw, outcome: 'rejected', result: null, error: new DomainError('bad_request', describeIssues(parsed.error)) };
  const cmd = parsed.data;
  const refused = refusal(who, cmd);
  if (refused) return { cmd, outcome: 'rejected', result: null, error: refused };
  const handler = handlers[cmd.type] as CommandHandler<typeof cmd.type>;
  if (!careful) {
    try {
      return { cmd, outcome: 'applied', result: (await handler(trx, who, cmd, now, clockOffsetMs, deps)).result, error: null };
    } catch (caught) {
      // A rejection may follow some of the command's own writes: start the batch again, with savepoints.
      if (asRejection(caught)) throw new NeedsSavepoints();
      throw caught; // the database is away or broken: the batch rolls back, 503, the client retries
    }
  }
  const mark = events.length;
  await sql`savepoint command`.execute(trx);
  try {
    const applied = await handler(trx, who, cmd, now, clockOffsetMs, deps);
    await sql`release savepoint command`.execute(trx);
    return { cmd, outcome: 'applied', result: applied.result, error: null };
  } catch (caught) {
    const e = asRejection(caught);
    if (!e) throw caught;
    await sql`rollback to savepoint command`.execute(trx);
    events.length = mark; // its events go with its other changes
    return { cmd, outcome: 'rejected', result: null, error: e };
  }
}

interface Known {
  deviceId: string;
  outcome: PushOutcome;
}

/** The batch's commands the server already holds, by id, with the answer to give again: one query. */
async function knownCommands(trx: Tx, cmds: readonly CommandEnvelope[]): Promise<Map<string, Known>> {
  const ids = [...new Set(cmds.map((c) => c.id))];
  const rows = await trx.selectFrom('commands').select(['command_id', 'device_id', 'outcome', 'result', 'error_code', 'error_message']).where('command_id', 'in', ids).execute();
  return new Map(
    rows.map((r) => [
      r.command_id,
      {
        deviceId: r.device_id,
        outcome:
          r.outcome === 'applied'
            ? { seq: 0, id: r.command_id, outcome: 'duplicate', result: r.result }
            : { seq: 0, id: r.command_id, outcome: 'rejected', error: { code: (r.error_code ?? 'internal') as never, message: r.error_message ?? '' } },
      },
    ]),
  );
}

/** The batch's answers, in one insert (the rows as one JSON array, not 9 parameters a row). */
async function recordAnswers(trx: Tx, answers: readonly Answer[]): Promise<void> {
  if (answers.length === 0) return;
  const rows = jsonRows(
    answers.map(({ cmd, outcome, result, error }) => ({
      device_id: cmd.deviceId,
      seq: cmd.seq,
      command_id: cmd.id,
      type: cmd.type,
      outcome,
      result: result ?? null,
      error_code: error?.code ?? null,
      error_message: error?.message ?? null,
      client_created_at: storableTime(cmd.createdAt),
    })),
  );
  await sql`
    insert into commands (device_id, seq, command_id, type, outcome, result, error_code, error_message, client_created_at)
    select a.device_id, a.seq, a.command_id, a.type, a.outcome, a.result, a.error_code, a.error_message, a.client_created_at
    from jsonb_to_recordset(${rows}::jsonb)
      as a(device_id uuid, seq integer, command_id uuid, type text, outcome text, result jsonb, error_code text, error_message text, client_created_at timestamptz)`.execute(trx);
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
