/** What a module pulls in up front: its static imports, followed through relative files (tests of bundle boundaries). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Specifiers a file imports statically (type-only imports and dynamic `import()` excluded: they cost no bytes up front). */
export function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;'"]*?from\s+['"]([^'"]+)['"]/gm), ...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** Every package specifier and every relative file reached statically from `entry` (files by absolute path). */
export function staticGraph(entry: string, seen = new Set<string>()): Set<string> {
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
