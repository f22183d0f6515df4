/**
 * The systemd unit in docs/OPERATIONS.md is the file docs/lobbydesk.service,
 * runs the compiled server with plain node, and passes `systemd-analyze
 * verify` where systemd is installed (as on Debian; elsewhere that one check
 * cannot run and says so).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const unit = readFileSync(resolve(root, 'docs/lobbydesk.service'), 'utf8');
const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;

it('OPERATIONS.md shows the unit file as it is, and it runs the compiled server', () => {
  const ops = readFileSync(resolve(root, 'docs/OPERATIONS.md'), 'utf8');
  expect(ops).toContain('```ini\n' + unit + '```');
  expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node dist\/server\/main\.js$/m);
  expect(unit).not.toMatch(/tsx/);
  expect(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).scripts.start).toMatch(/node dist\/server\/main\.js$/);
});

it.runIf(hasSystemd)('systemd-analyze verify accepts the unit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-unit-'));
  try {
    // verify checks that ExecStart's program exists: point it at this machine's node.
    const file = join(dir, 'lobbydesk.service');
    writeFileSync(file, existsSync('/usr/bin/node') ? unit : unit.replace('/usr/bin/node', process.execPath));
    const r = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
    expect(r.stderr.split('\n').filter((l) => l.includes('lobbydesk.service')), r.stderr).toEqual([]);
    expect(r.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
