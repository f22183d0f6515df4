/**
 * Transfer routing (issue #11): a request transferred to a department is in
 * that department's queue. A tablet working another queue (the desk's) may
 * not call or serve it — a stale "Call next" that picked it is refused as a
 * conflict, the request untouched — while the department's tablet may; sent
 * back to the front office, the desk takes it again. Senders that name no
 * queue are not checked. Runs on embedded PGlite, and again on PostgreSQL
 * when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department } from '../../shared/domain/issue.ts';
import type { RequestAction, RequestStatus } from '../../shared/domain/request.machine.ts';
import type { Command, CommandOf } from '../../shared/protocol/commands.ts';
import { StaffSnapshot, WallSnapshot } from '../../shared/protocol/sync.ts';
import { serverBackends } from '../support/backends.ts';
import { TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver } from './helpers.ts';

const backends = serverBackends('ld_transfer_routing');

describe.each(backends)('transfer routing on $name', (backend) => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let kiosk: KioskDriver;
  let desk: StaffDriver;
  let housekeeping: StaffDriver;

  beforeAll(async () => {
    if (backend.skip) return;
    ({ server, dispose } = await backend.start());
    kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    desk = await new StaffDriver(server.url).login('agent1', '1111');
    housekeeping = await new StaffDriver(server.url).login('agent2', '1112');
  });
  afterAll(async () => {
    if (!backend.skip) await dispose?.();
  });

  /** A transition sent from a tablet working `queue` (undefined: an app that names none). */
  function from(d: StaffDriver, queue: Department | undefined, requestId: string, action: RequestAction, expected: RequestStatus, extra: Partial<CommandOf<'request.transition'>['payload']> = {}): Command {
    const c = d.transition(requestId, action, expected) as CommandOf<'request.transition'>;
    return { ...c, payload: { ...c.payload, ...(queue ? { queue } : {}), ...extra } };
  }
  async function one(d: StaffDriver, cmd: Command) {
    const r = await d.push([cmd]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.outcomes[0];
  }
  const row = (id: string) => server.store.db.selectFrom('service_requests').select(['status', 'department', 'transfer_note', 'assigned_staff_id', 'rev']).where('id', '=', id).executeTakeFirstOrThrow();
  async function waitingTicket(): Promise<string> {
    const cmd = kiosk.create({ guestName: 'Routed guest' });
    expect((await kiosk.push([cmd])).body.outcomes[0].outcome).toBe('applied');
    return cmd.payload.requestId;
  }
  const transfer = (d: StaffDriver, id: string, expected: RequestStatus, department: Department, note: string | null = null) =>
    from(d, undefined, id, 'transfer', expected, { desk: null, department, note });

  it.skipIf(backend.skip)('refuses the desk calling or serving a ticket transferred to a department, and lets that department call it', async () => {
    const id = await waitingTicket();
    expect(await one(desk, from(desk, 'front_office', id, 'call', 'waiting'))).toMatchObject({ outcome: 'applied' });
    expect(await one(desk, transfer(desk, id, 'called', 'housekeeping', 'extra pillows, room 1208'))).toMatchObject({ outcome: 'applied' });
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'waiting', department: 'housekeeping', transfer_note: 'extra pillows, room 1208', assigned_staff_id: null });

    // The desk's "Call next" (stale, or a second tablet) picks it anyway: refused, nothing changes.
    for (const action of ['call', 'serve'] as const) {
      const refused = await one(desk, from(desk, 'front_office', id, action, 'waiting'));
      expect(refused, action).toMatchObject({ outcome: 'rejected', error: { code: 'conflict' } });
      expect(refused.error.message).toContain('housekeeping');
    }
    expect(await row(id)).toEqual(sent);

    // Housekeeping's tablet calls it.
    expect(await one(housekeeping, from(housekeeping, 'housekeeping', id, 'call', 'waiting'))).toMatchObject({ outcome: 'applied' });
    expect(await row(id)).toMatchObject({ status: 'called', department: 'housekeeping', assigned_staff_id: 'agent2' });
  });

  it.skipIf(backend.skip)('lets the desk take a ticket again once it is transferred back to the front office; other actions and queue-less senders are not checked', async () => {
    const id = await waitingTicket();
    expect(await one(desk, transfer(desk, id, 'waiting', 'engineering'))).toMatchObject({ outcome: 'applied' });
    // A department's tablet is refused a front-office ticket just the same.
    const other = await waitingTicket();
    expect(await one(housekeeping, from(housekeeping, 'housekeeping', other, 'call', 'waiting'))).toMatchObject({ outcome: 'rejected', error: { code: 'conflict' } });

    // Transfer and cancel are not takes: any queue may send it back.
    expect(await one(desk, transfer(desk, id, 'waiting', 'front_office'))).toMatchObject({ outcome: 'applied' });
    expect(await one(desk, from(desk, 'front_office', id, 'call', 'waiting'))).toMatchObject({ outcome: 'applied' });
    expect(await row(id)).toMatchObject({ status: 'called', department: 'front_office', assigned_staff_id: 'agent1' });

    const legacy = await waitingTicket();
    expect(await one(desk, transfer(desk, legacy, 'waiting', 'security'))).toMatchObject({ outcome: 'applied' });
    expect(await one(desk, from(desk, undefined, legacy, 'call', 'waiting'))).toMatchObject({ outcome: 'applied' });
  });

  it.skipIf(backend.skip)('shows staff where a ticket went and the note; the wall sees neither', async () => {
    const id = await waitingTicket();
    expect(await one(desk, transfer(desk, id, 'waiting', 'concierge', 'taxi to the airport at 6'))).toMatchObject({ outcome: 'applied' });
    const staff = StaffSnapshot.parse((await desk.client.get('/api/sync/snapshot')).body).requests.find((r) => r.id === id);
    expect(staff).toMatchObject({ department: 'concierge', transferNote: 'taxi to the airport at 6', status: 'waiting' });
    const wall = new TestClient(server.url, server.demo!.wallToken);
    const snapshot = WallSnapshot.parse((await wall.get('/api/sync/snapshot')).body);
    expect(JSON.stringify(snapshot)).not.toContain('taxi to the airport');
    // The service catalog names each service's department (the hotel's own data); the request never says where it went.
    expect(JSON.stringify(snapshot.requests.find((r) => r.id === id))).not.toContain('concierge');
  });
});
