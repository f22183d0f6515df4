import pg from 'pg';

export type VersionListener = (propertyId: string, version: number) => void;

/**
 * Tells every server instance that a property's version moved. Only the
 * version travels; listeners pull the events from the table.
 */
export interface Notifier {
  publish(propertyId: string, version: number): Promise<void>;
  subscribe(listener: VersionListener): () => void;
  close(): Promise<void>;
}

class Listeners {
  private set = new Set<VersionListener>();
  add(l: VersionListener) {
    this.set.add(l);
    return () => void this.set.delete(l);
  }
  emit(propertyId: string, version: number) {
    for (const l of this.set) l(propertyId, version);
  }
}

/** Embedded mode: one process, an in-process emitter is enough. */
export function inProcessNotifier(): Notifier {
  const listeners = new Listeners();
  return {
    publish: async (p, v) => listeners.emit(p, v),
    subscribe: (l) => listeners.add(l),
    close: async () => undefined,
  };
}

const CHANNEL = 'lobbydesk_versions';
/** The LISTEN connection's application_name: operators (and the restart gauntlet) find it in pg_stat_activity. */
export const LISTEN_APPLICATION_NAME = 'lobbydesk-listen';

/**
 * PostgreSQL mode: NOTIFY on commit, LISTEN on one dedicated connection per
 * instance. One loop owns that connection: when it drops (PostgreSQL
 * restart, a cut connection) the loop opens a new one with backoff, LISTENs
 * again and then polls the current versions, so a notification lost in
 * between is caught up from the table. A slow poll also runs as a fallback
 * in case a NOTIFY is ever lost; it is not how streams resume.
 */
export function postgresNotifier(url: string, pool: pg.Pool, pollMs = 5_000): Notifier {
  const listeners = new Listeners();
  let closed = false;
  let client: pg.Client | null = null;
  let interrupt: (() => void) | null = null;
  const seen = new Map<string, number>();

  const emitIfNew = (propertyId: string, version: number) => {
    if ((seen.get(propertyId) ?? -1) >= version) return;
    seen.set(propertyId, version);
    listeners.emit(propertyId, version);
  };

  const poll = async () => {
    try {
      const res = await pool.query<{ id: string; version: number }>('select id, version from properties');
      for (const row of res.rows) emitIfNew(row.id, row.version);
    } catch {
      /* database away: the listen loop and the next poll handle it */
    }
  };

  /** One LISTEN session, from connect until the connection ends. Rejects when it cannot be opened; `onUp` once it listens. */
  const listenOnce = async (onUp: () => void): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: LISTEN_APPLICATION_NAME, connectionTimeoutMillis: 5_000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    const ended = new Promise<void>((resolve) => c.once('end', resolve));
    c.on('error', () => undefined); // a dead connection also ends: the loop replaces it
    c.on('notification', (msg) => {
      const [propertyId, v] = (msg.payload ?? '').split(':');
      if (propertyId && v) emitIfNew(propertyId, Number(v));
    });
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
      if (closed) return;
      onUp();
      await poll();
      await ended;
    } finally {
      client = null;
      await c.end().catch(() => undefined);
    }
  };

  const loop = async () => {
    let attempt = 0;
    while (!closed) {
      await listenOnce(() => (attempt = 0)).catch(() => undefined);
      if (closed) return;
      attempt += 1;
      const ceiling = Math.min(5_000, 250 * 2 ** (attempt - 1));
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)); // jitter: instances do not reconnect in step
        interrupt = () => {
          clearTimeout(t);
          resolve();
        };
      });
      interrupt = null;
    }
  };

  const timer = setInterval(() => void poll(), pollMs);
  timer.unref();
  const running = loop();

  return {
    async publish(propertyId, version) {
      emitIfNew(propertyId, version); // this instance's own listeners hear it at once
      await pool.query('select pg_notify($1, $2)', [CHANNEL, `${propertyId}:${version}`]).catch(() => undefined);
    },
    subscribe: (l) => listeners.add(l),
    async close() {
      closed = true;
      clearInterval(timer);
      interrupt?.();
      await client?.end().catch(() => undefined);
      await running;
    },
  };
}
