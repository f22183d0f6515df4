/**
 * Members, balances and authority (工作权限): changes within the sender's
 * limit apply at once as ledger entries naming who; above it they wait for
 * a supervisor or manager (never the requester) and the entry names both;
 * balances never go below zero, even under concurrent redemptions; a
 * reissued card stops the old one; only managers set the limits; walls and
 * kiosks never receive member data.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTHORITY_LIMITS } from '../../shared/domain/authority.ts';
import type { Command } from '../../shared/protocol/commands.ts';
import { ApprovalList, AuthoritySettings, MemberCardPrint, MemberProfile, MemberSearchResponse } from '../../shared/protocol/members-staff.ts';
import { StaffPull } from '../../shared/protocol/sync.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { StaffDriver } from './helpers.ts';

let server: TestServer;
let agent: StaffDriver;
let agent2: StaffDriver;
let supervisor: StaffDriver;
let manager: StaffDriver;
let kiosk: TestClient;
let wall: TestClient;

beforeAll(async () => {
  server = await startTestServer({ static: false });
  agent = await new StaffDriver(server.url).login('agent1', '1111');
  agent2 = await new StaffDriver(server.url).login('agent2', '1112');
  supervisor = await new StaffDriver(server.url).login('super1', '2222');
  manager = await new StaffDriver(server.url).login('manager1', '3333');
  kiosk = new TestClient(server.url, server.demo!.kioskToken);
  wall = new TestClient(server.url, server.demo!.wallToken);
});
afterAll(async () => {
  await server?.stop(true);
});

function cmd<T extends Command['type']>(who: StaffDriver, type: T, payload: unknown): Command {
  return { id: uuidv7(), deviceId: who.deviceId, seq: who.nextSeq++, type, createdAt: new Date().toISOString(), payload } as Command;
}

async function one(who: StaffDriver, c: Command) {
  const r = await who.push([c]);
  expect(r.status).toBe(200);
  return r.body.outcomes[0];
}

const balance = (who: StaffDriver, memberId: string, operation: 'topup' | 'redeem' | 'adjust', amountMinor: number, reason = 'Guest request', extra: object = {}) =>
  one(who, cmd(who, 'member.balance', { memberId, operation, amountMinor, reason, ...extra }));

async function profile(memberId: string) {
  const r = await agent.client.get(`/api/members/${memberId}`);
  expect(r.status).toBe(200);
  return MemberProfile.parse(r.body);
}

async function memberNamed(name: string) {
  const r = await agent.client.get(`/api/members?q=${encodeURIComponent(name)}`);
  expect(r.status).toBe(200);
  const m = MemberSearchResponse.parse(r.body).members.find((x) => x.name === name);
  if (!m) throw new Error(`no member ${name}`);
  return m;
}

describe('members search and profile', () => {
  it('finds members by name, member id and typed card code, at most 50 a page', async () => {
    const li = await memberNamed('Li Wei');
    const byId = MemberSearchResponse.parse((await agent.client.get(`/api/members?q=${li.id}`)).body);
    expect(byId.members.map((m) => m.id)).toEqual([li.id]);
    const byCode = MemberSearchResponse.parse((await agent.client.get(`/api/members?q=${li.cardCode.toLowerCase()}`)).body);
    expect(byCode.members.map((m) => m.id)).toContain(li.id);
    const page = MemberSearchResponse.parse((await agent.client.get('/api/members?limit=5')).body);
    expect(page.members).toHaveLength(5);
    expect(page.hasMore).toBe(true);
    expect((await agent.client.get('/api/members?limit=51')).status).toBe(400);
  });

  it('keeps member data from kiosks and walls', async () => {
    expect((await kiosk.get('/api/members')).status).toBe(403);
    expect((await wall.get('/api/members?q=Li')).status).toBe(403);
    expect((await agent.client.get('/api/approvals')).status).toBe(403);
  });
});

describe('balance changes under authority', () => {
  it('applies a top-up within the agent’s limit and writes a ledger row naming the agent', async () => {
    const m = await memberNamed('Guo Rui');
    const out = await balance(agent, m.id, 'topup', 20_000, 'Cash top-up', { expectedBalance: m.balanceMinor });
    expect(out.outcome).toBe('applied');
    expect(out.result).toMatchObject({ status: 'applied', balanceMinor: m.balanceMinor + 20_000 });
    const p = await profile(m.id);
    expect(p.member.balanceMinor).toBe(m.balanceMinor + 20_000);
    expect(p.member.rev).toBe(m.rev + 1);
    expect(p.ledger[0]).toMatchObject({ kind: 'topup', amountMinor: 20_000, reason: 'Cash top-up', staffId: 'agent1', approvedBy: null, deviceId: agent.deviceId });
  });

  it('refuses a stale expected balance as a conflict and a short reason as bad_request', async () => {
    const m = await memberNamed('Guo Rui');
    const out = await balance(agent, m.id, 'topup', 100, 'Cash', { expectedBalance: m.balanceMinor + 1 });
    expect(out.error.code).toBe('conflict');
    // Push reads each command on its own: bad content rejects that command, and the queue moves on.
    const short = await balance(agent, m.id, 'topup', 100, 'x');
    expect(short.outcome).toBe('rejected');
    expect(short.error.code).toBe('bad_request');
  });

  it('turns a change above the limit into an approval the requester and other agents cannot decide', async () => {
    const m = await memberNamed('Sun Yue');
    const out = await balance(agent, m.id, 'adjust', 80_000, 'Compensation for the broken air conditioner');
    expect(out.outcome).toBe('applied');
    expect(out.result.status).toBe('pending_approval');
    const approvalId = out.result.approvalId as string;
    expect((await profile(m.id)).member.balanceMinor).toBe(m.balanceMinor);

    const own = await one(agent, cmd(agent, 'approval.decide', { approvalId, approve: true, note: '' }));
    expect(own.error.code).toBe('forbidden');
    const other = await one(agent2, cmd(agent2, 'approval.decide', { approvalId, approve: true, note: '' }));
    expect(other.error.code).toBe('forbidden');
    const inbox = ApprovalList.parse((await supervisor.client.get('/api/approvals?status=pending')).body);
    expect(inbox.approvals.find((a) => a.id === approvalId)).toMatchObject({ requestedBy: 'agent1', amountMinor: 80_000, status: 'pending' });

    const approved = await one(supervisor, cmd(supervisor, 'approval.decide', { approvalId, approve: true, note: 'OK, checked with engineering' }));
    expect(approved.outcome).toBe('applied');
    const p = await profile(m.id);
    expect(p.member.balanceMinor).toBe(m.balanceMinor + 80_000);
    expect(p.ledger[0]).toMatchObject({ kind: 'adjust', amountMinor: 80_000, staffId: 'agent1', approvedBy: 'super1', approvedByName: expect.any(String) });
    expect(p.approvals.find((a) => a.id === approvalId)).toMatchObject({ status: 'approved', decidedBy: 'super1', note: 'OK, checked with engineering' });
    const again = await one(supervisor, cmd(supervisor, 'approval.decide', { approvalId, approve: true, note: '' }));
    expect(again.error.code).toBe('conflict');
  });

  it('changes nothing when a supervisor declines', async () => {
    const m = await memberNamed('Hu Jun');
    const before = await profile(m.id);
    const out = await balance(agent, m.id, 'redeem', 60_000, 'Spa package');
    expect(out.result.status).toBe('pending_approval');
    const declined = await one(supervisor, cmd(supervisor, 'approval.decide', { approvalId: out.result.approvalId, approve: false, note: 'Ask the guest to pay by card' }));
    expect(declined.outcome).toBe('applied');
    const after = await profile(m.id);
    expect(after.member.balanceMinor).toBe(before.member.balanceMinor);
    expect(after.ledger[0]!.id).toBe(before.ledger[0]!.id);
    expect(after.approvals[0]).toMatchObject({ status: 'declined', decidedBy: 'super1' });
  });

  it('needs a manager for an amount above the supervisor’s limit', async () => {
    const m = await memberNamed('Sun Yue');
    const out = await balance(agent, m.id, 'topup', 600_000, 'Corporate prepayment');
    const sup = await one(supervisor, cmd(supervisor, 'approval.decide', { approvalId: out.result.approvalId, approve: true, note: '' }));
    expect(sup.error.code).toBe('forbidden');
    const mgr = await one(manager, cmd(manager, 'approval.decide', { approvalId: out.result.approvalId, approve: true, note: '' }));
    expect(mgr.outcome).toBe('applied');
    expect((await profile(m.id)).ledger[0]).toMatchObject({ amountMinor: 600_000, staffId: 'agent1', approvedBy: 'manager1' });
  });

  it('refuses a redemption below zero as insufficient_balance and leaves the balance alone', async () => {
    const m = await memberNamed('Ma Lin');
    expect(m.balanceMinor).toBe(0);
    const out = await balance(agent, m.id, 'redeem', 100, 'Coffee');
    expect(out.outcome).toBe('rejected');
    expect(out.error.code).toBe('insufficient_balance');
    const adjust = await balance(agent, m.id, 'adjust', -5, 'Rounding');
    expect(adjust.error.code).toBe('insufficient_balance');
    expect((await profile(m.id)).member.balanceMinor).toBe(0);
  });

  it('never lets concurrent redemptions drive a balance negative', async () => {
    const m = await memberNamed('Ma Lin');
    expect((await balance(agent, m.id, 'topup', 10_000, 'Top-up for the test')).outcome).toBe('applied');
    // Eight tablets (two per staff member), each redeeming 30.00 from 100.00 at the same moment.
    const tablets = [agent, agent2, supervisor, manager].flatMap((d) => [d, new StaffDriver(server.url, d.client)]);
    const results = await Promise.all(tablets.map((d) => d.push([cmd(d, 'member.balance', { memberId: m.id, operation: 'redeem', amountMinor: 3_000, reason: 'Minibar' })])));
    const outcomes = results.flatMap((r) => r.body.outcomes ?? []);
    const applied = outcomes.filter((o: { outcome: string }) => o.outcome === 'applied').length;
    const refused = outcomes.filter((o: { outcome: string; error?: { code: string } }) => o.error?.code === 'insufficient_balance').length;
    expect(applied).toBe(3);
    expect(applied + refused).toBe(8);
    expect((await profile(m.id)).member.balanceMinor).toBe(1_000);
  });
});

describe('card reissue', () => {
  it('refuses the old card as card_reissued at the kiosk, and the new one works', async () => {
    const m = await memberNamed('Li Wei');
    const oldCard = MemberCardPrint.parse((await agent.client.get(`/api/members/${m.id}/card`)).body);
    expect(oldCard.qrSvg).toContain('<svg');
    expect((await kiosk.post('/api/kiosk/card', { token: oldCard.token })).status).toBe(200);

    const byAgent = await one(agent, cmd(agent, 'member.reissue_card', { memberId: m.id, reason: 'Card lost' }));
    expect(byAgent.error.code).toBe('forbidden');
    const out = await one(supervisor, cmd(supervisor, 'member.reissue_card', { memberId: m.id, reason: 'Card lost' }));
    expect(out.result).toMatchObject({ cardVersion: m.cardVersion + 1 });

    const refused = await kiosk.post('/api/kiosk/card', { token: oldCard.token });
    expect(refused.status).toBe(410);
    expect(refused.body.error.code).toBe('card_reissued');
    const newCard = MemberCardPrint.parse((await agent.client.get(`/api/members/${m.id}/card`)).body);
    expect(newCard.cardVersion).toBe(m.cardVersion + 1);
    expect((await kiosk.post('/api/kiosk/card', { token: newCard.token })).status).toBe(200);
    expect((await kiosk.post('/api/kiosk/card', { code: newCard.code })).status).toBe(200);
  });
});

describe('authority limits', () => {
  it('are the defaults until a manager edits them; agents and supervisors cannot', async () => {
    const s = AuthoritySettings.parse((await agent.client.get('/api/settings/authority')).body);
    expect(s.limits).toEqual(DEFAULT_AUTHORITY_LIMITS);
    expect(s.role).toBe('agent');
    const limits = {
      agent: { topup: 100_000, redeem: 20_000, adjust: 10_000, points: { topup: 1_000, redeem: 2_000, adjust: 3_000 } },
      supervisor: { topup: 800_000, redeem: 500_000, adjust: 300_000, points: { topup: 10_000, redeem: 20_000, adjust: 30_000 } },
    };
    expect((await one(agent, cmd(agent, 'settings.authority', { limits }))).error.code).toBe('forbidden');
    expect((await one(supervisor, cmd(supervisor, 'settings.authority', { limits }))).error.code).toBe('forbidden');
    expect((await one(manager, cmd(manager, 'settings.authority', { limits }))).outcome).toBe('applied');
    const after = AuthoritySettings.parse((await agent2.client.get('/api/settings/authority')).body);
    expect(after.limits).toEqual(limits);
    expect(after.updatedBy).toBe('manager1');
    // The new agent limit applies at once: 80 000 is now within agent2's top-up budget (none of it used today).
    const m = await memberNamed('Guo Rui');
    expect((await balance(agent2, m.id, 'topup', 80_000, 'Cash top-up')).result.status).toBe('applied');
    expect((await balance(agent2, m.id, 'adjust', 15_000, 'Goodwill')).result.status).toBe('pending_approval');
    expect((await balance(agent2, m.id, 'adjust', 100, 'Goodwill', { points: 3_001 })).result.status).toBe('pending_approval');
    // A tablet from before points had limits sends money limits only: the points limits stay as they are.
    const moneyOnly = { agent: { topup: 90_000, redeem: 20_000, adjust: 10_000 }, supervisor: { topup: 800_000, redeem: 500_000, adjust: 300_000 } };
    expect((await one(manager, cmd(manager, 'settings.authority', { limits: moneyOnly }))).outcome).toBe('applied');
    const kept = AuthoritySettings.parse((await agent2.client.get('/api/settings/authority')).body);
    expect(kept.limits).toEqual({ agent: { ...moneyOnly.agent, points: limits.agent.points }, supervisor: { ...moneyOnly.supervisor, points: limits.supervisor.points } });
    expect((await one(manager, cmd(manager, 'settings.authority', { limits: DEFAULT_AUTHORITY_LIMITS }))).outcome).toBe('applied');
  });
});

describe('audiences', () => {
  it('sends member and approval events to staff only; wall and kiosk payloads never carry member data', async () => {
    const staffPull = StaffPull.parse((await agent.client.get('/api/sync/pull?after=0')).body);
    const types = new Set(staffPull.events.map((e) => e.type));
    expect(types.has('member.upserted')).toBe(true);
    expect(types.has('approval.upserted')).toBe(true);
    const names = ['Li Wei', 'Sun Yue', 'Hu Jun', 'Ma Lin', 'Guo Rui'];
    for (const reader of [wall, kiosk]) {
      for (const path of ['/api/sync/pull?after=0', '/api/sync/snapshot']) {
        const r = await reader.get(path);
        expect(r.status).toBe(200);
        const text = JSON.stringify(r.body);
        expect(text).not.toMatch(/member\.upserted|approval\.upserted|balanceMinor|cardCode/);
        for (const n of names) expect(text).not.toContain(n);
      }
    }
  });
});
