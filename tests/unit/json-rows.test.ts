import { expect, it } from 'vitest';
import { jsonRows } from '../../server/src/store/json-rows.ts';

it('keeps rows as they are, and makes NUL and lone surrogates storable in jsonb (U+FFFD), nested too', () => {
  expect(JSON.parse(jsonRows([{ a: 'Zoë 🧳 房间', n: 3, z: null, d: { k: ['x'] } }]))).toEqual([{ a: 'Zoë 🧳 房间', n: 3, z: null, d: { k: ['x'] } }]);
  const parsed = JSON.parse(jsonRows([{ a: 'a\u0000b', d: { k: ['\ud800x', 'y\udc00'] } }])) as [{ a: string; d: { k: string[] } }];
  expect(parsed[0].a).toBe('a\ufffdb');
  expect(parsed[0].d.k).toEqual(['\ufffdx', 'y\ufffd']);
  expect(jsonRows([{ a: 'a\u0000b\ud800' }])).not.toMatch(/\\u0000|\\ud800/i);
});
