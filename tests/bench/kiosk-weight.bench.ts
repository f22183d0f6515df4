/**
 * Kiosk weight: the initial JS and CSS a guest's screen loads (gzip), the
 * scanner chunk, and time until the home screen is ready in Chromium with
 * 4× CPU throttling and a slow network — cold, and from the service worker.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findChromium } from '../support/chromium.ts';
import type { TestServer } from '../support/server.ts';

export interface KioskWeight {
  initialJsGzipKb: number;
  initialCssGzipKb: number;
  scannerChunkGzipKb: number | null;
  ttiColdMs: number;
  ttiCachedMs: number;
}

const gz = async (path: string) => gzipSync(await readFile(path)).length / 1024;

export async function kioskWeight(server: TestServer, dist = join(process.env.LOBBYDESK_DIST ?? 'dist', 'kiosk')): Promise<KioskWeight> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/kiosk\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    if (ref.endsWith('.js')) js += await gz(join(dist, ref));
    if (ref.endsWith('.css')) css += await gz(join(dist, ref));
  }
  let scanner: number | null = null;
  // The lazy scanner: the camera loop and the decoding worker (Vite names chunks after their source files).
  for (const f of await readdir(join(dist, 'assets'))) {
    if (!f.endsWith('.js') || refs.includes(`assets/${f}`)) continue;
    if (/^(scan\.worker|camera)-/.test(f)) scanner = (scanner ?? 0) + (await gz(join(dist, 'assets', f)));
  }

  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Chrome DevTools' "Slow 4G"-like profile: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const time = async (url: string) => {
      const t0 = performance.now();
      await page.goto(url);
      await page.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
      return performance.now() - t0;
    };
    const ttiColdMs = await time(`${server.url}/kiosk/#token=${server.demo!.kioskToken}`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 }).catch(() => undefined);
    const ttiCachedMs = await time(`${server.url}/kiosk/`);
    return { initialJsGzipKb: js, initialCssGzipKb: css, scannerChunkGzipKb: scanner, ttiColdMs, ttiCachedMs };
  } finally {
    await browser.close();
  }
}
