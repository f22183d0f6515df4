/**
 * Locates a Chromium/Chrome executable for Playwright.
 *
 * Order: $CHROMIUM_PATH (must exist), /usr/bin/chromium, /usr/bin/chromium-browser,
 * then Playwright's own bundled browser (only if it has actually been downloaded).
 * Returns undefined when nothing usable is found.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function isFile(p: string | undefined): p is string {
  if (!p) return false;
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
}

function playwrightBundledChromium(): string | undefined {
  for (const mod of ['playwright-core', '@playwright/test']) {
    try {
      const loaded = require(mod) as { chromium?: { executablePath(): string } };
      const p = loaded.chromium?.executablePath();
      if (isFile(p)) return p;
    } catch {
      // module missing or no browser registry entry: try the next candidate
    }
  }
  return undefined;
}

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && isFile(fromEnv)) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (isFile(candidate)) return candidate;
  }
  return playwrightBundledChromium();
}
