/**
 * Test runner: `npm test` (everything), `npm run test:e2e` (= --e2e-only).
 *
 *   tsx scripts/test.ts [--unit-only | --e2e-only] [--no-build]
 *
 * 1. makes sure a Chromium is available (installs Debian's via apt-get when root),
 *    and certutil for the HTTPS test (Debian's libnss3-tools),
 * 2. builds the apps (`npm run build`) unless --no-build / --unit-only,
 * 3. runs vitest (unit + integration) unless --e2e-only,
 * 4. runs Playwright (e2e) unless --unit-only,
 * 5. prints `N passed, M failed[, K skipped]` and exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../tests/support/chromium.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'test-results');
const VITEST_JSON = path.join(RESULTS_DIR, 'vitest.json');
const PLAYWRIGHT_JSON = path.join(RESULTS_DIR, 'playwright.json');

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

// ---------------------------------------------------------------- arguments

const KNOWN_FLAGS = new Set(['--e2e-only', '--unit-only', '--no-build', '--help', '-h']);
const argv = process.argv.slice(2);
for (const a of argv) {
  if (!KNOWN_FLAGS.has(a)) {
    console.error(`[test] unknown argument: ${a}`);
    console.error('usage: tsx scripts/test.ts [--unit-only | --e2e-only] [--no-build]');
    process.exit(2);
  }
}
if (argv.includes('--help') || argv.includes('-h')) {
  console.log('usage: tsx scripts/test.ts [--unit-only | --e2e-only] [--no-build]');
  process.exit(0);
}
const e2eOnly = argv.includes('--e2e-only');
const unitOnly = argv.includes('--unit-only');
const noBuild = argv.includes('--no-build');
if (e2eOnly && unitOnly) {
  console.error('[test] --e2e-only and --unit-only are mutually exclusive');
  process.exit(2);
}
const runUnit = !e2eOnly;
const runE2e = !unitOnly;

// ---------------------------------------------------------------- helpers

function log(msg: string): void {
  console.log(`\n[test] ${msg}`);
}

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canApt = isRoot && onPath('apt-get') !== undefined;

/** Runs a command with inherited stdio (streaming output). Returns its exit status. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  if (r.error) {
    console.error(`[test] could not start ${cmd}: ${r.error.message}`);
    return 127;
  }
  if (r.signal) {
    console.error(`[test] ${cmd} was killed by ${r.signal}`);
    return 128;
  }
  return r.status ?? 1;
}

function aptInstall(packages: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt-get update && apt-get install -y ${packages.join(' ')}`);
  if (run('apt-get', ['update'], env) !== 0) return false;
  return run('apt-get', ['install', '-y', ...packages], env) === 0;
}

// ---------------------------------------------------------------- browser

function ensureBrowser(): string {
  let chromium = findChromium();
  if (!chromium && canApt) {
    log('no Chromium found; installing Debian chromium via apt-get');
    if (!aptInstall(['chromium', 'fonts-noto-cjk'])) console.error('[test] apt-get install chromium failed');
    chromium = findChromium();
  }
  if (!chromium) {
    console.error(
      [
        '',
        '[test] ERROR: no Chromium browser found; the end-to-end tests cannot run.',
        '       Install one, e.g. (Debian/Ubuntu, as root):',
        '         apt-get update && apt-get install -y chromium fonts-noto-cjk',
        '       or point CHROMIUM_PATH at an existing Chrome/Chromium executable:',
        '         CHROMIUM_PATH=/path/to/chrome npm test',
        '       (use --unit-only to run only the unit/integration tests)',
      ].join('\n'),
    );
    process.exit(1);
  }
  return chromium;
}

/** certutil puts the server's CA into a browser's NSS database (tests/e2e/tls.spec.ts). */
function ensureCertutil(): void {
  if (onPath('certutil')) return;
  if (canApt) {
    log('no certutil found; installing Debian libnss3-tools via apt-get');
    if (!aptInstall(['libnss3-tools'])) console.error('[test] apt-get install libnss3-tools failed');
  }
  if (!onPath('certutil')) {
    console.error(
      [
        '',
        '[test] ERROR: certutil not found; the HTTPS end-to-end test (tests/e2e/tls.spec.ts) needs it.',
        '       Install it, e.g. (Debian/Ubuntu, as root): apt-get install -y libnss3-tools',
        '       (use --unit-only to run only the unit/integration tests)',
      ].join('\n'),
    );
    process.exit(1);
  }
}

function hasCjkFont(): boolean | undefined {
  if (!onPath('fc-list')) return undefined;
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return r.stdout.trim().length > 0;
}

function ensureCjkFonts(): void {
  if (hasCjkFont() === true) return;
  if (canApt) {
    log('no CJK font found (fc-list :lang=zh); installing fonts-noto-cjk');
    if (!aptInstall(['fonts-noto-cjk']) || hasCjkFont() !== true) {
      console.warn('[test] WARNING: could not install a CJK font; Chinese text in screenshots may render as boxes.');
    }
  } else {
    console.warn(
      '[test] WARNING: no CJK font detected (fc-list :lang=zh). Chinese UI text may render as boxes;' +
        ' install fonts-noto-cjk (as root: apt-get install -y fonts-noto-cjk).',
    );
  }
}

// ---------------------------------------------------------------- result parsing

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** vitest's JSON reporter uses the Jest result format. */
function vitestCounts(exitCode: number): Counts {
  const j = readJson(VITEST_JSON) as
    | {
        numPassedTests?: number;
        numFailedTests?: number;
        numPendingTests?: number;
        numTodoTests?: number;
        testResults?: { status?: string; assertionResults?: { status?: string }[] }[];
      }
    | undefined;
  const c: Counts = { passed: 0, failed: 0, skipped: 0 };
  if (j) {
    c.passed = num(j.numPassedTests);
    c.failed = num(j.numFailedTests);
    c.skipped = num(j.numPendingTests) + num(j.numTodoTests);
    // A test file that fails to load/collect has status "failed" but no failed tests: count it once.
    for (const file of j.testResults ?? []) {
      if (file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed')) c.failed += 1;
    }
  }
  if (exitCode !== 0 && c.failed === 0) {
    console.error(`[test] vitest exited with code ${exitCode} without reporting a failed test; counting it as 1 failure`);
    c.failed = 1;
  }
  return c;
}

function playwrightCounts(exitCode: number): Counts {
  const j = readJson(PLAYWRIGHT_JSON) as
    | {
        stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
        errors?: unknown[];
      }
    | undefined;
  const c: Counts = { passed: 0, failed: 0, skipped: 0 };
  if (j?.stats) {
    c.passed = num(j.stats.expected) + num(j.stats.flaky);
    c.failed = num(j.stats.unexpected);
    c.skipped = num(j.stats.skipped);
  }
  // Global errors (config errors, spec files that fail to import, …).
  if (Array.isArray(j?.errors)) c.failed += j.errors.length;
  if (exitCode !== 0 && c.failed === 0) {
    console.error(`[test] playwright exited with code ${exitCode} without reporting a failed test; counting it as 1 failure`);
    c.failed = 1;
  }
  return c;
}

function fmt(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed${c.skipped > 0 ? `, ${c.skipped} skipped` : ''}`;
}

// ---------------------------------------------------------------- main

const childEnv: NodeJS.ProcessEnv = { ...process.env };

if (runE2e) {
  const chromium = ensureBrowser();
  childEnv.CHROMIUM_PATH = chromium;
  log(`using Chromium at ${chromium}`);
  ensureCertutil();
  ensureCjkFonts();
}

if (!process.env.TEST_DATABASE_URL && runUnit) {
  console.warn(
    '\n[test] NOTICE: TEST_DATABASE_URL is unset, so the PostgreSQL half of the tests will be skipped' +
      ' (they are reported as skipped). Set e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres to run them.',
  );
}

if (runE2e && !noBuild) {
  log('npm run build');
  const code = run('npm', ['run', 'build']);
  if (code !== 0) {
    console.error(`\n[test] build failed (exit ${code}); not running the tests.`);
    process.exit(code || 1);
  }
}

mkdirSync(RESULTS_DIR, { recursive: true });
const results: { name: string; counts: Counts; code: number }[] = [];

if (runUnit) {
  rmSync(VITEST_JSON, { force: true });
  log('vitest (unit + integration)');
  const code = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${path.relative(ROOT, VITEST_JSON)}`],
    childEnv,
  );
  results.push({ name: 'vitest', counts: vitestCounts(code), code });
}

if (runE2e) {
  rmSync(PLAYWRIGHT_JSON, { force: true });
  log('playwright (end-to-end)');
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    ...childEnv,
    PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON,
  });
  results.push({ name: 'playwright', counts: playwrightCounts(code), code });
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
console.log('\n[test] ----------------------------------------------------------------');
for (const r of results) {
  console.log(`[test] ${r.name.padEnd(10)} ${fmt(r.counts)} (exit ${r.code})`);
  total.passed += r.counts.passed;
  total.failed += r.counts.failed;
  total.skipped += r.counts.skipped;
}
console.log(fmt(total));

const ok = results.every((r) => r.code === 0) && total.failed === 0;
process.exit(ok ? 0 : 1);
