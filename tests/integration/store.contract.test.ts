/**
 * The store contract: both drivers (embedded PGlite and PostgreSQL) must
 * behave the same for everything the server relies on. Rules are numbered
 * [S1]..[Sn] so a failure names the rule it broke.
 */
import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../../shared/domain/request.ts';
import { insertRequests } from '../../server/src/requests/requests.repo.ts';
import { migrate } from '../../server/src/store/migrate.ts';
import { openPglite } from '../../server/src/store/pglite.ts';
import { openPostgres } from '../../server/src/store/postgres.ts';
import type { Store } from '../../server/src/store/store.ts';
import { appendEvent, currentVersion, eventsAfter, type NewEvent } from '../../server/src/events/events.repo.ts';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';

/** Every migration file, in the order they must apply. */
const MIGRATIONS = readdirSync(new URL('../../server/src/store/migrations/', import.meta.url)).filter((f) => f.endsWith('.sql')).sort();

interface Opened {
  store: Store;
  dispose(): Promise<void>;
}

interface Driver {
  name: string;
  skip: boolean;
  /** A brand-new, empty store (nothing migrated). */
  open(): Promise<Opened>;
  /** A second store on the same database as `first` (PostgreSQL: a second pool, as a second instance would have). */
  openTwin?(first: Opened): Promise<Opened>;
}

const pgliteDriver: Driver = {
  name: 'PGlite (in memory)',
  skip: false,
  async open() {
    const store = await openPglite(null);
    return { store, dispose: () => store.close() };
  },
};

const urls = new WeakMap<Opened, string>();
const postgresDriver: Driver = {
  name: TEST_DATABASE_URL ? 'PostgreSQL' : `PostgreSQL (${PG_SKIP_REASON})`,
  skip: !TEST_DATABASE_URL,
  async open() {
    const fresh = await freshDatabase('ld_store_contract');
    const { store } = await openPostgres(fresh.url);
    const opened: Opened = {
      store,
      async dispose() {
        await store.close();
        await fresh.drop();
      },
    };
    urls.set(opened, fresh.url);
    return opened;
  },
  async openTwin(first) {
    const { store } = await openPostgres(urls.get(first)!);
    return { store, dispose: () => store.close() };
  },
};

/** Rows a contract test needs: a property (the version counter) and a kiosk device. */
async function seedProperty(store: Store): Promise<{ propertyId: string; deviceId: string }> {
  const propertyId = uuidv7();
  const deviceId = uuidv7();
  await store.tx(async (trx) => {
    await trx.insertInto('properties').values({ id: propertyId, name: 'Contract Hotel', time_zone: 'UTC' }).execute();
    await trx.insertInto('devices').values({ id: deviceId, property_id: propertyId, kind: 'kiosk', name: 'K', letter: 'K', token_hash: uuidv7() }).execute();
  });
  return { propertyId, deviceId };
}

/** The store keeps an event's data as given: these tests look at versions and order only, so the data is a stand-in. */
function event(propertyId: string, subjectDeviceId: string | null = null, data: unknown = { n: 1 }): NewEvent {
  return { propertyId, type: 'request.upserted', entityId: uuidv7(), subjectDeviceId, actorStaffId: null, originDeviceId: subjectDeviceId, data: data as ServiceRequest };
}

function request(deviceId: string, ticket: string, serviceDay: string): ServiceRequest {
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    kind: 'call_staff',
    ticket,
    serviceDay,
    status: 'waiting',
    details: null,
    reason: null,
    guestName: null,
    room: null,
    note: null,
    deviceId,
    desk: null,
    department: null,
    transferNote: null,
    assignedStaffId: null,
    assignedStaffName: null,
    createdAt: at,
    clientCreatedAt: at,
    clockSkewMs: 0,
    calledAt: null,
    completedAt: null,
    updatedAt: at,
    rev: 1,
  };
}

/** The SQLSTATE of a failed statement (pg's DatabaseError and PGlite's both carry `code`). */
async function sqlState(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return String((e as { code?: unknown }).code);
  }
  throw new Error('expected the statement to fail');
}

const countRows = async (store: Store, table: 'properties' | 'staff' | 'events' | 'schema_migrations') =>
  Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe.each([pgliteDriver, postgresDriver])('store contract on $name', (driver) => {
  let main: Opened;
  const extra: Opened[] = [];

  beforeAll(async () => {
    if (driver.skip) return;
    main = await driver.open();
    await migrate(main.store);
  });
  afterAll(async () => {
    if (driver.skip) return;
    for (const o of extra.reverse()) await o.dispose();
    await main?.dispose();
  });

  describe.skipIf(driver.skip)('rules', () => {
    it('[S1] applies every migration once and a second run applies nothing', async () => {
      const fresh = await driver.open();
      extra.push(fresh);
      const first = await migrate(fresh.store);
      expect(first).toEqual(MIGRATIONS);
      const second = await migrate(fresh.store);
      expect(second).toEqual([]);
      expect(await countRows(fresh.store, 'schema_migrations')).toBe(first.length);
      // The schema is really there.
      expect(await countRows(fresh.store, 'events')).toBe(0);
    });

    it('[S1] two instances migrating the same empty database at once apply each file exactly once', async () => {
      const a = await driver.open();
      extra.push(a);
      const b = driver.openTwin ? await driver.openTwin(a) : a;
      if (b !== a) extra.push(b);
      const [ra, rb] = await Promise.all([migrate(a.store), migrate(b.store)]);
      expect([...ra, ...rb].sort()).toEqual(MIGRATIONS);
      expect(await countRows(a.store, 'schema_migrations')).toBe(MIGRATIONS.length);
    });

    it('[S2] a transaction that throws rolls back every statement it made', async () => {
      const before = await countRows(main.store, 'properties');
      const propertyId = uuidv7();
      await expect(
        main.store.tx(async (trx) => {
          await trx.insertInto('properties').values({ id: propertyId, name: 'Ghost', time_zone: 'UTC' }).execute();
          await trx.insertInto('staff').values({ id: `ghost-${propertyId}`, property_id: propertyId, name: 'G', role: 'agent', pin_hash: 'x' }).execute();
          await appendEvent(trx, event(propertyId));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await countRows(main.store, 'properties')).toBe(before);
      expect(await main.store.db.selectFrom('staff').select('id').where('property_id', '=', propertyId).execute()).toEqual([]);
      expect(await main.store.db.selectFrom('events').select('version').where('property_id', '=', propertyId).execute()).toEqual([]);
    });

    it('[S2] a statement that fails inside a transaction rolls back the statements before it, and the store stays usable', async () => {
      const { propertyId } = await seedProperty(main.store);
      await expect(
        main.store.tx(async (trx) => {
          await trx.updateTable('properties').set({ name: 'Renamed' }).where('id', '=', propertyId).execute();
          await trx.insertInto('properties').values({ id: propertyId, name: 'Duplicate key', time_zone: 'UTC' }).execute();
        }),
      ).rejects.toBeTruthy();
      const row = await main.store.db.selectFrom('properties').select('name').where('id', '=', propertyId).executeTakeFirstOrThrow();
      expect(row.name).toBe('Contract Hotel');
      expect(await main.store.tx(async (trx) => (await sql<{ one: number }>`select 1 as one`.execute(trx)).rows[0]?.one)).toBe(1);
    });

    it('[S3] appendEvent numbers events 1, 2, 3 … per property, independently for each property', async () => {
      const a = await seedProperty(main.store);
      const b = await seedProperty(main.store);
      const got: number[] = [];
      for (let i = 0; i < 3; i++) got.push(await main.store.tx((trx) => appendEvent(trx, event(a.propertyId))));
      const gotB = await main.store.tx((trx) => appendEvent(trx, event(b.propertyId)));
      expect(got).toEqual([1, 2, 3]);
      expect(gotB).toBe(1);
      expect(await currentVersion(main.store.db, a.propertyId)).toBe(3);
      expect(await currentVersion(main.store.db, b.propertyId)).toBe(1);
    });

    it('[S4] 20 concurrent transactions appending events get versions exactly 1..20, no duplicates, no gaps', async () => {
      const { propertyId } = await seedProperty(main.store);
      const versions = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          main.store.tx(async (trx) => {
            const v = await appendEvent(trx, event(propertyId, null, { i }));
            // Hold the transaction open a moment so the others really queue behind the lock.
            await sql`select pg_sleep(0.005)`.execute(trx);
            return v;
          }),
        ),
      );
      expect([...versions].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const stored = await main.store.db.selectFrom('events').select('version').where('property_id', '=', propertyId).orderBy('version').execute();
      expect(stored.map((r) => r.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await currentVersion(main.store.db, propertyId)).toBe(20);
    });

    it('[S5] a rolled-back append leaves no gap: among 20 concurrent transactions where 5 fail, the committed versions are exactly 1..15', async () => {
      const { propertyId } = await seedProperty(main.store);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          main.store.tx(async (trx) => {
            const v = await appendEvent(trx, event(propertyId, null, { i }));
            if (i % 4 === 1) throw new Error(`abort ${i}`);
            return v;
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
      const committed = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      expect(committed.sort((x, y) => x - y)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      const stored = await main.store.db.selectFrom('events').select('version').where('property_id', '=', propertyId).orderBy('version').execute();
      expect(stored.map((r) => r.version)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      expect(await currentVersion(main.store.db, propertyId)).toBe(15);
    });

    it('[S6] eventsAfter returns events in version order and respects after, upTo, limit and the subject filter', async () => {
      const { propertyId, deviceId } = await seedProperty(main.store);
      const other = uuidv7();
      // v1 mine, v2 other, v3 mine, v4 none, v5 mine, v6 other
      const subjects = [deviceId, other, deviceId, null, deviceId, other];
      for (const [i, s] of subjects.entries()) await main.store.tx((trx) => appendEvent(trx, event(propertyId, s, { i })));
      const all = await eventsAfter(main.store.db, propertyId, 0, 6, 100);
      expect(all.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(all.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(all.every((e) => e.type === 'request.upserted' && !Number.isNaN(new Date(e.at).getTime()))).toBe(true);
      expect((await eventsAfter(main.store.db, propertyId, 2, 6, 100)).map((e) => e.version)).toEqual([3, 4, 5, 6]);
      expect((await eventsAfter(main.store.db, propertyId, 0, 4, 100)).map((e) => e.version)).toEqual([1, 2, 3, 4]);
      expect((await eventsAfter(main.store.db, propertyId, 1, 6, 2)).map((e) => e.version)).toEqual([2, 3]);
      expect((await eventsAfter(main.store.db, propertyId, 0, 6, 100, { deviceId, everyKioskTypes: [] })).map((e) => e.version)).toEqual([1, 3, 5]);
      expect((await eventsAfter(main.store.db, propertyId, 1, 4, 100, { deviceId, everyKioskTypes: [] })).map((e) => e.version)).toEqual([3]);
      expect(await eventsAfter(main.store.db, propertyId, 6, 6, 100)).toEqual([]);
      // Another property's events never leak in.
      expect(await eventsAfter(main.store.db, uuidv7(), 0, 100, 100)).toEqual([]);
    });

    it('[S7] the ticket index refuses a second request with the same ticket on the same day at the same property', async () => {
      const { propertyId, deviceId } = await seedProperty(main.store);
      await main.store.tx((trx) => insertRequests(trx, propertyId, [{ request: request(deviceId, 'K001', '2030-01-01') }]));
      const state = await sqlState(main.store.tx((trx) => insertRequests(trx, propertyId, [{ request: request(deviceId, 'K001', '2030-01-01') }])));
      expect(state).toBe('23505'); // unique_violation
      // The same number on another day, or at another property, is fine.
      await main.store.tx((trx) => insertRequests(trx, propertyId, [{ request: request(deviceId, 'K001', '2030-01-02') }]));
      const other = await seedProperty(main.store);
      await main.store.tx((trx) => insertRequests(trx, other.propertyId, [{ request: request(other.deviceId, 'K001', '2030-01-01') }]));
      const n = await main.store.db.selectFrom('service_requests').select('id').where('ticket', '=', 'K001').execute();
      expect(n).toHaveLength(3);
    });

    it('[S8] a member balance (and points) can never go below zero', async () => {
      const { propertyId } = await seedProperty(main.store);
      const id = uuidv7();
      const newMember = (balance: number, points = 0) => ({ id: uuidv7(), property_id: propertyId, name: 'M', tier: 'gold', balance_minor: balance, points });
      expect(await sqlState(main.store.db.insertInto('members').values(newMember(-1)).execute())).toBe('23514'); // check_violation
      expect(await sqlState(main.store.db.insertInto('members').values(newMember(0, -5)).execute())).toBe('23514');
      await main.store.db.insertInto('members').values({ ...newMember(500), id }).execute();
      const overspend = main.store.db
        .updateTable('members')
        .set({ balance_minor: sql`balance_minor - 501` })
        .where('id', '=', id)
        .execute();
      expect(await sqlState(overspend)).toBe('23514');
      await main.store.db
        .updateTable('members')
        .set({ balance_minor: sql`balance_minor - 500` })
        .where('id', '=', id)
        .execute();
      const row = await main.store.db.selectFrom('members').select('balance_minor').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.balance_minor).toBe(0);
    });

    it('[S9] a device row locked FOR UPDATE makes a second transaction wait for the first to commit', async () => {
      const { deviceId } = await seedProperty(main.store);
      const order: string[] = [];
      let releaseFirst!: () => void;
      const firstHolds = new Promise<void>((r) => (releaseFirst = r));
      let firstLocked!: () => void;
      const locked = new Promise<void>((r) => (firstLocked = r));
      const first = main.store.tx(async (trx) => {
        await trx.selectFrom('devices').select('last_seq').where('id', '=', deviceId).forUpdate().execute();
        firstLocked();
        await firstHolds;
        await trx.updateTable('devices').set({ last_seq: 1 }).where('id', '=', deviceId).execute();
        order.push('first committed');
      });
      await locked;
      const second = main.store.tx(async (trx) => {
        const row = await trx.selectFrom('devices').select('last_seq').where('id', '=', deviceId).forUpdate().executeTakeFirstOrThrow();
        order.push(`second saw ${row.last_seq}`);
      });
      await new Promise((r) => setTimeout(r, 50));
      releaseFirst();
      await Promise.all([first, second]);
      expect(order).toEqual(['first committed', 'second saw 1']);
    });
  });
});
