/**
 * `npm run bench [-- --json] [-- --only=ingest,propagation,replay,polling,sse,scan,kiosk,follow,tap,longrun,rss]`:
 * measures, prints a table, writes docs/BENCHMARKS.md and docs/benchmarks.json
 * and, with --json, bench-results.json. It ends by listing every figure more
 * than 20% worse than the previous recorded run, before the full table.
 * Loopback only, bounded in time. Every figure is the median of BENCH_RUNS runs (default 3). A figure that cannot
 * be measured here is left out, with the reason printed.
 */
import { cpus, totalmem } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { startTestServer, type TestServer } from '../support/server.ts';
import { median } from './fixtures.ts';
import { propagationFloor } from './floor.bench.ts';
import { followWeight } from './follow-weight.bench.ts';
import { idleRssMb } from './idle-rss.bench.ts';
import { ingest } from './ingest.bench.ts';
import { kioskWeight } from './kiosk-weight.bench.ts';
import { longRun } from './long-run.bench.ts';
import { pollingBaseline } from './polling.bench.ts';
import { propagation } from './propagation.bench.ts';
import { replay } from './replay.bench.ts';
import { scanBench } from './scan.bench.ts';
import { tapToScreens } from './tap-to-wall.bench.ts';
import { sseCapacity } from './sse-capacity.bench.ts';
import { followClients } from './follow-clients.bench.ts';

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
  note: string;
  samples: number[];
}
const results: Result[] = [];
const skipped: string[] = [];

async function withServer<T>(kind: 'pglite' | 'postgres', fn: (s: TestServer, extra?: TestServer) => Promise<T>, opts: { two?: boolean; static?: boolean } = {}): Promise<T> {
  const db = kind === 'postgres' ? await freshDatabase('lobbydesk_bench') : null;
  const a = await startTestServer({ databaseUrl: db?.url, static: opts.static ?? false });
  const b = opts.two ? await startTestServer({ databaseUrl: db!.url, static: false }) : undefined;
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
    await (await freshDatabase('lobbydesk_bench_probe')).drop();
    return true;
  } catch (e) {
    skipped.push(`every *_postgres and two-instance figure: no PostgreSQL at ${pgUrl} (${e instanceof Error ? e.message : e})`);
    return false;
  }
}

function record(name: string, unit: string, samples: number[], note: string) {
  const value = Math.round(median(samples) * 10) / 10;
  results.push({ name, value, unit, runs: samples.length, note, samples });
  console.log(`${name.padEnd(36)} ${String(value).padStart(10)} ${unit.padEnd(12)} runs: ${samples.map((v) => Math.round(v * 10) / 10).join(', ')}`);
}

async function repeat(name: string, unit: string, note: string, fn: () => Promise<number>) {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await fn());
  record(name, unit, samples, note);
}

/** Runs `fn` RUNS times and records several figures from each run. */
async function repeatMany<T>(fn: () => Promise<T>, figures: [name: string, unit: string, note: string, pick: (r: T) => number | null][]) {
  const runs: T[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await fn());
  for (const [name, unit, note, pick] of figures) {
    const samples = runs.map(pick).filter((v): v is number => v !== null && Number.isFinite(v));
    if (samples.length) record(name, unit, samples, note);
    else skipped.push(`${name}: ${note}`);
  }
}

const hasPg = await pgReachable();

if (wants('ingest')) {
  const note = '10 kiosks × 300 commands in batches of 100; every command durable with its seq, answer, request and event';
  await repeat('ingest_per_s_pglite', 'commands/s', note, () => withServer('pglite', (s) => ingest(s)));
  if (hasPg) await repeat('ingest_per_s_postgres', 'commands/s', note, () => withServer('postgres', (s) => ingest(s)));
}
if (wants('propagation')) {
  // The floor first, under the same load: a bare in-memory push → SSE broadcast (floor.bench.ts).
  await repeat('propagation_floor_p95_ms', 'ms', 'bare node:http push → SSE broadcast in memory (no database, no auth), same load as below: the floor', async () => (await propagationFloor()).p95);
  const p = (kind: 'pglite' | 'postgres', two: boolean) => () => withServer(kind, async (a, b) => (await propagation(a, b ?? a, a.demo!.wallToken)).p95, { two });
  await repeat('propagation_p95_ms_pglite', 'ms', 'push start → SSE hint; 50 pushes/s from 22 kiosks (one letter each), 200 live listeners', p('pglite', false));
  if (hasPg) {
    await repeat('propagation_p95_ms_postgres', 'ms', 'as above, on PostgreSQL', p('postgres', false));
    await repeat('propagation_p95_ms_two_instances', 'ms', 'push to instance A, 200 listeners on instance B (LISTEN/NOTIFY)', p('postgres', true));
  }
}
if (wants('rss')) {
  if (process.platform === 'linux') await repeat('server_idle_rss_mb', 'MB', 'compiled server (npm start), embedded PGlite with demo data, 60 s after ready', () => idleRssMb());
  else skipped.push('server_idle_rss_mb: reads /proc (Linux only)');
}
if (wants('polling')) {
  await repeat('polling_baseline_p95_ms', 'ms', '20 displays polling every 5 s (the usual queue-display design), 20 events', () =>
    withServer('pglite', (s) => pollingBaseline(s, s.demo!.wallToken)),
  );
}
if (wants('replay')) {
  await repeatMany(() => withServer('pglite', (s) => replay(s, 10_000)), [
    ['replay_10k_s', 's', '10,000 queued commands from one kiosk, delivered as its flusher does (batches of 100, in order)', (r) => r.seconds],
    ['replay_lost', 'requests', 'requests missing after the replay', (r) => r.lost],
    ['replay_duplicated', 'requests', 'requests stored twice after the replay', (r) => r.duplicated],
  ]);
}
if (wants('sse')) {
  const store = hasPg ? 'PostgreSQL' : 'PGlite';
  const run = async () => {
    const db = hasPg ? await freshDatabase('lobbydesk_bench_sse') : null;
    try {
      return await sseCapacity(db?.url);
    } finally {
      await db?.drop();
    }
  };
  await repeatMany(run, [
    ['sse_clients_held', 'clients', `most SSE clients one instance (own process, ${store}) held with fan-out p99 < 1 s; steps 250…8000`, (r) => r.held],
    ['sse_bytes_per_connection', 'bytes', 'server RSS growth per connection (slope between the smallest and largest held step)', (r) => r.bytesPerConnection],
  ]);
}
if (wants('follow')) {
  const store = hasPg ? 'PostgreSQL' : 'PGlite';
  const run = async () => {
    const db = hasPg ? await freshDatabase('lobbydesk_bench_follow') : null;
    try {
      return await followClients(db?.url);
    } finally {
      await db?.drop();
    }
  };
  await repeatMany(run, [
    ['follow_clients_held', 'clients', `most guest phones one instance (own process, ${store}) held, each following its own waiting ticket, with fan-out p99 < 1 s when staff call the head of the queue (every phone gets a new view); steps 250…4000 (1000 apart above 2000)`, (r) => r.held],
    ['follow_fanout_p99_ms_at_2000', 'ms', 'that fan-out (push start → every phone has its new view), p99 at 2,000 phones', (r) => (r.p99At2000 !== null && Number.isFinite(r.p99At2000) ? r.p99At2000 : null)],
  ]);
}
if (wants('scan')) {
  await repeatMany(() => scanBench(), [
    ['scan_decoded_real_photos', 'photos', 'kiosk pipeline (@zxing/library in the worker code path) on ../shared/fixtures/qr-photos', (r) => r.decoded],
    ['scan_total_real_photos', 'photos', 'photos in the set', (r) => r.total],
    ['scan_ms_per_frame_p50', 'ms', 'kiosk pipeline, 640×480 frames (qrcode-1), 60 ms budget', (r) => r.msPerFrameP50],
    ['scan_bare_reader_decoded', 'photos', 'bare QRCodeReader + TRY_HARDER, same run', (r) => r.bareDecoded],
    ['zxing_wasm_decoded_real_photos', 'photos', 'zxing-wasm (dev-only comparison), same run', (r) => r.wasmDecoded ?? null],
  ]);
}
if (wants('kiosk')) {
  await repeatMany(() => withServer('pglite', (s) => kioskWeight(s), { static: true }), [
    ['kiosk_initial_js_gzip_kb', 'kB', 'scripts the kiosk page loads before it is interactive (gzip)', (r) => r.initialJsGzipKb],
    ['kiosk_initial_css_gzip_kb', 'kB', 'stylesheets, gzip', (r) => r.initialCssGzipKb],
    ['kiosk_scanner_chunk_gzip_kb', 'kB', 'lazy scanner chunks (zxing worker), gzip', (r) => r.scannerChunkGzipKb],
    ['kiosk_tti_cold_ms', 'ms', 'first visit, home screen ready; Chromium, 4× CPU throttle, 150 ms RTT / 1.6 Mbit/s', (r) => r.ttiColdMs],
    ['kiosk_tti_cached_ms', 'ms', 'reload served by the service worker, same throttling', (r) => r.ttiCachedMs],
  ]);
}

if (wants('follow')) {
  await repeatMany(() => followWeight(), [
    ['follow_page_gzip_kb', 'kB', "the guest's phone page (/t/<token>): HTML + the JS and CSS it loads first, gzip (budget 20)", (r) => r.pageGzipKb],
    ['follow_qr_chunk_gzip_kb', 'kB', 'its lazy claim-QR generator (qrcode), loaded only for luggage, gzip', (r) => r.lazyGzipKb],
  ]);
}

if (wants('tap')) {
  await repeatMany(() => withServer('pglite', (s) => tapToScreens(s), { static: true }), [
    ['tap_to_wall_p95_ms', 'ms', 'Chromium: the guest taps Confirm on the kiosk → the ticket is on the wall page; 30 tickets, embedded PGlite', (r) => r.wallP95],
    ['tap_to_queue_p95_ms', 'ms', 'same taps → the ticket is on the staff queue page', (r) => r.queueP95],
  ]);
}

if (wants('longrun')) {
  await repeatMany(() => longRun(), [
    ['long_run_events', 'events', 'a busy day accelerated: 900 tickets created, called and completed at 15/s while the wall stays open', (r) => r.events],
    ['wall_heap_start_kb', 'kB', 'wall JS heap after warm-up, after a forced GC', (r) => r.wallHeapStartKb],
    ['wall_heap_growth_kb', 'kB', 'wall JS heap growth over the run, after a forced GC (flat = near 0)', (r) => r.wallHeapGrowthKb],
    ['server_rss_growth_mb', 'MB', 'server RSS growth over the run (own process, PGlite)', (r) => r.serverRssGrowthMb],
  ]);
}

// Comparisons are ratios of figures measured in this same run.
const fig = (name: string) => results.find((r) => r.name === name)?.value;
const polling = fig('polling_baseline_p95_ms');
const live = fig('propagation_p95_ms_pglite');
if (polling && live) record('polling_to_live_p95_ratio', '×', [polling / live], 'polling_baseline_p95_ms ÷ propagation_p95_ms_pglite, this run: how much sooner a live screen hears of a request');
const floor = fig('propagation_floor_p95_ms');
for (const name of ['propagation_p95_ms_pglite', 'propagation_p95_ms_postgres', 'propagation_p95_ms_two_instances']) {
  const v = fig(name);
  if (floor && v) record(`${name.replace('propagation_p95_ms_', 'propagation_to_floor_ratio_')}`, '×', [v / floor], `${name} ÷ propagation_floor_p95_ms, this run`);
}
const ours = fig('scan_decoded_real_photos');
const wasm = fig('zxing_wasm_decoded_real_photos');
if (ours && wasm) record('scan_vs_zxing_wasm_decoded_ratio', '×', [ours / wasm], 'photos read by the kiosk pipeline ÷ by zxing-wasm, this run');

for (const s of skipped) console.log(`not measured: ${s}`);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const today = new Date().toISOString().slice(0, 10);

/**
 * docs/benchmarks.json keeps every figure with its date and machine; a run
 * (full or `--only`) replaces the figures it measured, and BENCHMARKS.md and
 * bench-results.json are written from the whole set.
 */
type Stored = Result & { date: string; machine: string };
const STORE = 'docs/benchmarks.json';
const stored: Stored[] = JSON.parse(await readFile(STORE, 'utf8').catch(() => '[]')) as Stored[];
const merged = new Map(stored.map((r) => [r.name, r]));

/** Figures where more is better; for every other figure (times, sizes, memory, losses) less is better. */
const MORE_IS_BETTER = new Set(['commands/s', 'photos', 'clients', 'events']);
const regressions = results.flatMap((r) => {
  const before = merged.get(r.name);
  if (!before || !before.value || r.unit === '×') return [];
  const change = (r.value - before.value) / Math.abs(before.value);
  const worse = MORE_IS_BETTER.has(r.unit) ? -change : change;
  return worse > 0.2 ? [`${r.name}: ${before.value} → ${r.value} ${r.unit} (${Math.round(worse * 100)}% worse than ${before.date})`] : [];
});
console.log(regressions.length ? `\nREGRESSIONS over 20% against the previous recorded run:\n${regressions.map((l) => `  ${l}`).join('\n')}` : '\nNo figure is more than 20% worse than the previous recorded run.');
console.log(results.map((r) => `  ${r.name.padEnd(36)} ${String(r.value).padStart(10)} ${r.unit}`).join('\n'));
for (const r of results) merged.set(r.name, { ...r, date: today, machine });
const all = [...merged.values()];
await writeFile(STORE, JSON.stringify(all, null, 2) + '\n');

const table = [
  '| figure | median | unit | runs | measured | what |',
  '| --- | ---: | --- | ---: | --- | --- |',
  ...all.map((r) => `| ${r.name} | ${r.value} | ${r.unit} | ${r.runs} | ${r.date} | ${r.note} |`),
].join('\n');
const machines = [...new Set(all.map((r) => r.machine))];
const md = `# Benchmarks

Written by \`npm run bench\` from \`docs/benchmarks.json\`; machine${machines.length > 1 ? 's' : ''}: ${machines.join('; ')}.
Each figure is the median of its runs, on loopback; the samples are in the JSON. Ratios compare figures
measured in the same run. Numbers are never asserted in tests. Re-run to refresh (\`-- --only=…\` refreshes some).

${table}
${skipped.length ? `\nNot measured in the last run:\n${skipped.map((s) => `- ${s}`).join('\n')}\n` : ''}`;
await writeFile('docs/BENCHMARKS.md', md);
if (args.includes('--json')) await writeFile('bench-results.json', JSON.stringify(all.map(({ name, value, unit, runs }) => ({ name, value, unit, runs })), null, 2) + '\n');
process.exit(0);
