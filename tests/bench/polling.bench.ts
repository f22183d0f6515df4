/**
 * The alternative most queue displays use: poll every 5 s. Measures, for the
 * same kind of event, how long until a polling display sees it. Pollers start
 * at random phases, as independent screens would.
 */
import type { TestServer } from '../support/server.ts';
import { createCommand, makeKiosks, percentile, push } from './fixtures.ts';

export async function pollingBaseline(server: TestServer, wallToken: string, pollers = 20, events = 20, intervalMs = 5_000): Promise<number> {
  const [kiosk] = await makeKiosks(server, 1);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let stop = false;
  const headers = { authorization: `Bearer ${wallToken}`, 'x-lobbydesk-protocol': '1' };
  const start = (await (await fetch(`${server.url}/api/sync/snapshot`, { headers })).json()) as { version: number };
  const loops = Array.from({ length: pollers }, async () => {
    let after = start.version;
    await new Promise((r) => setTimeout(r, Math.random() * intervalMs));
    while (!stop) {
      const page = (await (await fetch(`${server.url}/api/sync/pull?after=${after}`, { headers })).json()) as { version: number; events: { request: { id: string } }[] };
      const now = performance.now();
      for (const e of page.events) {
        const sent = sentAt.get(e.request.id);
        if (sent !== undefined) latencies.push(now - sent);
      }
      after = page.version;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  });
  for (let i = 0; i < events; i++) {
    const cmd = createCommand(kiosk!);
    if (cmd.type === 'request.create') sentAt.set(cmd.payload.requestId, performance.now());
    await push(server.url, kiosk!, [cmd]);
    await new Promise((r) => setTimeout(r, 1_000));
  }
  await new Promise((r) => setTimeout(r, intervalMs + 500));
  stop = true;
  await Promise.all(loops);
  latencies.sort((a, b) => a - b);
  return percentile(latencies, 95);
}
