/**
 * The push/pull protocol against a real server: exactly-once application of
 * device commands, sequence handling, rejections that never wedge a queue,
 * concurrent staff actions, and what each audience is allowed to see.
 * Runs on embedded PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department } from '../../shared/domain/issue.ts';
import type { RequestStatus } from '../../shared/domain/request.machine.ts';
import type { Command, CommandOf } from '../../shared/protocol/commands.ts';
import { ErrorCode } from '../../shared/protocol/errors.ts';
import { PushResponse, SeqGapDetails, StaffPull, StaffSnapshot, WallPull, WallSnapshot } from '../../shared/protocol/sync.ts';
import { serverBackends } from '../support/backends.ts';
import { TestClient, type TestServer } from '../support/server.ts';
import { allKeys, apiCall, KioskDriver, pairDevice, StaffDriver } from './helpers.ts';

const backends = serverBackends('ld_push_protocol');

const appliedIds = (body: PushResponse) => body.outcomes.map((o) => [o.seq, o.outcome]);

describe.each(backends)('push protocol on $name', (backend) => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let kiosk: KioskDriver;
  let staff: TestClient; // agent1, read-only use (snapshots, pulls)
  let supervisor: TestClient;
  let lin: StaffDriver; // agent1 on a tablet
  let tom: StaffDriver; // agent2 on another tablet
  let staffTicket = 100;
  const nextStaffTicket = () => `S${staffTicket++}`;

  beforeAll(async () => {
    if (backend.skip) return;
    ({ server, dispose } = await backend.start());
    kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    staff = await new TestClient(server.url).login('agent1', '1111');
    supervisor = await new TestClient(server.url).login('super1', '2222');
    lin = await new StaffDriver(server.url).login('agent1', '1111');
    tom = await new StaffDriver(server.url).login('agent2', '1112');
  });
  afterAll(async () => {
    if (!backend.skip) await dispose?.();
  });

  const staffSnapshot = async () => {
    const r = await staff.get('/api/sync/snapshot');
    expect(r.status).toBe(200);
    return StaffSnapshot.parse(r.body);
  };
  const ticketsInSnapshot = async (ticket: string) => (await staffSnapshot()).requests.filter((r) => r.ticket === ticket).length;
  const lastSeqOf = async (k: KioskDriver) => (await k.client.get('/api/devices/me')).body.lastSeq as number;

  describe.skipIf(backend.skip)('exactly once', () => {
    it('answers a repeated batch with the stored results and creates each request once', async () => {
      const batch = [kiosk.create(), kiosk.create(), kiosk.create()];
      const first = await kiosk.push(batch);
      expect(first.status).toBe(200);
      const a = PushResponse.parse(first.body);
      expect(a.outcomes.map((o) => o.outcome)).toEqual(['applied', 'applied', 'applied']);
      expect(a.lastSeq).toBe(batch[2]!.seq);

      const second = await kiosk.push(batch);
      expect(second.status).toBe(200);
      const b = PushResponse.parse(second.body);
      expect(b.outcomes.map((o) => o.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(b.outcomes.map((o) => [o.id, o.seq])).toEqual(batch.map((c) => [c.id, c.seq]));
      expect(b.outcomes.map((o) => ('result' in o ? o.result : null))).toEqual(a.outcomes.map((o) => ('result' in o ? o.result : null)));
      expect(b.lastSeq).toBe(a.lastSeq);

      for (const c of batch) {
        expect(await ticketsInSnapshot((c.payload as { ticket: string }).ticket)).toBe(1);
        expect(a.outcomes.find((o) => o.id === c.id)).toMatchObject({ result: { requestId: c.payload.requestId } });
      }
    });

    it('creates once when the response is lost and the device retries the batch', async () => {
      const cmd = kiosk.create();
      const body = { deviceId: kiosk.me.deviceId, commands: [cmd], sentAt: new Date().toISOString() };
      // The server answers, but the connection drops before the device reads the body.
      const lost = await apiCall(server.url, 'POST', '/api/sync/push', { token: kiosk.token, body, statusOnly: true });
      expect(lost.status).toBe(200);
      const retry = await kiosk.push([cmd]);
      expect(retry.status).toBe(200);
      expect(retry.body.outcomes).toEqual([{ seq: cmd.seq, id: cmd.id, outcome: 'duplicate', result: { requestId: cmd.payload.requestId, ticket: (cmd.payload as { ticket: string }).ticket } }]);
      expect(await ticketsInSnapshot((cmd.payload as { ticket: string }).ticket)).toBe(1);
    });

    it('creates once when a retry races the original push', async () => {
      const batch = [kiosk.create(), kiosk.create()];
      const [x, y] = await Promise.all([kiosk.push(batch), kiosk.push(batch)]);
      const outcomes = [...x.body.outcomes, ...y.body.outcomes].map((o: { outcome: string }) => o.outcome).sort();
      expect([x.status, y.status]).toEqual([200, 200]);
      expect(outcomes).toEqual(['applied', 'applied', 'duplicate', 'duplicate']);
      for (const c of batch) expect(await ticketsInSnapshot((c.payload as { ticket: string }).ticket)).toBe(1);
    });

    it('answers a command id re-sent under a different seq as a duplicate without moving the seq', async () => {
      const cmd = kiosk.create();
      expect((await kiosk.push([cmd])).body.outcomes[0].outcome).toBe('applied');
      const resent = { ...cmd, seq: cmd.seq + 1 };
      const r = await kiosk.push([resent]);
      expect(r.status).toBe(200);
      expect(r.body.outcomes).toEqual([{ seq: cmd.seq + 1, id: cmd.id, outcome: 'duplicate', result: { requestId: cmd.payload.requestId, ticket: (cmd.payload as { ticket: string }).ticket } }]);
      expect(r.body.lastSeq).toBe(cmd.seq);
      expect(await lastSeqOf(kiosk)).toBe(cmd.seq);
      expect(await ticketsInSnapshot((cmd.payload as { ticket: string }).ticket)).toBe(1);
      // seq cmd.seq + 1 is still free for the next real command.
      const next = kiosk.create();
      expect(next.seq).toBe(cmd.seq + 1);
      expect((await kiosk.push([next])).body.outcomes[0].outcome).toBe('applied');
    });
  });

  describe.skipIf(backend.skip)('sequence numbers', () => {
    it('refuses a gap with 409 seq_gap naming the expected seq, and applies nothing of it', async () => {
      const expected = kiosk.nextSeq;
      const gap = kiosk.create({ seq: expected + 3 });
      const r = await kiosk.push([gap]);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('seq_gap');
      const details = SeqGapDetails.parse(r.body.error.details);
      expect(details.expectedSeq).toBe(expected);
      expect(details.outcomes).toEqual([]);
      expect(await ticketsInSnapshot((gap.payload as { ticket: string }).ticket)).toBe(0);
      expect(await lastSeqOf(kiosk)).toBe(expected - 1);
    });

    it('keeps what a batch settled before its gap and reports it in the 409 details', async () => {
      const ok = kiosk.create();
      const gap = kiosk.create({ seq: ok.seq + 5 });
      const r = await kiosk.push([ok, gap]);
      expect(r.status).toBe(409);
      const details = SeqGapDetails.parse(r.body.error.details);
      expect(details.expectedSeq).toBe(ok.seq + 1);
      expect(details.outcomes.map((o) => [o.seq, o.outcome])).toEqual([[ok.seq, 'applied']]);
      expect(await ticketsInSnapshot((ok.payload as { ticket: string }).ticket)).toBe(1);
      expect(await ticketsInSnapshot((gap.payload as { ticket: string }).ticket)).toBe(0);
      expect(await lastSeqOf(kiosk)).toBe(ok.seq);
      kiosk.nextSeq = ok.seq + 1; // the device resends from the expected seq
    });

    it('rejects a command the server refuses (ticket taken), still advances the seq, and applies the commands behind it', async () => {
      const original = kiosk.create();
      expect((await kiosk.push([original])).body.outcomes[0].outcome).toBe('applied');
      const reused = kiosk.create({ ticket: (original.payload as { ticket: string }).ticket });
      const behind = [kiosk.create(), kiosk.create()];
      const r = await kiosk.push([reused, ...behind]);
      expect(r.status).toBe(200);
      const body = PushResponse.parse(r.body);
      expect(appliedIds(body)).toEqual([
        [reused.seq, 'rejected'],
        [behind[0]!.seq, 'applied'],
        [behind[1]!.seq, 'applied'],
      ]);
      expect(body.outcomes[0]).toMatchObject({ error: { code: 'ticket_taken' } });
      expect(body.lastSeq).toBe(behind[1]!.seq);
      expect(await lastSeqOf(kiosk)).toBe(behind[1]!.seq);
      expect(await ticketsInSnapshot((original.payload as { ticket: string }).ticket)).toBe(1);
      const snap = await staffSnapshot();
      expect(snap.requests.some((q) => q.id === reused.payload.requestId)).toBe(false);

      // Re-sending the rejected command answers the same rejection; nothing is applied.
      const again = await kiosk.push([reused]);
      expect(again.body.outcomes).toEqual([{ seq: reused.seq, id: reused.id, outcome: 'rejected', error: r.body.outcomes[0].error }]);
      expect(again.body.lastSeq).toBe(behind[1]!.seq);
    });

    it('rejects a staff transition with a stale expectedStatus as a conflict and applies the commands behind it', async () => {
      const created = kiosk.create();
      expect((await kiosk.push([created])).body.outcomes[0].outcome).toBe('applied');
      const agent = lin;
      const stale = agent.transition(created.payload.requestId, 'call', 'called'); // it is still waiting
      const serve = agent.transition(created.payload.requestId, 'serve', 'waiting');
      const r = await agent.push([stale, serve]);
      expect(r.status).toBe(200);
      expect(appliedIds(PushResponse.parse(r.body))).toEqual([
        [stale.seq, 'rejected'],
        [serve.seq, 'applied'],
      ]);
      expect(r.body.outcomes[0].error.code).toBe('conflict');
      expect(r.body.outcomes[1].result).toMatchObject({ requestId: created.payload.requestId, status: 'serving', rev: 2 });
      expect(r.body.lastSeq).toBe(serve.seq);
    });

    it('rejects an action the status machine does not allow as illegal_transition', async () => {
      const created = kiosk.create();
      await kiosk.push([created]);
      const r = await tom.push([tom.transition(created.payload.requestId, 'complete', 'waiting')]);
      expect(r.body.outcomes[0]).toMatchObject({ outcome: 'rejected', error: { code: 'illegal_transition' } });
    });
  });

  describe.skipIf(backend.skip)('who may push what', () => {
    it('rejects a request.transition from a kiosk as forbidden (and the seq still advances)', async () => {
      const created = kiosk.create();
      const cmd: Command = {
        id: uuidv7(),
        deviceId: kiosk.me.deviceId,
        seq: kiosk.nextSeq++,
        type: 'request.transition',
        createdAt: new Date().toISOString(),
        payload: { requestId: created.payload.requestId, action: 'cancel', expectedStatus: 'waiting', desk: null },
      };
      const r = await kiosk.push([created, cmd]);
      expect(r.status).toBe(200);
      expect(r.body.outcomes[1]).toMatchObject({ seq: cmd.seq, outcome: 'rejected', error: { code: 'forbidden' } });
      expect(r.body.lastSeq).toBe(cmd.seq);
      const snap = await staffSnapshot();
      expect(snap.requests.find((q) => q.id === created.payload.requestId)?.status).toBe('waiting');
    });

    it('refuses with 403 a kiosk pushing for another device id', async () => {
      const wallMe = await new TestClient(server.url, server.demo!.wallToken).get('/api/devices/me');
      const other = wallMe.body.deviceId as string;
      const cmd = { ...kiosk.create({ seq: 1 }), deviceId: other };
      const r = await kiosk.push([cmd], other);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
      // A batch whose commands name another device than the batch does is malformed.
      const mixed = await kiosk.push([{ ...kiosk.create({ seq: kiosk.nextSeq }), deviceId: other }]);
      expect(mixed.status).toBe(400);
      expect(mixed.body.error.code).toBe('bad_request');
    });

    it('registers a tablet device on a staff member’s first push', async () => {
      const agent = new StaffDriver(server.url, lin.client);
      const before = await server.store.db.selectFrom('devices').selectAll().where('id', '=', agent.deviceId).executeTakeFirst();
      expect(before).toBeUndefined();
      const ticket = nextStaffTicket();
      const cmd = agent.create(ticket, kiosk.me.serviceDay);
      const r = await agent.push([cmd]);
      expect(r.status).toBe(200);
      expect(r.body.outcomes[0].outcome).toBe('applied');
      const row = await server.store.db.selectFrom('devices').selectAll().where('id', '=', agent.deviceId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ kind: 'tablet', staff_id: 'agent1', last_seq: 1, token_hash: null, letter: null });
      expect(await ticketsInSnapshot(ticket)).toBe(1);
    });

    it('refuses with 403 a staff member pushing under a kiosk’s device id', async () => {
      const cmd = { ...tom.create(nextStaffTicket(), kiosk.me.serviceDay, 1), deviceId: kiosk.me.deviceId };
      const r = await tom.push([cmd], kiosk.me.deviceId);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    });

    it('lets exactly one of two agents calling the same request win; the other is told who took it', async () => {
      const created = kiosk.create();
      await kiosk.push([created]);
      const ticket = (created.payload as { ticket: string }).ticket;
      const [a, b] = await Promise.all([
        lin.push([lin.transition(created.payload.requestId, 'call', 'waiting')]),
        tom.push([tom.transition(created.payload.requestId, 'call', 'waiting')]),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const results = [
        { name: 'Lin Mei', outcome: a.body.outcomes[0] },
        { name: 'Tom Baker', outcome: b.body.outcomes[0] },
      ];
      const winners = results.filter((x) => x.outcome.outcome === 'applied');
      const losers = results.filter((x) => x.outcome.outcome === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0]!.outcome.error.code).toBe('conflict');
      expect(losers[0]!.outcome.error.message).toContain(winners[0]!.name);
      expect(losers[0]!.outcome.error.message).toContain(ticket);
      const snap = await staffSnapshot();
      const req = snap.requests.find((q) => q.id === created.payload.requestId)!;
      expect(req).toMatchObject({ status: 'called', assignedStaffName: winners[0]!.name, rev: 2 });
    });

    const transferCmd = (d: StaffDriver, requestId: string, expectedStatus: RequestStatus, to: { desk?: string | null; department?: Department | null; note?: string | null }): Command => {
      const c = d.transition(requestId, 'transfer', expectedStatus) as CommandOf<'request.transition'>;
      return { ...c, payload: { ...c.payload, desk: null, ...to } };
    };

    it('transfers a request being served to a department: back to waiting, nobody holds it, the note kept for staff only', async () => {
      const created = kiosk.create();
      await kiosk.push([created]);
      const id = created.payload.requestId;
      const r = await lin.push([lin.transition(id, 'call', 'waiting'), lin.transition(id, 'serve', 'called'), transferCmd(lin, id, 'serving', { department: 'housekeeping', note: 'extra towels, zebra-note' })]);
      expect(r.body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['applied', 'applied', 'applied']);
      const req = (await staffSnapshot()).requests.find((q) => q.id === id)!;
      expect(req).toMatchObject({ status: 'waiting', department: 'housekeeping', desk: null, assignedStaffId: null, assignedStaffName: null, transferNote: 'extra towels, zebra-note', rev: 4 });
      // The wall and the kiosk never get the note.
      for (const token of [server.demo!.wallToken, server.demo!.kioskToken]) {
        for (const path of ['/api/sync/snapshot', '/api/sync/pull?after=0']) {
          const raw = await apiCall(server.url, 'GET', path, { token });
          expect(raw.status).toBe(200);
          expect(raw.text).not.toContain('zebra-note');
          expect(allKeys(raw.json).has('transferNote')).toBe(false);
        }
      }
    });

    it('transfers a waiting request to another desk, and refuses a transfer that names neither desk nor department', async () => {
      const created = kiosk.create();
      await kiosk.push([created]);
      const id = created.payload.requestId;
      const r = await tom.push([transferCmd(tom, id, 'waiting', {}), transferCmd(tom, id, 'waiting', { desk: '2' })]);
      expect(r.body.outcomes[0]).toMatchObject({ outcome: 'rejected', error: { code: 'bad_request' } });
      expect(r.body.outcomes[1]).toMatchObject({ outcome: 'applied' });
      expect((await staffSnapshot()).requests.find((q) => q.id === id)).toMatchObject({ status: 'waiting', desk: '2', department: null, transferNote: null });
    });

    it('refuses a transfer of a request another agent just completed as a conflict naming that agent', async () => {
      const created = kiosk.create();
      await kiosk.push([created]);
      const id = created.payload.requestId;
      expect((await tom.push([tom.transition(id, 'call', 'waiting'), tom.transition(id, 'complete', 'called')])).body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['applied', 'applied']);
      const r = await lin.push([transferCmd(lin, id, 'called', { department: 'concierge' })]);
      expect(r.body.outcomes[0]).toMatchObject({ outcome: 'rejected', error: { code: 'conflict' } });
      expect(r.body.outcomes[0].error.message).toContain('Tom Baker');
      expect((await staffSnapshot()).requests.find((q) => q.id === id)).toMatchObject({ status: 'completed', department: null });
    });

    it('answers two tablets issuing the same ticket at the same moment with one applied and one ticket_taken, never a 5xx', async () => {
      // A race is a matter of timing: run it a few times.
      for (let round = 0; round < 5; round++) {
        const ticket = nextStaffTicket();
        const [a, b] = await Promise.all([lin.push([lin.create(ticket, kiosk.me.serviceDay)]), tom.push([tom.create(ticket, kiosk.me.serviceDay)])]);
        expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([200, 200]);
        const outcomes = [a.body.outcomes[0], b.body.outcomes[0]];
        expect(outcomes.map((o) => o.outcome).sort()).toEqual(['applied', 'rejected']);
        expect(outcomes.find((o) => o.outcome === 'rejected').error.code).toBe('ticket_taken');
        expect(await ticketsInSnapshot(ticket)).toBe(1);
      }
    });

    it('rejects (never wedges on) a new command that reuses an existing request id, and applies the commands behind it', async () => {
      // Its own kiosk, so a wedged queue cannot spill into the other tests.
      const own = await new KioskDriver(server.url, (await pairDevice(server.url, supervisor, 'kiosk', 'Reuse')).token).init();
      const first = own.create();
      expect((await own.push([first])).body.outcomes[0].outcome).toBe('applied');
      const reuse = own.create();
      reuse.payload.requestId = first.payload.requestId;
      const behind = own.create();
      const r = await own.push([reuse, behind]);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(appliedIds(PushResponse.parse(r.body))).toEqual([
        [reuse.seq, 'rejected'],
        [behind.seq, 'applied'],
      ]);
      const snap = await staffSnapshot();
      expect(snap.requests.find((q) => q.id === first.payload.requestId)?.ticket).toBe((first.payload as { ticket: string }).ticket);
    });
  });

  describe.skipIf(backend.skip)('pull', () => {
    it('returns exactly the events after a version, in order, with the version to resume from', async () => {
      const v0 = (await staffSnapshot()).version;
      const batch = [kiosk.create(), kiosk.create()];
      await kiosk.push(batch);
      const r = await staff.get(`/api/sync/pull?after=${v0}`);
      expect(r.status).toBe(200);
      const p = StaffPull.parse(r.body);
      expect(p.events.map((e) => e.version)).toEqual([v0 + 1, v0 + 2]);
      expect(p.events.map((e) => (e.type === 'request.upserted' ? e.request.id : null))).toEqual(batch.map((c) => c.payload.requestId));
      expect(p).toMatchObject({ version: v0 + 2, hasMore: false, reset: false });
      const tail = StaffPull.parse((await staff.get(`/api/sync/pull?after=${v0 + 1}`)).body);
      expect(tail.events.map((e) => e.version)).toEqual([v0 + 2]);
      const none = StaffPull.parse((await staff.get(`/api/sync/pull?after=${v0 + 2}`)).body);
      expect(none).toMatchObject({ events: [], version: v0 + 2, reset: false });
    });

    it('answers reset when the cursor is beyond the server’s version', async () => {
      const v = (await staffSnapshot()).version;
      const r = await staff.get(`/api/sync/pull?after=${v + 1000}`);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ version: v, events: [], hasMore: false, reset: true });
    });

    it('refuses a pull without a valid cursor with 400', async () => {
      for (const q of ['', '?after=-1', '?after=abc']) {
        const r = await staff.get(`/api/sync/pull${q}`);
        expect(r.status).toBe(400);
        expect(r.body.error.code).toBe('bad_request');
      }
    });
  });

  describe.skipIf(backend.skip)('what each audience sees', () => {
    const secret = { guestName: 'Xavier Quill', room: 'Suite-Q9', note: 'allergic to feathers' };

    it('never sends the wall a guest name, room or note, in its snapshot or its pull', async () => {
      const cmd = kiosk.create(secret);
      await kiosk.push([cmd]);
      const wall = new TestClient(server.url, server.demo!.wallToken);
      // Read the raw payloads: no key and no value may leak, however nested.
      for (const path of ['/api/sync/snapshot', '/api/sync/pull?after=0']) {
        const raw = await apiCall(server.url, 'GET', path, { token: server.demo!.wallToken });
        expect(raw.status).toBe(200);
        // The service catalog names its form's fields (`fields.room`, `fields.note`): it holds no guest's data; the requests must not have those keys.
        const requests = withoutCatalog(raw.json);
        for (const key of ['"guestName"', '"room"', '"note"']) expect(JSON.stringify(requests)).not.toContain(key);
        for (const value of ['Quill', 'Suite-Q9', 'feathers']) expect(raw.text).not.toContain(value);
        const keys = allKeys(requests);
        for (const key of ['guestName', 'room', 'note']) expect(keys.has(key)).toBe(false);
      }
      const snap = WallSnapshot.parse((await wall.get('/api/sync/snapshot')).body);
      expect(snap.requests.find((q) => q.id === cmd.payload.requestId)).toMatchObject({ maskedName: 'X***' });
      const pulled = WallPull.parse((await wall.get('/api/sync/pull?after=0')).body);
      expect(pulled.events.some((e) => e.type === 'request.upserted' && e.request.id === cmd.payload.requestId)).toBe(true);
      // Staff do see them.
      expect((await staffSnapshot()).requests.find((q) => q.id === cmd.payload.requestId)).toMatchObject(secret);
    });

    it('gives a kiosk only its own requests, and no guest details', async () => {
      const paired = await pairDevice(server.url, supervisor, 'kiosk', 'B');
      const kioskB = await new KioskDriver(server.url, paired.token).init();
      expect(kioskB.me.letter).not.toBe(kiosk.me.letter);
      const fromA = kiosk.create(secret);
      const fromB = kioskB.create(secret);
      expect((await kiosk.push([fromA])).body.outcomes[0].outcome).toBe('applied');
      expect((await kioskB.push([fromB])).body.outcomes[0].outcome).toBe('applied');

      const snapB = await kioskB.client.get('/api/sync/snapshot');
      expect(snapB.body.requests.map((q: { id: string }) => q.id)).toEqual([fromB.payload.requestId]);
      const pullB = await kioskB.client.get('/api/sync/pull?after=0');
      expect(pullB.body.events.map((e: { request: { id: string } }) => e.request.id)).toEqual([fromB.payload.requestId]);

      const pullA = await kiosk.client.get('/api/sync/pull?after=0');
      const idsA: string[] = pullA.body.events.map((e: { request: { id: string } }) => e.request.id);
      expect(idsA).toContain(fromA.payload.requestId);
      expect(idsA).not.toContain(fromB.payload.requestId);
      const snapA = await kiosk.client.get('/api/sync/snapshot');
      expect(snapA.body.requests.map((q: { id: string }) => q.id)).not.toContain(fromB.payload.requestId);
      // Every request A sees was created by A: check against the server's own record.
      const ownA = new Set(
        (await server.store.db.selectFrom('service_requests').select('id').where('device_id', '=', kiosk.me.deviceId).execute()).map((r) => r.id),
      );
      expect(idsA.every((id) => ownA.has(id))).toBe(true);
      for (const body of [snapA.body, pullA.body, snapB.body, pullB.body]) {
        const keys = allKeys(withoutCatalog(body));
        for (const key of ['guestName', 'room', 'note', 'deviceId', 'assignedStaffName']) expect(keys.has(key)).toBe(false);
      }
    });
  });

  describe.skipIf(backend.skip)('errors', () => {
    it('answers every refusal with a closed error code', async () => {
      const bad = await kiosk.push([]);
      expect(bad.status).toBe(400);
      expect(ErrorCode.options).toContain(bad.body.error.code);
    });
  });
});

/** A snapshot or pull without the service catalog (its `services`, its `service.upserted` events): what is left is about requests. */
function withoutCatalog(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const { services: _services, ...rest } = body as { services?: unknown; events?: { type: string }[] };
  void _services;
  return Array.isArray(rest.events) ? { ...rest, events: rest.events.filter((e) => e.type !== 'service.upserted') } : rest;
}
