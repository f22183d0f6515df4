import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { staticGraph } from '../../../tests/support/static-graph.ts';

const ROOT = join(import.meta.dirname, '../../..');

it('the phone page loads no zod, no qrcode up front and nothing of the kiosk but its QR helper', () => {
  const graph = [...staticGraph(join(import.meta.dirname, 'main.tsx'))].map((s) => (s.startsWith('/') ? relative(ROOT, s) : s));
  expect(graph.filter((s) => s === 'zod' || s.startsWith('zod/') || s === 'qrcode')).toEqual([]);
  expect(graph.filter((s) => s.startsWith('kiosk/src/'))).toEqual(['kiosk/src/features/luggage/qr.ts']);
  // shared/ only where it has no zod: the token rules, locales, the protocol header.
  expect(graph.filter((s) => s.startsWith('shared/')).sort()).toEqual(['shared/domain/follow.ts', 'shared/i18n/locale.ts', 'shared/protocol/version.ts']);
});
