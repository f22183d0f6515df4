/**
 * Ingest: commands per second one server instance applies, each in its own
 * committed transaction with its sequence bookkeeping (the durability the
 * product promises), from `kiosks` kiosks pushing batches of 100 at once.
 */
import type { TestServer } from '../support/server.ts';
import { createCommand, makeKiosks, push } from './fixtures.ts';

export async function ingest(server: TestServer, kioskCount = 10, perKiosk = 300): Promise<number> {
  const kiosks = await makeKiosks(server, kioskCount);
  const started = performance.now();
  await Promise.all(
    kiosks.map(async (k) => {
      for (let sent = 0; sent < perKiosk; sent += 100) {
        const batch = Array.from({ length: Math.min(100, perKiosk - sent) }, () => createCommand(k));
        const res = await push(server.url, k, batch);
        if (!res.ok) throw new Error(`push failed: ${res.status} ${await res.text()}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return (kioskCount * perKiosk) / seconds;
}
