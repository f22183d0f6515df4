import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../../../shared/domain/service.ts';
import { Command } from '../../../shared/protocol/commands.ts';
import { KioskDb } from './db.ts';
import { applyServiceUpserts, readActiveServices, replaceServices } from './services.ts';
import { createRequestTicket } from './tickets.ts';
import { testKiosk } from './test-device.ts';

const NOW = new Date('2026-03-14T02:00:00Z');
const ME = testKiosk({ serverTime: NOW.toISOString() });

function service(code: string, over: Partial<Service> = {}): Service {
  return {
    code,
    names: { en: code, 'zh-Hans': code, 'zh-Hant': code },
    icon: 'taxi',
    department: 'concierge',
    fields: { room: 'required', neededAt: 'optional', count: 'off', note: 'off' },
    callOnWall: true,
    retired: false,
    position: 1,
    updatedAt: NOW.toISOString(),
    rev: 1,
    ...over,
  } as Service;
}

let db: KioskDb;
let n = 0;
beforeEach(async () => {
  db = new KioskDb(`kiosk-services-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the service catalog on the kiosk', () => {
  it('keeps the active services of the snapshot in the manager’s order', async () => {
    await replaceServices(db, [service('umbrella', { position: 2 }), service('taxi', { position: 1 }), service('old', { retired: true, position: 0 })]);
    expect((await readActiveServices(db)).map((s) => s.code)).toEqual(['taxi', 'umbrella']);
    expect(await db.services.count()).toBe(3); // retired ones stay, for the names of old tickets
  });

  it('takes a newer revision from an event, ignores an older one, and drops a retired service from home', async () => {
    await replaceServices(db, [service('taxi')]);
    await applyServiceUpserts(db, [service('taxi', { rev: 3, names: { en: 'Cab', 'zh-Hans': '出租车', 'zh-Hant': '計程車' } }), service('taxi', { rev: 2 })]);
    expect((await db.services.get('taxi'))!.names.en).toBe('Cab');
    await applyServiceUpserts(db, [service('taxi', { rev: 4, retired: true }), service('umbrella', { rev: 1 })]);
    expect((await readActiveServices(db)).map((s) => s.code)).toEqual(['umbrella']);
  });

  it('replaces the whole catalog with a new snapshot', async () => {
    await replaceServices(db, [service('taxi'), service('umbrella')]);
    await replaceServices(db, [service('towels')]);
    expect((await db.services.toArray()).map((s) => s.code)).toEqual(['towels']);
  });

  it('upgrades a version-1 kiosk database without losing its tickets or outbox', async () => {
    const name = `kiosk-v1-${n}`;
    const old = new Dexie(name);
    old.version(1).stores({ outbox: 'seq', rejected: 'seq', meta: 'key', tickets: 'id, commandId, serviceDay, createdAt' });
    await old.open();
    await old.table('tickets').add({ id: 't1', ticket: 'A001', serviceDay: '2026-03-14', createdAt: NOW.toISOString(), commandId: null });
    old.close();
    const upgraded = new KioskDb(name);
    await upgraded.open();
    expect((await upgraded.tickets.get('t1'))?.ticket).toBe('A001');
    await replaceServices(upgraded, [service('taxi')]);
    expect(await upgraded.services.count()).toBe(1);
    upgraded.close();
    await upgraded.delete();
  });
});

describe('a request for a catalog service', () => {
  it('queues a request.create of kind service with its details, room and note, and keeps the ticket', async () => {
    const row = await createRequestTicket(
      db,
      ME,
      { kind: 'service', room: ' 1208 ', note: ' to the airport\nat 6 ', details: { kind: 'service', service: 'taxi', count: null, neededAt: NOW.toISOString() } },
      NOW,
    );
    expect(row).toMatchObject({ ticket: 'A001', kind: 'service', status: 'queued', details: { kind: 'service', service: 'taxi' } });
    const [queued] = await db.outbox.toArray();
    const cmd = Command.parse(queued!.command);
    if (cmd.type !== 'request.create') throw new Error('wrong type');
    expect(cmd.payload).toMatchObject({ kind: 'service', room: '1208', note: 'to the airport\nat 6', details: { kind: 'service', service: 'taxi', count: null, neededAt: NOW.toISOString() } });
    expect((await db.tickets.get(row.id))?.details).toMatchObject({ kind: 'service', service: 'taxi' });
  });
});
