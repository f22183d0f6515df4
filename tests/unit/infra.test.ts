import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../support/chromium.ts';
import { freePort } from '../support/ports.ts';

describe('test infrastructure', () => {
  it.skipIf(!existsSync('/usr/bin/chromium'))('findChromium returns an existing executable', () => {
    const p = findChromium();
    expect(p).toBeTypeOf('string');
    expect(existsSync(p!)).toBe(true);
    expect(statSync(p!).isFile()).toBe(true);
  });

  it('freePort returns a usable port number', async () => {
    const port = await freePort();
    expect(Number.isInteger(port)).toBe(true);
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
  });
});
