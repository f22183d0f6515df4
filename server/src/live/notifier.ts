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

/**
 * PostgreSQL mode: NOTIFY on commit, LISTEN on one dedicated connection per
 * instance. When that connection drops (PostgreSQL restart), it reconnects
 * with backoff and then polls the current versions, so a notification lost
 * in between is caught up from the table. A slow poll also runs as a
 * fallback in case a NOTIFY is ever lost.
 */
export function postgresNotifier(url: string, pool: pg.Pool, pollMs = 5_000): Notifier {
  const listeners = new Listeners();
  let client: pg.Client | null = null;
  let closed = false;
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
      /* database away: the reconnect loop and the next poll handle it */
    }
  };

  const connect = async (attempt = 0): Promise<void> => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (msg) => {
      const [propertyId, v] = (msg.payload ?? '').split(':');
      if (propertyId && v) emitIfNew(propertyId, Number(v));
    });
    c.on('error', () => undefined);
    c.on('end', () => {
      if (client === c) client = null;
      if (!closed) setTimeout(() => void connect(1), 500);
    });
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
      client = c;
      await poll();
    } catch {
      c.removeAllListeners('end');
      await c.end().catch(() => undefined);
      if (!closed) setTimeout(() => void connect(attempt + 1), Math.min(5_000, 250 * 2 ** attempt));
    }
  };

  const timer = setInterval(() => void poll(), pollMs);
  timer.unref();
  const ready = connect();

  return {
    async publish(propertyId, version) {
      emitIfNew(propertyId, version); // this instance's own listeners hear it at once
      await pool.query('select pg_notify($1, $2)', [CHANNEL, `${propertyId}:${version}`]).catch(() => undefined);
    },
    subscribe: (l) => listeners.add(l),
    async close() {
      closed = true;
      clearInterval(timer);
      await ready;
      await client?.end().catch(() => undefined);
    },
  };
}
