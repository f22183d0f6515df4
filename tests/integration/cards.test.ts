/**
 * Member cards at the kiosk: a genuine signed token shows the masked member;
 * forged, reissued, damaged and unknown cards are refused with their codes;
 * only kiosks may ask.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardCode, cardKeyOf, verifyCardToken } from '../../shared/domain/card-token.ts';
import { CardKeyResponse, CardLookupResponse } from '../../shared/protocol/members.ts';
import { cardKeysFromText } from '../../server/src/members/cards.service.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

let server: TestServer;
let kiosk: TestClient;
let member: { id: string; name: string; card_id: string; card_version: number; balance_minor: number; points: number; tier: string };

beforeAll(async () => {
  server = await startTestServer({ static: false });
  kiosk = new TestClient(server.url, server.demo!.kioskToken);
  member = await server.store.db
    .selectFrom('members')
    .select(['id', 'name', 'card_id', 'card_version', 'balance_minor', 'points', 'tier'])
    .where('name', '=', 'Li Wei')
    .executeTakeFirstOrThrow();
});
afterAll(async () => {
  await server?.stop(true);
});


describe('member cards', () => {
  it('keeps the signing key in the data folder, readable by its owner only', async () => {
    const s = await stat(join(server.dataDir, 'card-signing-key.json'));
    expect(s.mode & 0o777).toBe(0o600);
  });

  it('gives the kiosk the public key, and tokens signed with it verify offline', async () => {
    const r = await kiosk.get('/api/kiosk/card-key');
    expect(r.status).toBe(200);
    const { publicKey } = CardKeyResponse.parse(r.body);
    const token = await issueToken(member.card_id, member.card_version);
    expect(await verifyCardToken(token, publicKey)).toEqual({ ok: true, cardKey: cardKeyOf(member.card_id), version: member.card_version });
  });

  it('shows the masked member, balance, points and last five entries for a genuine token', async () => {
    const r = await kiosk.post('/api/kiosk/card', { token: await issueToken(member.card_id, member.card_version) });
    expect(r.status).toBe(200);
    const { member: m } = CardLookupResponse.parse(r.body);
    expect(m).toMatchObject({ maskedName: 'L***', tier: member.tier, balanceMinor: member.balance_minor, points: member.points });
    expect(m.lastEntries.length).toBeGreaterThan(0);
    expect(m.lastEntries.length).toBeLessThanOrEqual(5);
    expect(JSON.stringify(r.body)).not.toContain('Li Wei');
    expect(JSON.stringify(r.body)).not.toContain(member.card_id);
  });

  it('finds the member by the typed code, in any case and grouping', async () => {
    const code = cardCode(member.card_id, member.card_version);
    const r = await kiosk.post('/api/kiosk/card', { code: code.toLowerCase().replace(/-/g, ' ') });
    expect(r.status).toBe(200);
    expect(r.body.member.maskedName).toBe('L***');
  });

  it('refuses a token signed with another key as card_invalid', async () => {
    const other = cardKeysFromText(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const r = await kiosk.post('/api/kiosk/card', { token: other.issue(member.card_id, member.card_version) });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('card_invalid');
  });

  it('refuses a truncated token and random text as card_invalid', async () => {
    const token = await issueToken(member.card_id, member.card_version);
    for (const bad of [token.slice(0, 60), 'HELLO', 'https://example.com/card']) {
      const r = await kiosk.post('/api/kiosk/card', { token: bad });
      expect(r.status, bad).toBe(400);
      expect(r.body.error.code).toBe('card_invalid');
    }
  });

  it('refuses an unknown typed code as card_unknown', async () => {
    const r = await kiosk.post('/api/kiosk/card', { code: 'AAAA-AAAA-AAAA' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('card_unknown');
  });

  it('refuses the old card, token and typed code, once the card is reissued', async () => {
    const other = await server.store.db.selectFrom('members').select(['card_id', 'card_version']).where('name', '=', 'Wang Fang').executeTakeFirstOrThrow();
    const oldToken = await issueToken(other.card_id, other.card_version);
    const oldCode = cardCode(other.card_id, other.card_version);
    await sql`update members set card_version = card_version + 1 where card_id = ${other.card_id}`.execute(server.store.db);
    for (const body of [{ token: oldToken }, { code: oldCode }]) {
      const r = await kiosk.post('/api/kiosk/card', body);
      expect(r.status).toBe(410);
      expect(r.body.error.code).toBe('card_reissued');
    }
    const fresh = await kiosk.post('/api/kiosk/card', { token: await issueToken(other.card_id, other.card_version + 1) });
    expect(fresh.status).toBe(200);
  });

  it('refuses a body with neither a token nor a 12- or 13-character code', async () => {
    for (const body of [{}, { code: 'ABC' }, { token: 'x', code: 'AAAAAAAAAAAA' }]) {
      const r = await kiosk.post('/api/kiosk/card', body);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('bad_request');
    }
  });

  it('does not answer a staff session or the wall display', async () => {
    const token = await issueToken(member.card_id, member.card_version);
    const staff = await new TestClient(server.url).login('manager1', '3333');
    const wall = new TestClient(server.url, server.demo!.wallToken);
    for (const [who, client] of [['staff', staff], ['wall', wall]] as const) {
      const r = await client.post('/api/kiosk/card', { token });
      expect(r.status, who).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
      expect((await client.get('/api/kiosk/card-key')).status, who).toBe(403);
    }
    const none = await new TestClient(server.url).post('/api/kiosk/card', { token });
    expect(none.status).toBe(401);
  });
});

/** A token as the card printer makes it: signed with the server's own key (read from its data folder). */
async function issueToken(cardId: string, version: number): Promise<string> {
  const stored = JSON.parse(await readFile(join(server.dataDir, 'card-signing-key.json'), 'utf8')) as { privateKey: string };
  return cardKeysFromText(stored.privateKey).issue(cardId, version);
}
