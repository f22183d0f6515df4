/**
 * Propagation: from the moment a kiosk sends a request to the moment each of
 * `listeners` live clients (tablets and walls) hears about it, while
 * `pushesPerSecond` requests a second arrive, spread evenly, from up to 22
 * kiosks (a property's letters) taking turns.
 * A hint for version v also announces every version below it (the client
 * pulls everything after its cursor), so latencies are computed afterwards
 * per listener from the hints in the order they arrived.
 */
import type { TestServer } from '../support/server.ts';
import { arrivalLatencies, createCommand, listen, makeKiosks, onSchedule, push } from './fixtures.ts';

export interface Propagation {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
}

export async function propagation(pushTo: TestServer, listenTo: TestServer, wallToken: string, pushesPerSecond = 50, listenerCount = 200, rounds = 6, kioskCount = 22): Promise<Propagation> {
  // A property has at most 23 kiosks (one ticket letter each): the pushes of a second are spread over them, round robin.
  const kiosks = await makeKiosks(pushTo, kioskCount);
  const arrivals: [number, number][][] = Array.from({ length: listenerCount }, () => []);
  const listeners = arrivals.map((log) => listen(listenTo.url, wallToken, (v, at) => log.push([v, at])));
  await Promise.all(listeners.map((l) => l.ready));
  await new Promise((r) => setTimeout(r, 500));
  const startVersion = Math.max(0, ...arrivals.map((log) => log.at(-1)?.[0] ?? 0));
  const sentAt = new Map<string, number>(); // requestId → when its push began
  await onSchedule(kiosks, pushesPerSecond, rounds, async (k) => {
    const cmd = createCommand(k);
    const started = performance.now();
    const res = await push(pushTo.url, k, [cmd]);
    if (!res.ok) throw new Error(`push failed ${res.status}`);
    if (cmd.type === 'request.create') sentAt.set(cmd.payload.requestId, started);
  });
  await new Promise((r) => setTimeout(r, 1500));
  for (const l of listeners) l.close();

  const versions = await pushTo.store.db.selectFrom('events').select(['version', 'entity_id']).where('version', '>', startVersion).execute();
  const sentByVersion = new Map(versions.flatMap((e) => (sentAt.has(e.entity_id) ? [[e.version, sentAt.get(e.entity_id)!] as const] : [])));
  return arrivalLatencies(arrivals, sentByVersion, startVersion);
}
