import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { startEscalation } from './issues/escalation.ts';
import { loadCardKeys } from './members/cards.service.ts';
import { inProcessNotifier, postgresNotifier, type Notifier } from './live/notifier.ts';
import { seedDemo, type DemoCredentials } from './seed/demo.ts';
import { migrate } from './store/migrate.ts';
import { openPglite } from './store/pglite.ts';
import { openPostgres } from './store/postgres.ts';
import type { Store } from './store/store.ts';

export interface Running {
  app: FastifyInstance;
  store: Store;
  notifier: Notifier;
  url: string;
  demo: DemoCredentials | null;
  close(): Promise<void>;
}

/** Opens the store (PGlite in dataDir, or PostgreSQL), migrates, seeds on first start, listens. */
export async function startServer(config: Config): Promise<Running> {
  await mkdir(config.dataDir, { recursive: true });
  let store: Store;
  let notifier: Notifier;
  if (config.databaseUrl) {
    const pg = await openPostgres(config.databaseUrl);
    store = pg.store;
    notifier = postgresNotifier(config.databaseUrl, pg.pool);
  } else {
    store = await openPglite(join(config.dataDir, 'pglite'));
    notifier = inProcessNotifier();
  }
  await migrate(store);
  const demoFile = join(config.dataDir, 'demo-credentials.json');
  const seeded = await seedDemo(store, config.timeZone);
  if (seeded) await writeFile(demoFile, JSON.stringify(seeded, null, 2), { mode: 0o600 });
  const demo = seeded ?? (await readFile(demoFile, 'utf8').then((t) => JSON.parse(t) as DemoCredentials).catch(() => null));

  const cardKeys = await loadCardKeys(config.dataDir, config.cardKey);
  const app = await buildApp({
    deps: { store, notifier, now: () => new Date(), secureCookies: config.secureCookies, instanceId: uuidv7().slice(-8), cardKeys },
    staticDir: config.staticDir,
    logger: config.logStream ? { level: 'info', stream: config.logStream } : config.log,
  });
  await app.listen({ port: config.port, host: config.host });
  // Overdue issues escalate to a supervisor, then a manager: a sweep every 30 s.
  const escalation = startEscalation({ store, notifier, now: () => new Date() }, (err) => app.log.error({ err }, 'escalation sweep failed'));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    store,
    notifier,
    demo,
    url: `http://localhost:${port}`,
    async close() {
      await escalation.stop();
      await app.close();
      await notifier.close();
      await store.close();
    },
  };
}
