/**
 * Gauntlet: the database disappears under a running server. `GET
 * /api/health` says what is wrong (503 and a problem string), API calls
 * answer 5xx with the error shape, and the process does not crash.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { apiCall, eventually } from './helpers.ts';

describe('gauntlet: health', () => {
  it('reports ok with the driver on embedded PGlite', async () => {
    const server = await startTestServer({ static: false });
    try {
      const r = await apiCall(server.url, 'GET', '/api/health');
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ ok: true, problems: [], driver: 'pglite' });
    } finally {
      await server.stop(true);
    }
  });

  describe.skipIf(!TEST_DATABASE_URL)(`on PostgreSQL (${TEST_DATABASE_URL ? 'enabled' : PG_SKIP_REASON})`, () => {
    let server: TestServer | undefined;
    afterAll(async () => {
      await server?.stop(true).catch(() => undefined);
    });

    it('answers 503 with "database unreachable" after its database is dropped WITH (FORCE), and never crashes', { timeout: 60_000 }, async () => {
      const db = await freshDatabase('gauntlet_health');
      const uncaught: unknown[] = [];
      const onUncaught = (e: unknown) => uncaught.push(e);
      process.on('uncaughtException', onUncaught);
      process.on('unhandledRejection', onUncaught);
      try {
        server = await startTestServer({ databaseUrl: db.url, static: false });
        const ok = await apiCall(server.url, 'GET', '/api/health');
        expect(ok.status).toBe(200);
        expect(ok.json).toMatchObject({ ok: true, driver: 'postgres' });

        await db.drop(); // DROP DATABASE … WITH (FORCE): every connection of the server is killed

        const bad = await eventually(async () => {
          const r = await apiCall(server!.url, 'GET', '/api/health');
          return r.status === 503 ? r : null;
        }, 15_000, 200);
        expect(bad.json.ok).toBe(false);
        expect(bad.json.problems.join(' ')).toMatch(/database unreachable/);
        expect(bad.json.driver).toBe('postgres');

        // Other routes fail cleanly with the error shape, and the server keeps answering.
        const pull = await apiCall(server.url, 'GET', '/api/sync/pull?after=0', { token: server.demo!.kioskToken });
        expect(pull.status).toBeGreaterThanOrEqual(500);
        expect(pull.json.error.code).toBe('internal');
        const again = await apiCall(server.url, 'GET', '/api/health');
        expect(again.status).toBe(503);
        expect(uncaught).toEqual([]);
      } finally {
        process.off('uncaughtException', onUncaught);
        process.off('unhandledRejection', onUncaught);
        await db.drop().catch(() => undefined);
      }
    });
  });
});
