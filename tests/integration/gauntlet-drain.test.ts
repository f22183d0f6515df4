/**
 * Gauntlet: with the database up, a device's queue always drains. A kiosk's
 * outbox is filled with generated commands — valid ones and ones with
 * hostile text (NUL, lone surrogates, bidi controls, 4-byte characters),
 * numbers at ±2^31 and ±2^53, dates at years 0001 and 9999, forged tickets
 * and days, clocks up to ±400 days off — and the real Flusher delivers it.
 * Property: the outbox empties, every command is on the server exactly once
 * as applied or rejected, and no answer on the way was a 5xx.
 *
 * Seeded: GAUNTLET_SEED=<n> replays a run; GAUNTLET_RUNS sets how many.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/protocol/commands.ts';
import { Flusher } from '../../shared/sync-client/flusher.ts';
import { Api } from '../../shared/sync-client/http.ts';
import { SYNC_STORES, type SyncDexie } from '../../shared/sync-client/outbox.ts';
import { edgeDate, edgeDay, edgeInteger, hostileText } from '../support/hostile.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { eventually, KioskDriver } from './helpers.ts';

const SEED = Number(process.env.GAUNTLET_SEED ?? 20261203);
const RUNS = Number(process.env.GAUNTLET_RUNS ?? 100);
const DAY_MS = 24 * 3600_000;

let server: TestServer;
let kiosk: KioskDriver;
const statuses: number[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await startTestServer({ static: false });
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  // Every answer the client gets is counted: a 5xx while the database is up is a failure of the server, whatever was sent.
  globalThis.fetch = async (input, init) => {
    const res = await realFetch(input, init);
    statuses.push(res.status);
    return res;
  };
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await server?.stop(true);
});

/** One change a kiosk's command may carry: hostile text, an edge number or date, a forged ticket or day. */
type Twist = (c: Command) => void;
type CreatePayload = Extract<Command, { type: 'request.create' }>['payload'];
type FeedbackPayload = Extract<Command, { type: 'feedback.submit' }>['payload'];
const onCreate = (fn: (p: CreatePayload) => void): Twist => (c) => {
  if (c.type === 'request.create') fn(c.payload);
};
const onFeedback = (fn: (p: FeedbackPayload) => void): Twist => (c) => {
  if (c.type === 'feedback.submit') fn(c.payload);
};
const twist: fc.Arbitrary<Twist> = fc.oneof(
  fc.constant<Twist>(() => undefined),
  hostileText.map((t) => onCreate((p) => (p.guestName = t))),
  hostileText.map((t) => onCreate((p) => (p.room = t))),
  hostileText.map((t) => onCreate((p) => (p.note = t))),
  hostileText.map((t) => onCreate((p) => (p.memberCard = t))),
  hostileText.map((t) => onFeedback((p) => (p.comment = t))),
  hostileText.map((t) => onFeedback((p) => Object.assign(p, { contact: t, contactConsent: true }))),
  edgeInteger.map((n) => onFeedback((p) => (p.rating = n))),
  edgeInteger.map((n) => onCreate((p) => Object.assign(p, { kind: 'luggage_in', details: { kind: 'luggage_in', bags: n, expectedPickupAt: null, claimCode: 'ABCDEFGH' } }))),
  edgeDay.map((d) => onCreate((p) => (p.serviceDay = d))),
  fc.constantFrom('S001', 'Z9999', 'A0001', 'A000').map((t) => onCreate((p) => (p.ticket = t))),
  edgeDate.map<Twist>((d) => (c) => (c.createdAt = d)),
);
const commandPlan = fc.array(fc.record({ kind: fc.constantFrom('create', 'feedback'), twists: fc.array(twist, { maxLength: 3 }) }), { minLength: 1, maxLength: 12 });
/** The device's clock on the day it sends: up to ±400 days off. */
const clockOffsetDays = fc.oneof(fc.constant(0), fc.integer({ min: -400, max: 400 }));

/** An Api whose batches carry a device clock that is `offsetMs` off, as a kiosk with a dead clock battery sends them. */
class SkewedApi extends Api {
  constructor(
    private readonly offsetMs: number,
    opts: ConstructorParameters<typeof Api>[0],
  ) {
    super(opts);
  }
  override post<S extends Parameters<Api['post']>[2]>(path: string, body: unknown, schema: S, signal?: AbortSignal) {
    const b = body as { sentAt?: string };
    const skewed = b.sentAt ? { ...b, sentAt: new Date(Date.parse(b.sentAt) + this.offsetMs).toISOString() } : body;
    return super.post(path, skewed, schema, signal);
  }
}

let runs = 0;
describe('gauntlet: a device queue always drains', () => {
  it('delivers every generated command once, applied or rejected, with no 5xx on the way', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(commandPlan, clockOffsetDays, async (plan, offsetDays) => {
        await kiosk.init(); // the server's numbering: next seq and the day's last ticket
        const db = new Dexie(`drain-${runs++}`) as SyncDexie;
        db.version(1).stores(SYNC_STORES);
        await db.open();
        const commands = plan.map((p) => {
          const c: Command = p.kind === 'create' ? kiosk.create() : kiosk.feedback();
          c.createdAt = new Date(Date.now() + offsetDays * DAY_MS).toISOString();
          for (const t of p.twists) t(c);
          return c;
        });
        await db.outbox.bulkAdd(commands.map((command) => ({ seq: command.seq, command, attempts: 0 })));
        await db.meta.put({ key: 'nextSeq', value: kiosk.nextSeq });
        const seen = statuses.length;
        const api = new SkewedApi(offsetDays * DAY_MS, { base: server.url, token: () => server.demo!.kioskToken });
        const flusher = new Flusher({ db, api, deviceId: () => kiosk.me.deviceId, random: () => 0.01 });
        flusher.start();
        try {
          await eventually(async () => (await db.outbox.count()) === 0, 20_000, 20);
        } finally {
          flusher.stop();
        }
        expect(statuses.slice(seen).filter((s) => s >= 500)).toEqual([]);
        const rows = await server.store.db
          .selectFrom('commands')
          .select(['command_id', 'outcome'])
          .where('command_id', 'in', commands.map((c) => c.id))
          .execute();
        expect(rows).toHaveLength(commands.length);
        for (const r of rows) expect(['applied', 'rejected']).toContain(r.outcome);
        db.close();
      }),
      { numRuns: Math.ceil(RUNS / 4), seed: SEED, endOnFailure: true },
    );
  });
});
