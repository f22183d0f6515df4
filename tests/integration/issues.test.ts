/**
 * The pending-issue board (投诉台帐): first-responder ownership, hand-over,
 * the follow-up before closing, the SLA pause, escalation, and who may see it.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../shared/domain/issue.ts';
import type { Command, CommandOf, CommandType } from '../../shared/protocol/commands.ts';
import { StaffPull, StaffSnapshot } from '../../shared/protocol/sync.ts';
import { sweepOnce } from '../../server/src/issues/escalation.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver, allKeys, sleep } from './helpers.ts';

let server: TestServer;
let kiosk: KioskDriver;
let agent1: StaffDriver;
let agent2: StaffDriver;
let super1: StaffDriver;
let wall: TestClient;

beforeAll(async () => {
  server = await startTestServer({ static: false });
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  agent1 = await new StaffDriver(server.url).login('agent1', '1111');
  agent2 = await new StaffDriver(server.url).login('agent2', '1112');
  super1 = await new StaffDriver(server.url).login('super1', '2222');
  wall = new TestClient(server.url, server.demo!.wallToken);
});
afterAll(async () => {
  await server?.stop(true);
});

/** A staff command with the driver's next seq. */
function cmd<T extends CommandType>(d: StaffDriver, type: T, payload: CommandOf<T>['payload']): Command {
  return { id: uuidv7(), deviceId: d.deviceId, seq: d.nextSeq++, type, createdAt: new Date().toISOString(), payload } as Command;
}

const move = (d: StaffDriver, issueId: string, action: CommandOf<'issue.transition'>['payload']['action'], expectedStatus: Issue['status'], extra: Partial<CommandOf<'issue.transition'>['payload']> = {}) =>
  cmd(d, 'issue.transition', { issueId, action, expectedStatus, note: null, followUp: null, ...extra });

async function one(d: StaffDriver, c: Command) {
  const r = await d.push([c]);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.outcomes[0] as { outcome: string; error?: { code: string; message: string }; result?: { issueId: string } };
}

async function issueOf(id: string): Promise<Issue> {
  const snap = StaffSnapshot.parse((await agent1.client.get('/api/sync/snapshot')).body);
  const found = snap.issues.find((i) => i.id === id);
  if (!found) throw new Error(`issue ${id} not on the board`);
  return found;
}

/** A complaint from the demo kiosk; returns the issue id. */
async function complaint(comment: string, rating = 4): Promise<string> {
  const r = await kiosk.push([
    {
      id: uuidv7(),
      deviceId: kiosk.me.deviceId,
      seq: kiosk.nextSeq++,
      type: 'feedback.submit',
      createdAt: new Date().toISOString(),
      payload: { feedbackId: uuidv7(), rating, categories: ['service'], comment, complaint: true, contactConsent: false, contact: null, guestName: 'Wang Fang', room: '0805', requestId: null },
    },
  ]);
  expect(r.body.outcomes[0].outcome).toBe('applied');
  return r.body.outcomes[0].result.issueId as string;
}

describe('first-responder ownership', () => {
  let id: string;
  beforeAll(async () => {
    id = await complaint('The shower is cold');
  });

  it('makes the first staff member who acknowledges the owner', async () => {
    expect((await one(agent1, move(agent1, id, 'acknowledge', 'new'))).outcome).toBe('applied');
    expect(await issueOf(id)).toMatchObject({ status: 'acknowledged', ownerStaffId: 'agent1', ownerStaffName: 'Lin Mei' });
  });

  it('refuses a second acknowledge as a conflict that names the owner', async () => {
    const o = await one(agent2, move(agent2, id, 'acknowledge', 'new'));
    expect(o.outcome).toBe('rejected');
    expect(o.error!.code).toBe('conflict');
    expect(o.error!.message).toContain('Lin Mei');
  });

  it('forbids another agent to act on an owned issue, naming the owner, but lets a supervisor', async () => {
    const o = await one(agent2, move(agent2, id, 'start', 'acknowledged'));
    expect(o.error).toMatchObject({ code: 'forbidden' });
    expect(o.error!.message).toContain('Lin Mei');
    expect((await one(agent2, cmd(agent2, 'issue.departments', { issueId: id, departments: ['engineering'] }))).error!.code).toBe('forbidden');
    expect((await one(super1, move(super1, id, 'start', 'acknowledged'))).outcome).toBe('applied');
    expect(await issueOf(id)).toMatchObject({ status: 'in_progress', ownerStaffId: 'agent1' }); // the supervisor helped; the owner stays
  });

  it('lets any colleague add an internal note, and the owner set the departments', async () => {
    expect((await one(agent2, cmd(agent2, 'issue.note', { issueId: id, text: 'Engineering says the boiler is being fixed', internal: true }))).outcome).toBe('applied');
    expect((await one(agent1, cmd(agent1, 'issue.departments', { issueId: id, departments: ['engineering', 'housekeeping', 'engineering'] }))).outcome).toBe('applied');
    const i = await issueOf(id);
    expect(i.departments).toEqual(['engineering', 'housekeeping']);
    expect(i.notesCount).toBe(1);
    expect(i.notes[0]).toMatchObject({ kind: 'note', staffId: 'agent2', text: 'Engineering says the boiler is being fixed' });
  });

  it('moves ownership only by an explicit hand-over, and records it', async () => {
    const before = (await agent1.client.get('/api/sync/snapshot')).body.version as number;
    expect((await one(agent1, cmd(agent1, 'issue.handover', { issueId: id, toStaffId: 'agent2', note: 'My shift ends; guest expects a call at 18:00' }))).outcome).toBe('applied');
    const i = await issueOf(id);
    expect(i).toMatchObject({ ownerStaffId: 'agent2', ownerStaffName: 'Tom Baker' });
    expect(i.notes.at(-1)).toMatchObject({ kind: 'handover', staffId: 'agent1', toStaffId: 'agent2', text: 'My shift ends; guest expects a call at 18:00' });
    const audit = await server.store.db.selectFrom('events').select(['actor_staff_id', 'origin_device_id', 'type']).where('entity_id', '=', id).where('version', '>', before).execute();
    expect(audit).toEqual([{ actor_staff_id: 'agent1', origin_device_id: agent1.deviceId, type: 'issue.upserted' }]);
    // The former owner is now just another agent on it.
    expect((await one(agent1, move(agent1, id, 'resolve', 'in_progress'))).error!.code).toBe('forbidden');
    // A hand-over to someone unknown is refused.
    expect((await one(agent2, cmd(agent2, 'issue.handover', { issueId: id, toStaffId: 'nobody', note: 'x' }))).error!.code).toBe('not_found');
  });

  it('pauses the SLA while waiting on the guest and adds the pause to the deadline', async () => {
    expect((await one(agent2, move(agent2, id, 'wait_on_guest', 'in_progress'))).outcome).toBe('applied');
    const waiting = await issueOf(id);
    expect(waiting.waitingSince).not.toBeNull();
    // No escalation while the clock stands still, however late it gets.
    const far = new Date(Date.now() + 365 * 24 * 3600_000);
    const swept = await sweepOnce({ store: server.store, notifier: server.notifier, now: () => far });
    expect(swept.map((s) => s.issueId)).not.toContain(id);
    await sleep(300);
    expect((await one(agent2, move(agent2, id, 'resume', 'waiting_on_guest'))).outcome).toBe('applied');
    const resumed = await issueOf(id);
    expect(resumed.waitingSince).toBeNull();
    expect(resumed.pausedMs).toBeGreaterThanOrEqual(250);
    expect(resumed.escalationLevel).toBe(0);
  });

  it('refuses to close without the follow-up, and closes after it', async () => {
    expect((await one(agent2, move(agent2, id, 'resolve', 'in_progress'))).outcome).toBe('applied');
    const early = await one(agent2, move(agent2, id, 'close', 'resolved'));
    expect(early.error!.code).toBe('illegal_transition');
    const bare = await one(agent2, move(agent2, id, 'follow_up', 'resolved'));
    expect(bare.error!.code).toBe('bad_request'); // a follow-up needs its record
    const followUp = { at: new Date().toISOString(), method: 'phone' as const, guestView: 'Hot water is back, thank you', satisfied: true };
    expect((await one(agent2, move(agent2, id, 'follow_up', 'resolved', { followUp }))).outcome).toBe('applied');
    expect((await one(agent2, move(agent2, id, 'close', 'followed_up'))).outcome).toBe('applied');
    const closed = await issueOf(id);
    expect(closed).toMatchObject({ status: 'closed', satisfied: true, followUp: { ...followUp, byStaffId: 'agent2', byStaffName: 'Tom Baker' } });
    expect(closed.closedAt).not.toBeNull();
    expect((await one(agent2, cmd(agent2, 'issue.departments', { issueId: id, departments: [] }))).error!.code).toBe('illegal_transition');
  });
});

describe('recording and access', () => {
  it('lets staff record a complaint taken by phone: the recorder owns it, a critical one goes to a supervisor', async () => {
    const issueId = uuidv7();
    const o = await one(
      agent1,
      cmd(agent1, 'issue.record', { issueId, severity: 'critical', categories: [], summary: 'Guest locked out, child inside', guestName: 'Emma Wilson', room: '1511', contact: null, contactConsent: false, departments: ['security'] }),
    );
    expect(o.outcome).toBe('applied');
    expect(await issueOf(issueId)).toMatchObject({ source: 'staff', status: 'acknowledged', ownerStaffId: 'agent1', escalationLevel: 1, departments: ['security'] });
  });

  it('refuses board commands from a kiosk', async () => {
    const id = await complaint('Kiosk should not touch this');
    const r = await kiosk.push([{ id: uuidv7(), deviceId: kiosk.me.deviceId, seq: kiosk.nextSeq++, type: 'issue.transition', createdAt: new Date().toISOString(), payload: { issueId: id, action: 'acknowledge', expectedStatus: 'new', note: null, followUp: null } }]);
    expect(r.body.outcomes[0].error.code).toBe('forbidden');
  });

  it('lists the property’s staff for hand-overs, without secrets', async () => {
    const r = await agent2.client.get('/api/staff');
    expect(r.status).toBe(200);
    expect(r.body.staff.map((s: { id: string }) => s.id).sort()).toEqual(['agent1', 'agent2', 'manager1', 'super1']);
    expect(JSON.stringify(r.body)).not.toMatch(/pin|hash/i);
    expect((await wall.get('/api/staff')).status).toBe(403);
  });

  it('never gives the wall or the kiosk any issue data', async () => {
    await complaint('SECRET-ISSUE-TEXT in room 0805');
    const payloads = [
      (await wall.get('/api/sync/pull?after=0')).body,
      (await wall.get('/api/sync/snapshot')).body,
      (await kiosk.client.get('/api/sync/pull?after=0')).body,
      (await kiosk.client.get('/api/sync/snapshot')).body,
    ];
    for (const p of payloads) {
      const text = JSON.stringify(p);
      expect(text).not.toContain('SECRET-ISSUE-TEXT');
      expect(text).not.toContain('issue');
      const keys = allKeys(p);
      for (const k of ['issues', 'issue', 'escalationLevel', 'followUp', 'ownerStaffId', 'summary']) expect(keys.has(k), k).toBe(false);
    }
  });
});

describe('escalation', () => {
  it('escalates an overdue issue to a supervisor, then to a manager after another SLA window, and says so once', async () => {
    const id = await complaint('Nobody answered the phone', 4); // medium: 30 min to acknowledge
    const opened = await issueOf(id);
    expect(opened.escalationLevel).toBe(0);
    const at = (min: number) => new Date(new Date(opened.createdAt).getTime() + min * 60_000);
    const deps = (min: number) => ({ store: server.store, notifier: server.notifier, now: () => at(min) });
    const mine = (list: { issueId: string }[]) => list.filter((e) => e.issueId === id);

    expect(mine(await sweepOnce(deps(29)))).toEqual([]);
    const before = (await agent1.client.get('/api/sync/snapshot')).body.version as number;
    expect(mine(await sweepOnce(deps(31)))).toMatchObject([{ from: 0, to: 1 }]);
    expect(mine(await sweepOnce(deps(32)))).toEqual([]); // no new event while the level stays
    const pulled = StaffPull.parse((await agent1.client.get(`/api/sync/pull?after=${before}`)).body);
    const events = pulled.events.flatMap((e) => (e.type === 'issue.upserted' && e.issue.id === id ? [e.issue] : []));
    expect(events.map((i) => i.escalationLevel)).toEqual([1]);
    expect(events[0]!.escalatedAt).toBe(at(31).toISOString());

    expect(mine(await sweepOnce(deps(61)))).toMatchObject([{ from: 1, to: 2 }]);
    expect((await issueOf(id)).escalationLevel).toBe(2);
    expect(mine(await sweepOnce(deps(600)))).toEqual([]);
  });

  it('sends a high-severity complaint straight to a supervisor', async () => {
    const id = await complaint('Rude staff and a dirty room', 1); // rating 1 + complaint → high
    expect(await issueOf(id)).toMatchObject({ severity: 'high', escalationLevel: 1 });
  });
});
