/**
 * Typed member card codes with a check character: a typo is a typo (400, or
 * "not found" for an older 12-character code), never "replaced by a newer
 * card"; a card that really was replaced still says so.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardCode } from '../../shared/domain/card-token.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

let server: TestServer;
let kiosk: TestClient;

beforeAll(async () => {
  server = await startTestServer({ static: false });
  kiosk = new TestClient(server.url, server.demo!.kioskToken);
});
afterAll(async () => {
  await server?.stop(true);
});

async function card(name: string) {
  return server.store.db.selectFrom('members').select(['card_id', 'card_version']).where('name', '=', name).executeTakeFirstOrThrow();
}
const plain = (code: string) => code.replace(/-/g, '');
/** `code` with the character at `i` changed to another letter of the alphabet. */
const changeAt = (code: string, i: number) => code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);

describe('typed card codes with a check character', () => {
  it('finds the member by the 13-character code, and by the 12 characters of a card printed before the check character', async () => {
    const m = await card('Li Wei');
    const code = plain(cardCode(m.card_id, m.card_version));
    expect(code).toHaveLength(13);
    expect((await kiosk.post('/api/kiosk/card', { code })).status).toBe(200);
    expect((await kiosk.post('/api/kiosk/card', { code: code.slice(0, 12) })).status).toBe(200);
  });

  it('answers a typo in the last characters as a bad code, not as a replaced card', async () => {
    const m = await card('Li Wei');
    const code = plain(cardCode(m.card_id, m.card_version));
    for (const i of [10, 11, 12]) {
      const r = await kiosk.post('/api/kiosk/card', { code: changeAt(code, i) });
      expect(r.status, `typo at ${i}`).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/check character/) });
    }
    // An older 12-character code has no check character; a version the card never had is still not "replaced".
    const legacyTypo = code.slice(0, 11) + (code[11] === 'Z' ? 'Y' : 'Z');
    const r = await kiosk.post('/api/kiosk/card', { code: legacyTypo });
    expect(r.body.error.code).toBe('card_unknown');
  });

  it('still tells a really replaced card apart, by its 13- and 12-character codes', async () => {
    const m = await card('Wang Fang');
    const oldCode = plain(cardCode(m.card_id, m.card_version));
    await sql`update members set card_version = card_version + 1 where card_id = ${m.card_id}`.execute(server.store.db);
    for (const code of [oldCode, oldCode.slice(0, 12)]) {
      const r = await kiosk.post('/api/kiosk/card', { code });
      expect(r.status).toBe(410);
      expect(r.body.error.code).toBe('card_reissued');
    }
    expect((await kiosk.post('/api/kiosk/card', { code: plain(cardCode(m.card_id, m.card_version + 1)) })).status).toBe(200);
  });
});
