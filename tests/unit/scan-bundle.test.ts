import { join } from 'node:path';
import { expect, it } from 'vitest';
import { staticGraph } from '../support/static-graph.ts';

const SCAN_DIR = join(import.meta.dirname, '../../kiosk/src/features/scan');

it('the public API (index.ts) and the camera loop pull in no zxing until the worker loads', () => {
  for (const entry of ['index.ts', 'camera.ts']) {
    const graph = [...staticGraph(join(SCAN_DIR, entry))];
    expect(graph.filter((s) => s.includes('@zxing') || s.endsWith('decode.ts'))).toEqual([]);
  }
  // the worker, on the other hand, does reach the decoder
  expect([...staticGraph(join(SCAN_DIR, 'scan.worker.ts'))].some((s) => s.includes('@zxing'))).toBe(true);
});
