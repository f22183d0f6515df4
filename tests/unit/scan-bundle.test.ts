import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';

const SCAN_DIR = join(import.meta.dirname, '../../kiosk/src/features/scan');

/** Specifiers a file imports statically (type-only imports and dynamic `import()` excluded: they cost no bytes up front). */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;'"]*?from\s+['"]([^'"]+)['"]/gm), ...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function staticGraph(entry: string, seen = new Set<string>()): Set<string> {
  for (const spec of staticImports(entry)) {
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const file = join(dirname(entry), spec);
    if (!seen.has(file)) {
      seen.add(file);
      staticGraph(file, seen);
    }
  }
  return seen;
}

it('the public API (index.ts) and the camera loop pull in no zxing until the worker loads', () => {
  for (const entry of ['index.ts', 'camera.ts']) {
    const graph = [...staticGraph(join(SCAN_DIR, entry))];
    expect(graph.filter((s) => s.includes('@zxing') || s.endsWith('decode.ts'))).toEqual([]);
  }
  // the worker, on the other hand, does reach the decoder
  expect([...staticGraph(join(SCAN_DIR, 'scan.worker.ts'))].some((s) => s.includes('@zxing'))).toBe(true);
});
