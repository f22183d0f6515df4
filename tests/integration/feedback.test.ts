import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffPull, StaffSnapshot } from '../../shared/protocol/sync.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver } from './helpers.ts';

let server: TestServer;
let kiosk: KioskDriver;
let staff: TestClient;
let wall: TestClient;

beforeAll(async () => {
  server = await startTestServer({ static: false });
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  staff = await new TestClient(server.url).login('agent1', '1111');
  wall = new TestClient(server.url, server.demo!.wallToken);
});
afterAll(async () => {
  await server?.stop(true);
});

const feedback = (payload: Parameters<KioskDriver['feedback']>[0]) => kiosk.feedback(payload);

describe('guest feedback', () => {
  it('keeps a good rating without opening an issue', async () => {
    const r = await kiosk.push([feedback({ rating: 5, comment: 'Lovely stay' })]);
    expect(r.body.outcomes[0]).toMatchObject({ outcome: 'applied', result: { issueId: null } });
  });

  it('opens an issue on the board for a complaint or a rating of 2 or less, with its SLA, visible to staff only', async () => {
    const before = (await staff.get('/api/sync/snapshot')).body.version as number;
    const wallBefore = (await wall.get('/api/sync/snapshot')).body.version as number;
    const low = feedback({ rating: 2, categories: ['cleanliness'], comment: '<script>alert(1)</script> dusty room', room: '1208', contactConsent: true, contact: '+86 138 0000 0000' });
    const complaint = feedback({ rating: 4, complaint: true, comment: 'Waited at the desk' });
    const r = await kiosk.push([low, complaint]);
    expect(r.body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['applied', 'applied']);

    const pulled = StaffPull.parse((await staff.get(`/api/sync/pull?after=${before}`)).body);
    const issues = pulled.events.flatMap((e) => (e.type === 'issue.upserted' ? [e.issue] : []));
    expect(issues).toHaveLength(2);
    const dusty = issues.find((i) => i.rating === 2)!;
    expect(dusty).toMatchObject({ status: 'new', severity: 'low', room: '1208', contact: '+86 138 0000 0000', summary: '<script>alert(1)</script> dusty room' });
    expect(new Date(dusty.acknowledgeBy).getTime()).toBeGreaterThan(Date.now());
    expect(issues.find((i) => i.rating === 4)).toMatchObject({ severity: 'medium', ownerStaffId: null });
    expect(StaffSnapshot.parse((await staff.get('/api/sync/snapshot')).body).issues.length).toBeGreaterThanOrEqual(2);

    // The wall and the kiosk never receive the board: not in a pull, not in a snapshot.
    const wallPull = await wall.get(`/api/sync/pull?after=${wallBefore}`);
    expect(JSON.stringify(wallPull.body)).not.toContain('dusty');
    expect(JSON.stringify((await wall.get('/api/sync/snapshot')).body)).not.toContain('issues');
    expect(JSON.stringify((await kiosk.client.get('/api/sync/pull?after=0')).body)).not.toContain('dusty');
  });

  it('does not keep a contact the guest did not agree to share', async () => {
    const cmd = feedback({ rating: 1, complaint: true, contactConsent: false, contact: 'me@example.com' });
    const r = await kiosk.push([cmd]);
    const issueId = r.body.outcomes[0].result.issueId as string;
    const snap = StaffSnapshot.parse((await staff.get('/api/sync/snapshot')).body);
    expect(snap.issues.find((i) => i.id === issueId)).toMatchObject({ contact: null, severity: 'high' });
  });

  it('rejects feedback about a request that does not exist, and the queue moves on', async () => {
    const bad = feedback({ rating: 3, requestId: uuidv7() });
    const next = feedback({ rating: 4 });
    const r = await kiosk.push([bad, next]);
    expect(r.body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['rejected', 'applied']);
    expect(r.body.outcomes[0].error.code).toBe('not_found');
  });
});

describe('request details', () => {
  it('stores luggage details with the request and refuses details that do not match the kind', async () => {
    const good = kiosk.create();
    good.payload.kind = 'luggage_in';
    good.payload.details = { kind: 'luggage_in', bags: 2, expectedPickupAt: null, claimCode: 'K7PQ2MXR' };
    const r = await kiosk.push([good]);
    expect(r.body.outcomes[0].outcome).toBe('applied');
    const snap = StaffSnapshot.parse((await staff.get('/api/sync/snapshot')).body);
    expect(snap.requests.find((q) => q.id === good.payload.requestId)?.details).toEqual(good.payload.details);
    // The wall learns the ticket, never the claim code.
    expect(JSON.stringify((await wall.get('/api/sync/snapshot')).body)).not.toContain('K7PQ2MXR');

    const mismatched = kiosk.create();
    mismatched.payload.details = { kind: 'shoe_care', pairs: 1, collectAt: 'lobby', neededBy: null };
    const bad = await kiosk.push([mismatched]);
    // The command's own content is at fault: it alone is rejected, and its number advances.
    expect(bad.status).toBe(200);
    expect(bad.body.outcomes[0]).toMatchObject({ outcome: 'rejected', error: { code: 'bad_request' } });
  });
});
