/**
 * Complaints from the kiosk (issue #11): the guest's optional name, room and
 * contact (only with consent), the reference the kiosk minted and showed them,
 * hostile text refused per command without a 5xx, the reference unique per
 * property, "guest left no contact" as the follow-up that lets a complaint
 * close, and who sees what (staff of every role; never the wall or a kiosk).
 * Runs on embedded PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatComplaintRef } from '../../shared/domain/complaint-ref.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import { DeviceMe } from '../../shared/protocol/auth.ts';
import type { Command, CommandOf } from '../../shared/protocol/commands.ts';
import { StaffSnapshot } from '../../shared/protocol/sync.ts';
import { serverBackends } from '../support/backends.ts';
import { TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver } from './helpers.ts';

const backends = serverBackends('ld_complaints');

describe.each(backends)('complaints from the kiosk on $name', (backend) => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let kiosk: KioskDriver;
  let agent: StaffDriver;
  let wall: TestClient;
  /** The kiosk's complaint counter, as the kiosk app keeps it. */
  let counter = 0;

  beforeAll(async () => {
    if (backend.skip) return;
    ({ server, dispose } = await backend.start());
    kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    agent = await new StaffDriver(server.url).login('agent1', '1111');
    wall = new TestClient(server.url, server.demo!.wallToken);
  });
  afterAll(async () => {
    if (!backend.skip) await dispose?.();
  });

  const nextRef = () => formatComplaintRef(kiosk.me.letter, ++counter);

  async function pushAll(cmds: Command[]) {
    const r = await kiosk.push(cmds);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.outcomes as { outcome: string; error?: { code: string; message: string }; result?: { issueId: string; reference: string | null } }[];
  }

  async function board(): Promise<Issue[]> {
    return StaffSnapshot.parse((await agent.client.get('/api/sync/snapshot')).body).issues;
  }
  const issueOf = async (id: string) => (await board()).find((i) => i.id === id)!;

  function staffCmd<T extends Command['type']>(type: T, payload: CommandOf<T>['payload']): Command {
    return { id: uuidv7(), deviceId: agent.deviceId, seq: agent.nextSeq++, type, createdAt: new Date().toISOString(), payload } as Command;
  }
  const move = (issueId: string, action: CommandOf<'issue.transition'>['payload']['action'], expectedStatus: Issue['status']) =>
    staffCmd('issue.transition', { issueId, action, expectedStatus, note: null, followUp: null });
  async function staffOne(c: Command) {
    const r = await agent.push([c]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.outcomes[0] as { outcome: string; error?: { code: string; message: string } };
  }

  describe.skipIf(backend.skip)('the complaint command', () => {
    it('keeps the guest’s name, room and contact (given with consent) and the reference they were shown', async () => {
      const reference = nextRef();
      const [o] = await pushAll([
        kiosk.feedback({ rating: 2, complaint: true, comment: 'Air conditioning is loud', guestName: 'Zhang Wei', room: '1208', contactConsent: true, contact: '13800138000', reference }),
      ]);
      expect(o).toMatchObject({ outcome: 'applied', result: { reference } });
      expect(await issueOf(o!.result!.issueId)).toMatchObject({ reference, guestName: 'Zhang Wei', room: '1208', contact: '13800138000', contactConsent: true, status: 'new' });
    });

    it('takes a complaint without any details, still with its reference', async () => {
      const reference = nextRef();
      const [o] = await pushAll([kiosk.feedback({ rating: 4, complaint: true, comment: 'Nobody at the desk', reference })]);
      expect(await issueOf(o!.result!.issueId)).toMatchObject({ reference, guestName: null, room: null, contact: null, contactConsent: false });
    });

    it('refuses hostile text field by field, as a rejection of that command only — never a 5xx — and the queue moves on', async () => {
      const hostile: Partial<CommandOf<'feedback.submit'>['payload']>[] = [
        { guestName: 'Zhang\u0000Wei' },
        { room: '12\u0007 08' },
        { room: '1'.repeat(13) },
        { contactConsent: true, contact: '138\ud800' },
        { contactConsent: true, contact: 'x'.repeat(81) },
        { reference: 'C-A0O1' },
        { reference: '<script>alert(1)</script>' },
        { reference: 'C-ABCDEFGHJK' },
      ];
      const cmds = hostile.map((h) => kiosk.feedback({ rating: 1, complaint: true, comment: 'hostile', reference: nextRef(), ...h }));
      const outcomes = await pushAll([...cmds, kiosk.feedback({ rating: 1, complaint: true, comment: 'after the hostile ones', reference: nextRef() })]);
      expect(outcomes.slice(0, -1).map((o) => [o.outcome, o.error?.code])).toEqual(hostile.map(() => ['rejected', 'bad_request']));
      expect(outcomes.at(-1)!.outcome).toBe('applied');
      // Bidi controls are removed, not refused: the name shows as typed.
      const [ok] = await pushAll([kiosk.feedback({ rating: 1, complaint: true, guestName: 'gnp\u202e.exe', reference: nextRef() })]);
      expect((await issueOf(ok!.result!.issueId)).guestName).toBe('gnp.exe');
    });
  });

  describe.skipIf(backend.skip)('the reference', () => {
    it('is unique per property: a second complaint delivered with a taken reference keeps its place as REF-2, and a search for REF finds both', async () => {
      const reference = nextRef();
      const [a, b] = await pushAll([
        kiosk.feedback({ rating: 1, complaint: true, comment: 'first', reference }),
        kiosk.feedback({ rating: 1, complaint: true, comment: 'late from a revoked kiosk', reference }),
      ]);
      expect([a!.outcome, b!.outcome]).toEqual(['applied', 'applied']);
      expect(a!.result!.reference).toBe(reference);
      expect(b!.result!.reference).toBe(`${reference}-2`);
      const refs = (await board()).map((i) => i.reference).filter((r) => r !== null);
      expect(new Set(refs).size).toBe(refs.length);
      expect(refs.filter((r) => r.startsWith(reference))).toHaveLength(2);
    });

    it('tells the kiosk (and a new kiosk with its letter) the highest counter its letter used, so it never repeats one', async () => {
      const me = DeviceMe.parse((await kiosk.client.get('/api/devices/me')).body);
      expect(me.lastComplaintNo).toBe(counter);
    });

    it('comes only from a kiosk: staff sending one is refused', async () => {
      const c = staffCmd('feedback.submit', {
        feedbackId: uuidv7(),
        rating: 1,
        categories: [],
        comment: 'x',
        complaint: true,
        contactConsent: false,
        contact: null,
        guestName: null,
        room: null,
        requestId: null,
        reference: formatComplaintRef('S', 1),
      });
      expect(await staffOne(c)).toMatchObject({ outcome: 'rejected', error: { code: 'forbidden' } });
    });
  });

  describe.skipIf(backend.skip)('"guest left no contact"', () => {
    async function resolved(details: Partial<CommandOf<'feedback.submit'>['payload']>): Promise<string> {
      const [o] = await pushAll([kiosk.feedback({ rating: 1, complaint: true, comment: 'Lift out of order', reference: nextRef(), ...details })]);
      const id = o!.result!.issueId;
      for (const [a, from] of [['acknowledge', 'new'], ['resolve', 'acknowledged']] as const) expect((await staffOne(move(id, a, from))).outcome).toBe('applied');
      return id;
    }

    it('is the follow-up outcome that lets a complaint with no contact and no room close', async () => {
      const id = await resolved({});
      expect(await staffOne(move(id, 'close', 'resolved'))).toMatchObject({ outcome: 'rejected', error: { code: 'illegal_transition' } });
      expect((await staffOne(move(id, 'no_contact', 'resolved'))).outcome).toBe('applied');
      expect(await issueOf(id)).toMatchObject({ status: 'followed_up', satisfied: null, followUp: { outcome: 'no_contact', byStaffId: 'agent1' } });
      expect((await staffOne(move(id, 'close', 'followed_up'))).outcome).toBe('applied');
      expect(await issueOf(id)).toMatchObject({ status: 'closed' });
    });

    it('is refused when the guest left a contact or a room: then the follow-up is a real one', async () => {
      for (const details of [{ room: '0805' }, { contactConsent: true, contact: '13800138000' }]) {
        const id = await resolved(details);
        const o = await staffOne(move(id, 'no_contact', 'resolved'));
        expect(o).toMatchObject({ outcome: 'rejected', error: { code: 'illegal_transition' } });
        expect(o.error!.message).toContain('record the follow-up');
        expect((await issueOf(id)).status).toBe('resolved');
      }
    });

    it('is refused before the complaint is resolved', async () => {
      const [o] = await pushAll([kiosk.feedback({ rating: 1, complaint: true, reference: nextRef() })]);
      expect(await staffOne(move(o!.result!.issueId, 'no_contact', 'new'))).toMatchObject({ outcome: 'rejected', error: { code: 'illegal_transition' } });
    });
  });

  describe.skipIf(backend.skip)('who sees the guest’s details', () => {
    it('shows them to staff of every role, and never to the wall or a kiosk', async () => {
      const reference = nextRef();
      const name = 'Qzxguest Privatename';
      const [o] = await pushAll([kiosk.feedback({ rating: 1, complaint: true, guestName: name, room: '4411', contactConsent: true, contact: '13912345678', reference })]);
      const id = o!.result!.issueId;
      for (const [staffId, pin] of [['agent2', '1112'], ['super1', '2222'], ['manager1', '3333']] as const) {
        const client = await new TestClient(server.url).login(staffId, pin);
        const seen = StaffSnapshot.parse((await client.get('/api/sync/snapshot')).body).issues.find((i) => i.id === id);
        expect(seen, staffId).toMatchObject({ reference, guestName: name, room: '4411', contact: '13912345678' });
      }
      for (const [who, client] of [['wall', wall], ['kiosk', kiosk.client]] as const) {
        const seen = JSON.stringify([(await client.get('/api/sync/snapshot')).body, (await client.get('/api/sync/pull?after=0')).body]);
        for (const secret of [reference, name, '4411', '13912345678']) expect(seen, `${who}: ${secret}`).not.toContain(secret);
      }
      // The kiosk learns only its letter's counter, a number.
      expect(JSON.stringify((await kiosk.client.get('/api/devices/me')).body)).not.toContain(reference);
    });
  });
});
