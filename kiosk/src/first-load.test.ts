import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { staticGraph } from '../../tests/support/static-graph.ts';

const ROOT = join(import.meta.dirname, '../..');

it('the first screen loads no Dexie and no zod: the sync layer is its own chunk (sync/core.ts), loaded after', () => {
  const graph = [...staticGraph(join(import.meta.dirname, 'main.tsx'))].map((s) => (s.startsWith('/') ? relative(ROOT, s) : s));
  expect(graph.filter((s) => /^(zod|dexie)(\/|$)/.test(s))).toEqual([]);
  // Of the sync layer, the first screen has only what needs neither: signals, the actions' doors, the hooks, the start.
  expect(graph.filter((s) => s.startsWith('kiosk/src/sync/')).sort()).toEqual([
    'kiosk/src/sync/actions.ts',
    'kiosk/src/sync/boot.ts',
    'kiosk/src/sync/identity-mirror.ts',
    'kiosk/src/sync/queries.ts',
    'kiosk/src/sync/state.ts',
  ]);
});
