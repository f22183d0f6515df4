/**
 * `npm ci` on a fresh clone installs exactly package-lock.json and refuses a
 * lockfile out of step with package.json — including one that lacks another
 * platform's optional build (rollup's, esbuild's, lightningcss's…), which npm
 * leaves out when the registry it installed from served only this machine's.
 * CI runs `npm ci` with no fallback; this names the problem first.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
interface Locked {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, Locked> };

it('the lockfile records package.json’s dependencies with the same ranges', () => {
  const top = lock.packages[''] ?? {};
  expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
  expect(top.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
  expect(top.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
  for (const name of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]) {
    expect(lock.packages[`node_modules/${name}`], `${name} is in package.json but not installed by the lockfile`).toBeDefined();
  }
});

/** Where npm would find `name` for the package at `path`: its own node_modules, then each parent's. */
function resolvesFrom(path: string, name: string): boolean {
  let at = path;
  for (;;) {
    if (lock.packages[`${at ? `${at}/` : ''}node_modules/${name}`]) return true;
    if (!at) return false;
    const i = at.lastIndexOf('/node_modules/');
    at = i < 0 ? '' : at.slice(0, i);
  }
}

it('every optional per-platform package is in the lockfile, not just this machine’s', () => {
  const missing: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (!resolvesFrom(path, name)) missing.push(`${name} (wanted by ${path || 'the project'})`);
    }
  }
  expect(missing, 'run `npm install` against the full npm registry to record them').toEqual([]);
});
