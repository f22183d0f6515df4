/**
 * Offline replay: one kiosk comes back after queueing `count` commands and
 * delivers them the way its flusher does — batches of 100, in order, one
 * batch at a time. Counts lost and duplicated requests in the database.
 */
import type { TestServer } from '../support/server.ts';
import { createCommand, makeKiosks, push } from './fixtures.ts';

export interface Replay {
  seconds: number;
  lost: number;
  duplicated: number;
}

export async function replay(server: TestServer, count = 10_000): Promise<Replay> {
  const [kiosk] = await makeKiosks(server, 1);
  const queued = Array.from({ length: count }, () => createCommand(kiosk!));
  const started = performance.now();
  for (let i = 0; i < queued.length; i += 100) {
    const res = await push(server.url, kiosk!, queued.slice(i, i + 100));
    if (!res.ok) throw new Error(`push failed: ${res.status} ${await res.text()}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = await server.store.db.selectFrom('service_requests').select(['id']).where('device_id', '=', kiosk!.id).execute();
  const ids = new Set(rows.map((r) => r.id));
  const wanted = queued.map((c) => (c.type === 'request.create' ? c.payload.requestId : ''));
  return { seconds, lost: wanted.filter((id) => !ids.has(id)).length, duplicated: rows.length - ids.size };
}
