/**
 * Authority is a budget (工作权限, 指定额度): a role's limit is what one staff
 * member may move on their own authority in one service day (the property's
 * time zone), per operation, money and points counted apart. Past what is
 * left, a change waits for approval, however it is split: into a batch of
 * slips, into slips a minute apart, or across two tablets pushing at once.
 * An approver's "approve" is drawn from the approver's own budget. Points
 * have limits like money. Nothing may take a balance or points past what the
 * column holds: that is one command refused, never a 500.
 * Runs on embedded PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/src/auth/authenticate.ts';
import { hashPin, newToken, tokenHash } from '../../server/src/auth/secrets.ts';
import { DEFAULT_AUTHORITY_LIMITS, type AuthorityLimits } from '../../shared/domain/authority.ts';
import { serviceDayOf } from '../../shared/domain/ticket.ts';
import type { Command } from '../../shared/protocol/commands.ts';
import { AuthoritySettings, MemberProfile } from '../../shared/protocol/members-staff.ts';
import { serverBackends } from '../support/backends.ts';
import { TestClient, type TestServer } from '../support/server.ts';
import { StaffDriver } from './helpers.ts';

const INT4_MAX = 2_147_483_647;

/** A staff client on a session minted in the database: many staff members without tripping the login rate limit. */
class SessionClient extends TestClient {
  constructor(
    base: string,
    private readonly sessionCookie: string,
  ) {
    super(base);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the server said
  override async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { 'x-lobbydesk-protocol': '1', cookie: this.sessionCookie };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
}

interface Outcome {
  outcome: 'applied' | 'rejected' | 'duplicate';
  result?: { status?: string; approvalId?: string; balanceMinor?: number; points?: number };
  error?: { code: string; message: string };
}

describe.each(serverBackends('ld_authority_budget'))('authority budgets on $name', (backend) => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let propertyId: string;
  let manager: StaffDriver;
  let supervisor: StaffDriver;
  let staffCount = 0;

  beforeAll(async () => {
    if (backend.skip) return;
    ({ server, dispose } = await backend.start());
    propertyId = (await server.store.db.selectFrom('properties').select('id').executeTakeFirstOrThrow()).id;
    manager = await new StaffDriver(server.url).login('manager1', '3333');
    supervisor = await new StaffDriver(server.url).login('super1', '2222');
  });
  afterAll(async () => {
    if (!backend.skip) await dispose?.();
  });

  /** A staff member of their own for each test, so budgets used by one test never leak into another. */
  async function newStaff(role: 'agent' | 'supervisor'): Promise<StaffDriver & { staffId: string }> {
    const id = `${role}-b${++staffCount}`;
    await server.store.db
      .insertInto('staff')
      .values({ id, property_id: propertyId, name: `Budget ${role} ${staffCount}`, role, pin_hash: await hashPin('4321') })
      .execute();
    const token = newToken();
    await server.store.db
      .insertInto('sessions')
      .values({ token_hash: tokenHash(token), staff_id: id, property_id: propertyId, expires_at: new Date(Date.now() + 3_600_000) })
      .execute();
    return Object.assign(new StaffDriver(server.url, new SessionClient(server.url, `${SESSION_COOKIE}=${token}`)), { staffId: id });
  }

  async function newMember(balanceMinor = 1_000_000, points = 100_000): Promise<string> {
    const id = uuidv7();
    await server.store.db.insertInto('members').values({ id, property_id: propertyId, name: `Budget member ${id.slice(-6)}`, tier: 'gold', balance_minor: balanceMinor, points }).execute();
    return id;
  }

  function cmd(who: StaffDriver, type: Command['type'], payload: unknown): Command {
    return { id: uuidv7(), deviceId: who.deviceId, seq: who.nextSeq++, type, createdAt: new Date().toISOString(), payload } as Command;
  }

  const change = (who: StaffDriver, memberId: string, operation: 'topup' | 'redeem' | 'adjust', amountMinor: number, points = 0) =>
    cmd(who, 'member.balance', { memberId, operation, amountMinor, points, reason: 'Budget test' });

  async function push(who: StaffDriver, commands: Command[]): Promise<Outcome[]> {
    const r = await who.push(commands);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.outcomes as Outcome[];
  }
  const one = async (who: StaffDriver, c: Command) => (await push(who, [c]))[0]!;

  async function member(id: string) {
    const r = await manager.client.get(`/api/members/${id}`);
    expect(r.status).toBe(200);
    return MemberProfile.parse(r.body).member;
  }

  async function settings(who: StaffDriver) {
    const r = await who.client.get('/api/settings/authority');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return AuthoritySettings.parse(r.body);
  }

  const statuses = (outs: Outcome[]) => outs.map((o) => (o.outcome === 'applied' ? o.result?.status : `rejected:${o.error?.code}`));

  describe('points have limits like money', () => {
    it.skipIf(backend.skip)('sends an agent’s ±10,000,000 points to approval, and a supervisor cannot approve it either', async () => {
      const agent = await newStaff('agent');
      const m = await newMember(0, 20_000_000);
      const up = await one(agent, change(agent, m, 'adjust', 0, 10_000_000));
      expect(up.result?.status, JSON.stringify(up)).toBe('pending_approval');
      const down = await one(agent, change(agent, m, 'adjust', 0, -10_000_000));
      expect(down.result?.status, JSON.stringify(down)).toBe('pending_approval');
      expect((await member(m)).points).toBe(20_000_000);

      // Within the agent's points budget it applies at once.
      const small = await one(agent, change(agent, m, 'adjust', 0, DEFAULT_AUTHORITY_LIMITS.agent.points.adjust));
      expect(small.result?.status).toBe('applied');
      expect((await member(m)).points).toBe(20_000_000 + DEFAULT_AUTHORITY_LIMITS.agent.points.adjust);

      // 10,000,000 points are above the supervisor's points limit too: a manager decides.
      const bySupervisor = await one(supervisor, cmd(supervisor, 'approval.decide', { approvalId: up.result!.approvalId, approve: true, note: '' }));
      expect(bySupervisor.error?.code).toBe('forbidden');
      const byManager = await one(manager, cmd(manager, 'approval.decide', { approvalId: up.result!.approvalId, approve: true, note: 'Corporate points transfer' }));
      expect(byManager.outcome).toBe('applied');
      expect((await member(m)).points).toBe(30_000_000 + DEFAULT_AUTHORITY_LIMITS.agent.points.adjust);
    });

    it.skipIf(backend.skip)('are set by a manager with the money limits, and apply at once', async () => {
      const agent = await newStaff('agent');
      const m = await newMember();
      const before = await settings(agent);
      expect(before.limits).toEqual(DEFAULT_AUTHORITY_LIMITS);
      const limits: AuthorityLimits = {
        agent: { ...DEFAULT_AUTHORITY_LIMITS.agent, points: { topup: 1_000, redeem: 2_000, adjust: 30_000 } },
        supervisor: DEFAULT_AUTHORITY_LIMITS.supervisor,
      };
      expect((await one(supervisor, cmd(supervisor, 'settings.authority', { limits }))).error?.code).toBe('forbidden');
      expect((await one(manager, cmd(manager, 'settings.authority', { limits }))).outcome).toBe('applied');
      try {
        expect((await settings(agent)).limits.agent.points).toEqual({ topup: 1_000, redeem: 2_000, adjust: 30_000 });
        expect((await one(agent, change(agent, m, 'adjust', 0, 25_000))).result?.status).toBe('applied');
        expect((await one(agent, change(agent, m, 'topup', 100, 1_500))).result?.status).toBe('pending_approval');
      } finally {
        expect((await one(manager, cmd(manager, 'settings.authority', { limits: DEFAULT_AUTHORITY_LIMITS }))).outcome).toBe('applied');
      }
    });
  });

  describe('a limit is a daily budget, not a cap per slip', () => {
    it.skipIf(backend.skip)('applies the first of ten top-ups at the limit in one batch and sends the nine past the budget to approval', async () => {
      const agent = await newStaff('agent');
      const m = await newMember(0, 0);
      const limit = DEFAULT_AUTHORITY_LIMITS.agent.topup;
      const outs = await push(agent, Array.from({ length: 10 }, () => change(agent, m, 'topup', limit)));
      expect(statuses(outs)).toEqual(['applied', ...Array(9).fill('pending_approval')]);
      expect((await member(m)).balanceMinor).toBe(limit);
      const inbox = (await supervisor.client.get('/api/approvals?status=pending')).body.approvals as { memberId: string }[];
      expect(inbox.filter((a) => a.memberId === m)).toHaveLength(9);
    });

    it.skipIf(backend.skip)('sends the second and third of three redemptions in a minute to approval', async () => {
      const agent = await newStaff('agent');
      const m = await newMember();
      const limit = DEFAULT_AUTHORITY_LIMITS.agent.redeem;
      const got: (string | undefined)[] = [];
      for (let i = 0; i < 3; i++) got.push((await one(agent, change(agent, m, 'redeem', limit))).result?.status);
      expect(got).toEqual(['applied', 'pending_approval', 'pending_approval']);
      expect((await member(m)).balanceMinor).toBe(1_000_000 - limit);
    });

    it.skipIf(backend.skip)('counts per staff member, per operation, money and points apart, across members, by magnitude', async () => {
      const agent = await newStaff('agent');
      const colleague = await newStaff('agent');
      const [a, b] = [await newMember(), await newMember()];
      // 300 on one member and 200 on another use up the 500 top-up budget: splitting across members does not help.
      expect((await one(agent, change(agent, a, 'topup', 30_000))).result?.status).toBe('applied');
      expect((await one(agent, change(agent, b, 'topup', 20_000))).result?.status).toBe('applied');
      expect((await one(agent, change(agent, a, 'topup', 1))).result?.status).toBe('pending_approval');
      // Other operations and other staff have their own budgets.
      expect((await one(agent, change(agent, a, 'redeem', 50_000))).result?.status).toBe('applied');
      expect((await one(colleague, change(colleague, a, 'topup', 50_000))).result?.status).toBe('applied');
      // An adjustment counts by magnitude: +400 then −200 is 600 of authority, not 200.
      expect((await one(agent, change(agent, b, 'adjust', 40_000))).result?.status).toBe('applied');
      expect((await one(agent, change(agent, b, 'adjust', -20_000))).result?.status).toBe('pending_approval');
      expect((await one(agent, change(agent, b, 'adjust', -10_000))).result?.status).toBe('applied');

      const s = await settings(agent);
      expect(s.today.serviceDay).toBe(serviceDayOf(new Date(), 'UTC'));
      expect(s.today.used).toEqual({ money: { topup: 50_000, redeem: 50_000, adjust: 50_000 }, points: { topup: 0, redeem: 0, adjust: 0 } });
      expect(s.today.remaining).toEqual({ money: { topup: 0, redeem: 0, adjust: 0 }, points: DEFAULT_AUTHORITY_LIMITS.agent.points });
      expect((await settings(colleague)).today.remaining?.money.topup).toBe(0);
      expect((await settings(manager)).today.remaining).toBeNull();
    });

    it.skipIf(backend.skip)('starts again on the next service day of the property’s time zone', async () => {
      const agent = await newStaff('agent');
      const m = await newMember();
      const { time_zone } = await server.store.db.selectFrom('properties').select('time_zone').where('id', '=', propertyId).executeTakeFirstOrThrow();
      const today = serviceDayOf(new Date(), time_zone);
      const yesterday = serviceDayOf(new Date(Date.now() - 86_400_000), time_zone);
      // Yesterday's budget spent in full does not count today.
      await server.store.db
        .insertInto('authority_usage')
        .values({ property_id: propertyId, staff_id: agent.staffId, service_day: yesterday, operation: 'topup', money_minor: 50_000, points: 0 })
        .execute();
      const s = await settings(agent);
      expect(s.today.serviceDay).toBe(today);
      expect(s.today.remaining?.money.topup).toBe(50_000);
      expect((await one(agent, change(agent, m, 'topup', 50_000))).result?.status).toBe('applied');
    });
  });

  describe('approvals', () => {
    it.skipIf(backend.skip)('draw on the approver’s own budget: a supervisor approves until theirs runs out, then a manager must', async () => {
      const agent = await newStaff('agent');
      const sup = await newStaff('supervisor');
      const [a, b] = [await newMember(), await newMember()];
      const first = await one(agent, change(agent, a, 'adjust', 300_000));
      const second = await one(agent, change(agent, b, 'adjust', 300_000));
      expect([first.result?.status, second.result?.status]).toEqual(['pending_approval', 'pending_approval']);
      expect((await one(sup, cmd(sup, 'approval.decide', { approvalId: first.result!.approvalId, approve: true, note: '' }))).outcome).toBe('applied');
      expect((await settings(sup)).today.remaining?.money.adjust).toBe(200_000);
      const refused = await one(sup, cmd(sup, 'approval.decide', { approvalId: second.result!.approvalId, approve: true, note: '' }));
      expect(refused.error?.code).toBe('forbidden');
      // Declining moves nothing and needs no budget.
      const third = await one(agent, change(agent, a, 'adjust', 300_000));
      expect((await one(sup, cmd(sup, 'approval.decide', { approvalId: third.result!.approvalId, approve: false, note: 'No' }))).outcome).toBe('applied');
      expect((await one(manager, cmd(manager, 'approval.decide', { approvalId: second.result!.approvalId, approve: true, note: '' }))).outcome).toBe('applied');
      // The requester's budget is not touched by an approval.
      expect((await settings(agent)).today.used.money.adjust).toBe(0);
      expect((await member(a)).balanceMinor).toBe(1_300_000);
      expect((await member(b)).balanceMinor).toBe(1_300_000);
    });
  });

  describe('concurrency', () => {
    it.skipIf(backend.skip)('never lets two tablets of one staff member pushing at once both pass the budget', async () => {
      // Four staff members with ¥400 of top-up left (¥100 used this morning), each on two tablets, each tablet
      // topping up ¥300 on its own member, all at once.
      const staff = [await newStaff('agent'), await newStaff('agent'), await newStaff('agent'), await newStaff('agent')];
      const tablets = staff.flatMap((s) => [s, new StaffDriver(server.url, s.client)]);
      const members = await Promise.all(tablets.map(() => newMember()));
      for (const s of staff) expect((await one(s, change(s, members[0]!, 'topup', 10_000))).result?.status).toBe('applied');
      const outs = await Promise.all(tablets.map((t, i) => one(t, change(t, members[i]!, 'topup', 30_000))));
      for (let i = 0; i < staff.length; i++) expect(statuses(outs.slice(2 * i, 2 * i + 2)).sort()).toEqual(['applied', 'pending_approval']);
    });

    it.skipIf(backend.skip)('lets exactly the budget through when eight tablets redeem at once on eight members', async () => {
      const agent = await newStaff('agent');
      const tablets = [agent, ...Array.from({ length: 7 }, () => new StaffDriver(server.url, agent.client))];
      const members = await Promise.all(tablets.map(() => newMember()));
      const outs = await Promise.all(tablets.map((t, i) => one(t, change(t, members[i]!, 'redeem', 10_000))));
      const got = statuses(outs);
      expect(got.filter((s) => s === 'applied')).toHaveLength(5);
      expect(got.filter((s) => s === 'pending_approval')).toHaveLength(3);
      expect((await settings(agent)).today.used.money.redeem).toBe(50_000);
    });
  });

  describe('what a column holds', () => {
    it.skipIf(backend.skip)('refuses points or money past the int4 column as one command, never a 500', async () => {
      const m = await newMember(INT4_MAX - 1_000, INT4_MAX - 5_000_000);
      const outs = await push(manager, [
        change(manager, m, 'adjust', 0, 10_000_000),
        change(manager, m, 'topup', 100_000),
        change(manager, m, 'adjust', 500, 1_000),
      ]);
      expect(statuses(outs)).toEqual(['rejected:bad_request', 'rejected:bad_request', 'applied']);
      expect(outs[0]!.error!.message).toMatch(/points/i);
      const after = await member(m);
      expect(after.balanceMinor).toBe(INT4_MAX - 500);
      expect(after.points).toBe(INT4_MAX - 4_999_000);
    });

    it.skipIf(backend.skip)('refuses at once a request for approval that could never apply', async () => {
      const agent = await newStaff('agent');
      const m = await newMember(0, INT4_MAX - 10);
      const out = await one(agent, change(agent, m, 'adjust', 0, 10_000_000));
      expect(out.error?.code).toBe('bad_request');
    });
  });
});
