/**
 * `npm run bench [-- --json] [-- --only=ingest,propagation]`: measures, prints
 * a table, writes docs/BENCHMARKS.md (and bench-results.json with --json).
 * Loopback only, bounded in time. Every figure is the median of `RUNS` runs.
 * Figures that cannot be measured here are left out with the reason printed.
 */
import { cpus, totalmem } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { startTestServer, type TestServer } from '../support/server.ts';
import { median } from './fixtures.ts';
import { ingest } from './ingest.bench.ts';
import { propagation } from './propagation.bench.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (name: string) => !only || only.includes(name);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.TEST_DATABASE_URL = pgUrl; // read by tests/support/pg.ts when it loads
const { freshDatabase } = await import('../support/pg.ts');

interface Result {
  name: string;
  value: number;
  unit: string;
  runs: number;
  note?: string;
}
const results: Result[] = [];
const skipped: string[] = [];

async function withServer<T>(kind: 'pglite' | 'postgres', fn: (s: TestServer, extra?: TestServer) => Promise<T>, two = false): Promise<T> {
  const db = kind === 'postgres' ? await freshDatabase('lobbydesk_bench') : null;
  const a = await startTestServer({ databaseUrl: db?.url, static: false });
  const b = two ? await startTestServer({ databaseUrl: db!.url, static: false }) : undefined;
  try {
    return await fn(a, b);
  } finally {
    await b?.stop(true);
    await a.stop(true);
    await db?.drop();
  }
}

async function pgReachable(): Promise<boolean> {
  try {
    const db = await freshDatabase('lobbydesk_bench_probe');
    await db.drop();
    return true;
  } catch (e) {
    skipped.push(`PostgreSQL figures: no PostgreSQL reachable at ${pgUrl} (${e instanceof Error ? e.message : e})`);
    return false;
  }
}

async function repeat(name: string, unit: string, fn: () => Promise<number>, note?: string) {
  const values: number[] = [];
  for (let i = 0; i < RUNS; i++) values.push(await fn());
  const value = Math.round(median(values) * 10) / 10;
  results.push({ name, value, unit, runs: RUNS, note });
  console.log(`${name.padEnd(36)} ${String(value).padStart(10)} ${unit}   runs: ${values.map((v) => Math.round(v * 10) / 10).join(', ')}`);
}

const hasPg = await pgReachable();

if (wants('ingest')) {
  await repeat('ingest_per_s_pglite', 'commands/s', () => withServer('pglite', (s) => ingest(s)), '10 kiosks × 300 commands, batches of 100');
  if (hasPg) await repeat('ingest_per_s_postgres', 'commands/s', () => withServer('postgres', (s) => ingest(s)), '10 kiosks × 300 commands, batches of 100');
}
if (wants('propagation')) {
  const p = (kind: 'pglite' | 'postgres', two: boolean) => () =>
    withServer(kind, async (a, b) => (await propagation(a, b ?? a, a.demo!.wallToken)).p95, two);
  await repeat('propagation_p95_ms_pglite', 'ms', p('pglite', false), '50 kiosks, 200 SSE listeners');
  if (hasPg) {
    await repeat('propagation_p95_ms_postgres', 'ms', p('postgres', false), '50 kiosks, 200 SSE listeners');
    await repeat('propagation_p95_ms_two_instances', 'ms', p('postgres', true), 'push to instance A, 200 listeners on instance B');
  }
}

for (const s of skipped) console.log(`not measured: ${s}`);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = ['| figure | value | unit | runs | setup |', '| --- | ---: | --- | ---: | --- |', ...results.map((r) => `| ${r.name} | ${r.value} | ${r.unit} | ${r.runs} | ${r.note ?? ''} |`)].join('\n');
const md = `# Benchmarks

Produced by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; machine: ${machine}.
Every figure is the median of ${RUNS} runs, on loopback. Re-run to refresh; numbers are never asserted in tests.

${table}
${skipped.length ? `\nNot measured:\n${skipped.map((s) => `- ${s}`).join('\n')}\n` : ''}
## What the figures mean

- **ingest_per_s_*** — commands applied per second by one server instance, each command in its own committed
  transaction together with its device's sequence number, its stored answer, the request row and its event.
- **propagation_p95_ms_*** — from the moment a kiosk's push request starts to the moment a live listener
  receives the hint for it (the listener would then pull), 95th percentile over all listeners and requests.
`;
if (!only) await writeFile('docs/BENCHMARKS.md', md);
if (args.includes('--json')) await writeFile('bench-results.json', JSON.stringify(results.map(({ name, value, unit, runs }) => ({ name, value, unit, runs })), null, 2));
process.exit(0);
