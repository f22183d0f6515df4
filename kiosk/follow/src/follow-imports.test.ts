import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

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
      if (/\.tsx?$/.test(file)) staticGraph(file, seen);
    }
  }
  return seen;
}

it('the phone page loads no zod, no qrcode up front and nothing of the kiosk but its QR helper', () => {
  const graph = [...staticGraph(join(import.meta.dirname, 'main.tsx'))].map((s) => (s.startsWith('/') ? relative(ROOT, s) : s));
  expect(graph.filter((s) => s === 'zod' || s.startsWith('zod/') || s === 'qrcode')).toEqual([]);
  expect(graph.filter((s) => s.startsWith('kiosk/src/'))).toEqual(['kiosk/src/features/luggage/qr.ts']);
  // shared/ only where it has no zod: the token rules, locales, the protocol header.
  expect(graph.filter((s) => s.startsWith('shared/')).sort()).toEqual(['shared/domain/follow.ts', 'shared/i18n/locale.ts', 'shared/protocol/version.ts']);
});
