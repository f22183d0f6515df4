/**
 * Requests and members (issue #4): a kiosk request carrying the member card
 * the guest scanned is linked to that member only after the server verifies
 * the signed token; staff see the member's name and tier, the wall and every
 * kiosk (the sender included) see nothing of it. A forged, damaged, foreign,
 * reissued or unknown card never costs the guest their call: the request is
 * created without a member and the reason is audited. And a shoe-care
 * request cannot be completed (or, once started, cancelled) from the queue.
 * Runs on embedded PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { generateKeyPairSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardKeysFromText, loadCardKeys, type CardKeys } from '../../server/src/members/cards.service.ts';
import { MEMBER_CARD_REFUSED } from '../../server/src/requests/member-link.ts';
import type { Command, CommandOf } from '../../shared/protocol/commands.ts';
import { KioskPull, KioskSnapshot, StaffPull, StaffSnapshot, WallPull, WallSnapshot } from '../../shared/protocol/sync.ts';
import { serverBackends } from '../support/backends.ts';
import { TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver } from './helpers.ts';

const backends = serverBackends('ld_requests_member');

const MEMBER = { name: 'Qzxmember Linkwell', tier: 'platinum' } as const;

describe.each(backends)('requests and members on $name', (backend) => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let kiosk: KioskDriver;
  let agent: StaffDriver;
  let keys: CardKeys;
  let member: { id: string; card_id: string; card_version: number; property_id: string };

  beforeAll(async () => {
    if (backend.skip) return;
    ({ server, dispose } = await backend.start());
    kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    agent = await new StaffDriver(server.url).login('agent1', '1111');
    keys = await loadCardKeys(server.dataDir, null);
    const property = await server.store.db.selectFrom('properties').select('id').executeTakeFirstOrThrow();
    member = await server.store.db
      .insertInto('members')
      .values({ id: uuidv7(), property_id: property.id, name: MEMBER.name, tier: MEMBER.tier, balance_minor: 4_200, points: 77 })
      .returning(['id', 'card_id', 'card_version', 'property_id'])
      .executeTakeFirstOrThrow();
  });
  afterAll(async () => {
    if (!backend.skip) await dispose?.();
  });

  /** A kiosk request with the card token the guest scanned (or none). */
  function withCard(memberCard: string | null): CommandOf<'request.create'> {
    const cmd = kiosk.create({ guestName: 'Guest at the kiosk', note: null });
    if (memberCard !== null) cmd.payload.memberCard = memberCard;
    return cmd;
  }

  async function pushOne(cmd: Command) {
    const r = await kiosk.push([cmd]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.outcomes[0];
  }

  const staffRequest = async (id: string) => StaffSnapshot.parse((await agent.client.get('/api/sync/snapshot')).body).requests.find((r) => r.id === id);
  const refusals = (requestId: string) =>
    server.store.db.selectFrom('audit_log').select(['action', 'staff_id', 'details']).where('subject_id', '=', requestId).where('action', '=', MEMBER_CARD_REFUSED).execute();

  describe.skipIf(backend.skip)('a verified card', () => {
    it('links the member: staff see name and tier in the snapshot and the feed, through later status changes', async () => {
      const cmd = withCard(keys.issue(member.card_id, member.card_version));
      const outcome = await pushOne(cmd);
      expect(outcome.outcome).toBe('applied');
      expect(JSON.stringify(outcome)).not.toContain(MEMBER.name); // the kiosk's answer says nothing of the member
      const row = await server.store.db.selectFrom('service_requests').select('member_id').where('id', '=', cmd.payload.requestId).executeTakeFirstOrThrow();
      expect(row.member_id).toBe(member.id);
      expect((await staffRequest(cmd.payload.requestId))?.member).toEqual({ id: member.id, name: MEMBER.name, tier: MEMBER.tier });

      const call = await agent.push([agent.transition(cmd.payload.requestId, 'call', 'waiting')]);
      expect(call.body.outcomes[0].outcome).toBe('applied');
      const pull = StaffPull.parse((await agent.client.get('/api/sync/pull?after=0')).body);
      const events = pull.events.flatMap((e) => (e.type === 'request.upserted' && e.request.id === cmd.payload.requestId ? [e.request] : []));
      expect(events.map((r) => [r.status, r.member?.tier])).toEqual([
        ['waiting', MEMBER.tier],
        ['called', MEMBER.tier],
      ]);
      expect(await refusals(cmd.payload.requestId)).toEqual([]);
    });

    it('never reaches the wall or any kiosk, the sending kiosk included, in snapshot or pull', async () => {
      const cmd = withCard(keys.issue(member.card_id, member.card_version));
      expect((await pushOne(cmd)).outcome).toBe('applied');
      const sender = new TestClient(server.url, server.demo!.kioskToken);
      const wall = new TestClient(server.url, server.demo!.wallToken);
      const kioskSnap = KioskSnapshot.parse((await sender.get('/api/sync/snapshot')).body);
      expect(kioskSnap.requests.some((r) => r.id === cmd.payload.requestId)).toBe(true); // it is the sender's own request…
      const wallSnap = WallSnapshot.parse((await wall.get('/api/sync/snapshot')).body);
      expect(wallSnap.requests.some((r) => r.id === cmd.payload.requestId)).toBe(true);
      KioskPull.parse((await sender.get('/api/sync/pull?after=0')).body);
      WallPull.parse((await wall.get('/api/sync/pull?after=0')).body);
      const raw = [
        (await sender.get('/api/sync/snapshot')).body,
        (await sender.get('/api/sync/pull?after=0')).body,
        (await wall.get('/api/sync/snapshot')).body,
        (await wall.get('/api/sync/pull?after=0')).body,
      ].map((b) => JSON.stringify(b));
      for (const text of raw) {
        // …but nothing of the member: no key, no name, no tier, no id.
        expect(text).not.toContain('"member"');
        expect(text).not.toContain(MEMBER.name);
        expect(text).not.toContain(MEMBER.tier);
        expect(text).not.toContain(member.id);
      }
    });
  });

  describe.skipIf(backend.skip)('a card that fails verification', () => {
    it('still creates the request, without a member, and audits why — for a forged, damaged, foreign, reissued or unknown card', async () => {
      const genuine = keys.issue(member.card_id, member.card_version);
      const flip = (t: string, i: number) => t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1);
      const otherKey = cardKeysFromText(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
      const cases: [string, string, string][] = [
        ['forged (signature changed)', flip(genuine, genuine.length - 5), 'card_invalid'],
        ['damaged (half a card)', genuine.slice(0, 60), 'card_invalid'],
        ['signed by another property’s key', otherKey.issue(member.card_id, member.card_version), 'card_invalid'],
        ['not a card at all', 'HTTPS://EXAMPLE.COM/WIFI', 'card_invalid'],
        ['unknown card', keys.issue(uuidv7(), 1), 'card_unknown'],
      ];
      for (const [what, token, code] of cases) {
        const cmd = withCard(token);
        const outcome = await pushOne(cmd);
        expect(outcome.outcome, what).toBe('applied');
        expect(outcome.result, what).toEqual({ requestId: cmd.payload.requestId, ticket: cmd.payload.ticket });
        expect((await staffRequest(cmd.payload.requestId))?.member ?? null, what).toBeNull();
        const audit = await refusals(cmd.payload.requestId);
        expect(audit, what).toHaveLength(1);
        expect(audit[0]).toMatchObject({ staff_id: null, details: { code, deviceId: kiosk.me.deviceId } });
        expect(JSON.stringify(audit[0]!.details), what).not.toContain(token); // the reason, never the card
      }

      // Reissued: the member's old card no longer links them.
      await server.store.db.updateTable('members').set({ card_version: member.card_version + 1 }).where('id', '=', member.id).execute();
      try {
        const old = withCard(genuine);
        expect((await pushOne(old)).outcome).toBe('applied');
        expect((await staffRequest(old.payload.requestId))?.member ?? null).toBeNull();
        expect((await refusals(old.payload.requestId))[0]).toMatchObject({ details: { code: 'card_reissued' } });
        const current = withCard(keys.issue(member.card_id, member.card_version + 1));
        expect((await pushOne(current)).outcome).toBe('applied');
        expect((await staffRequest(current.payload.requestId))?.member?.id).toBe(member.id);
      } finally {
        await server.store.db.updateTable('members').set({ card_version: member.card_version }).where('id', '=', member.id).execute();
      }
    });

    it('does not link a member of another property, whatever the card says', async () => {
      const rival = uuidv7();
      await server.store.db.insertInto('properties').values({ id: rival, name: 'Rival Hotel', time_zone: 'UTC' }).execute();
      const stranger = await server.store.db
        .insertInto('members')
        .values({ id: uuidv7(), property_id: rival, name: 'Qzxstranger Elsewhere', tier: 'gold', balance_minor: 0, points: 0 })
        .returning(['card_id', 'card_version'])
        .executeTakeFirstOrThrow();
      const cmd = withCard(keys.issue(stranger.card_id, stranger.card_version));
      expect((await pushOne(cmd)).outcome).toBe('applied');
      expect((await staffRequest(cmd.payload.requestId))?.member ?? null).toBeNull();
      expect((await refusals(cmd.payload.requestId))[0]).toMatchObject({ details: { code: 'card_unknown' } });
    });

    it('without a card, a request is as it always was: no member, nothing audited', async () => {
      const cmd = withCard(null);
      expect((await pushOne(cmd)).outcome).toBe('applied');
      expect((await staffRequest(cmd.payload.requestId))?.member ?? null).toBeNull();
      expect(await refusals(cmd.payload.requestId)).toEqual([]);
    });
  });

  describe.skipIf(backend.skip)('shoe care from the queue', () => {
    function shoeRequest(): CommandOf<'request.create'> {
      const cmd = kiosk.create({ guestName: 'Shoe guest', note: null });
      cmd.payload.kind = 'shoe_care';
      cmd.payload.reason = null;
      cmd.payload.details = { kind: 'shoe_care', pairs: 2, collectAt: 'lobby', neededBy: null };
      return cmd;
    }
    const advance = (requestId: string, stage: 'accepted' | 'collected' | 'ready' | 'returned', expectedStage: string | null): Command =>
      ({ id: uuidv7(), deviceId: agent.deviceId, seq: agent.nextSeq++, type: 'shoe.advance', createdAt: new Date().toISOString(), payload: { requestId, stage, expectedStage, desk: '1' } }) as Command;
    const status = async (id: string) => (await server.store.db.selectFrom('service_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

    it('refuses Complete at any stage, and Cancel once the job has started, with illegal_transition naming the stages', async () => {
      const cmd = shoeRequest();
      expect((await pushOne(cmd)).outcome).toBe('applied');
      const id = cmd.payload.requestId;
      expect((await agent.push([agent.transition(id, 'call', 'waiting')])).body.outcomes[0].outcome).toBe('applied');
      const early = (await agent.push([agent.transition(id, 'complete', 'called')])).body.outcomes[0];
      expect(early).toMatchObject({ outcome: 'rejected', error: { code: 'illegal_transition' } });
      expect(early.error.message).toMatch(/shoe_care: the queue cannot complete it; .*shoe stages \(now not accepted\)/);
      expect(await status(id)).toBe('called');

      for (const [stage, expected] of [
        ['accepted', null],
        ['collected', 'accepted'],
        ['ready', 'collected'],
      ] as const) {
        expect((await agent.push([advance(id, stage, expected)])).body.outcomes[0].outcome, stage).toBe('applied');
      }
      expect(await status(id)).toBe('called'); // ready: the wall calls the guest
      for (const action of ['complete', 'cancel'] as const) {
        const r = (await agent.push([agent.transition(id, action, 'called')])).body.outcomes[0];
        expect(r, action).toMatchObject({ outcome: 'rejected', error: { code: 'illegal_transition' } });
        expect(r.error.message, action).toContain('now ready');
      }
      expect(await status(id)).toBe('called');
      // The queue may still call the guest again; returning the shoes completes the job.
      expect((await agent.push([agent.transition(id, 'call', 'called')])).body.outcomes[0].outcome).toBe('applied');
      expect((await agent.push([advance(id, 'returned', 'ready')])).body.outcomes[0].outcome).toBe('applied');
      expect(await status(id)).toBe('completed');
    });

    it('lets the queue cancel a shoe-care request nobody has accepted yet', async () => {
      const cmd = shoeRequest();
      expect((await pushOne(cmd)).outcome).toBe('applied');
      expect((await agent.push([agent.transition(cmd.payload.requestId, 'cancel', 'waiting')])).body.outcomes[0].outcome).toBe('applied');
      expect(await status(cmd.payload.requestId)).toBe('cancelled');
    });

    it('refuses Complete on a luggage request from the queue: the ledger check-in or hand-back completes it', async () => {
      for (const kind of ['luggage_in', 'luggage_out'] as const) {
        const cmd = kiosk.create({ guestName: 'Bag guest', note: null });
        cmd.payload.kind = kind;
        cmd.payload.reason = null;
        cmd.payload.details = kind === 'luggage_in' ? { kind, bags: 2, expectedPickupAt: null, claimCode: 'ABCDEFGH' } : { kind, claimCode: 'ABCDEFGH' };
        expect((await pushOne(cmd)).outcome, kind).toBe('applied');
        const id = cmd.payload.requestId;
        expect((await agent.push([agent.transition(id, 'call', 'waiting')])).body.outcomes[0].outcome).toBe('applied');
        const r = (await agent.push([agent.transition(id, 'complete', 'called')])).body.outcomes[0];
        expect(r, kind).toMatchObject({ outcome: 'rejected', error: { code: 'illegal_transition' } });
        expect(r.error.message, kind).toMatch(/luggage ledger/);
        expect(await status(id)).toBe('called');
      }
    });
  });
});
