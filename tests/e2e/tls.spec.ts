/**
 * HTTPS on the LAN in a real Chromium, with no certificate errors ignored.
 * The server runs with LOBBYDESK_TLS=auto and the extra name lobbydesk.test;
 * the browser resolves that name to 127.0.0.1 and trusts the server's CA only
 * because the CA is in the NSS database of its HOME (what
 * docs/DEPLOY-KIOSK.md tells a kiosk's owner to do with certutil). The kiosk
 * then runs in a secure context: its service worker takes over, it keeps
 * working offline, and the camera opens. A browser whose NSS database lacks
 * the CA gets a certificate error: trust comes from the CA, not from a flag.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { findChromium } from '../support/chromium.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { KioskPage } from './pages/kiosk.page.ts';
import { KIOSK_PORTRAIT } from './support.ts';

let server: TestServer;
let trusting: string;
let stranger: string;

/** A HOME whose NSS database (what Chromium on Linux trusts besides its built-in roots) holds `caFile`, or nothing. */
async function homeWithNssDb(caFile: string | null): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'lobbydesk-nss-'));
  const db = `sql:${join(home, '.pki', 'nssdb')}`;
  await mkdir(join(home, '.pki', 'nssdb'), { recursive: true });
  execFileSync('certutil', ['-N', '-d', db, '--empty-password']);
  if (caFile) execFileSync('certutil', ['-A', '-d', db, '-t', 'C,,', '-n', 'lobbydesk', '-i', caFile]);
  return home;
}

/** Chromium with the flags of every test, lobbydesk.test pointing here, a fake camera allowed without a prompt, and `home` as HOME. */
function launchWithHome(home: string): Promise<Browser> {
  const args = test.info().project.use.launchOptions?.args ?? [];
  return chromium.launch({
    executablePath: findChromium(),
    args: [...args, '--host-resolver-rules=MAP lobbydesk.test 127.0.0.1', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    env: { ...process.env, HOME: home },
  });
}

test.beforeAll(async () => {
  server = await startTestServer({ tls: { tlsNames: ['lobbydesk.test'] } });
  trusting = await homeWithNssDb(join(server.dataDir, 'tls', 'ca.crt'));
  stranger = await homeWithNssDb(null);
});
test.afterAll(async () => {
  await server?.stop(true);
  for (const home of [trusting, stranger]) if (home) await rm(home, { recursive: true, force: true });
});

const port = (url: string) => new URL(url).port;

test('a kiosk that trusts the CA runs on https://lobbydesk.test: secure context, service worker, offline, camera', async () => {
  const browser = await launchWithHome(trusting);
  try {
    const context = await browser.newContext({ viewport: KIOSK_PORTRAIT, serviceWorkers: 'allow' });
    const kiosk = new KioskPage(await context.newPage());
    // Typed as a person would, on plain HTTP: the server sends the browser to HTTPS, the token in the fragment comes along.
    await kiosk.open(`http://lobbydesk.test:${port(server.url)}`, server.demo!.kioskToken);
    expect(kiosk.page.url()).toMatch(new RegExp(`^https://lobbydesk\\.test:${port(server.httpsUrl!)}/kiosk/`));
    expect(await kiosk.page.evaluate(() => window.isSecureContext)).toBe(true);
    await expect(kiosk.page.getByTestId('call-staff')).toBeVisible();

    await kiosk.serviceWorkerControls();
    expect(await kiosk.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/^https:\/\/lobbydesk\.test:\d+\/kiosk\//);

    expect(await kiosk.page.evaluate(() => typeof navigator.mediaDevices?.getUserMedia)).toBe('function');
    await kiosk.page.getByTestId('my-balance').click();
    await expect(kiosk.page.getByTestId('card-scanner')).toHaveAttribute('data-state', 'scanning', { timeout: 20_000 });
    expect(await kiosk.page.evaluate(() => (document.querySelector('[data-testid="card-scanner"] video') as HTMLVideoElement | null)?.srcObject instanceof MediaStream)).toBe(true);

    await context.setOffline(true);
    await kiosk.page.reload();
    await kiosk.ready();
    await expect(kiosk.page.getByTestId('call-staff')).toBeVisible();
    expect(await kiosk.page.evaluate(() => window.isSecureContext)).toBe(true);
    await context.close();
  } finally {
    await browser.close();
  }
});

test('a browser without the CA in its NSS database gets a certificate error', async () => {
  const browser = await launchWithHome(stranger);
  try {
    const page = await (await browser.newContext()).newPage();
    const failed = await page.goto(`https://lobbydesk.test:${port(server.httpsUrl!)}/kiosk/`).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(failed).toMatch(/ERR_CERT_AUTHORITY_INVALID/);
  } finally {
    await browser.close();
  }
});
