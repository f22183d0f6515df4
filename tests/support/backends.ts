/**
 * The two stores a server suite runs on: embedded PGlite always, and
 * PostgreSQL (a fresh database per suite) when TEST_DATABASE_URL is set —
 * skipped with its reason otherwise. Use with `describe.each(serverBackends('ld_x'))`.
 */
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from './pg.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface ServerBackend {
  name: string;
  skip: boolean;
  start(): Promise<{ server: TestServer; dispose(): Promise<void> }>;
}

/** `dbPrefix` names the PostgreSQL database made for the suite. */
export function serverBackends(dbPrefix: string): ServerBackend[] {
  return [
    {
      name: 'PGlite',
      skip: false,
      async start() {
        const server = await startTestServer({ static: false });
        return { server, dispose: () => server.stop(true) };
      },
    },
    {
      name: TEST_DATABASE_URL ? 'PostgreSQL' : `PostgreSQL (${PG_SKIP_REASON})`,
      skip: !TEST_DATABASE_URL,
      async start() {
        const db = await freshDatabase(dbPrefix);
        const server = await startTestServer({ databaseUrl: db.url, static: false });
        return {
          server,
          async dispose() {
            await server.stop(true);
            await db.drop();
          },
        };
      },
    },
  ];
}
