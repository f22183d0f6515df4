/**
 * HTTPS on the LAN without a proxy. LOBBYDESK_TLS=auto: the first start
 * makes a local CA and a server certificate for the machine's names and
 * addresses in <data>/tls (keys mode 600); a restart keeps both; a
 * certificate near its end, or missing a name, is replaced (at start, and by
 * the renewal check while running, without a restart). Plain HTTP keeps the
 * API and the CA and sends the apps to HTTPS. With the property's own
 * certificate files, a change to them is picked up while running.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCa, loadOrCreateCa } from '../../server/src/tls/ca.ts';
import { localNames, parseExtraNames } from '../../server/src/tls/names.ts';
import { issueServerCert } from '../../server/src/tls/server-cert.ts';
import { parseTlsSetting } from '../../server/src/tls/tls-config.ts';
import { loadX509 } from '../../server/src/tls/x509.ts';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../../server/src/server.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { eventually } from './helpers.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The certificate the server presented (HTTPS only). */
  fingerprint?: string;
}

/** One request over HTTPS that trusts `ca` only; `servername` asks for that name while connecting to the URL's address. */
function httpsCall(url: string, ca: string, o: { servername?: string; method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca, agent: false, method: o.method ?? 'GET', headers: o.headers, ...(o.servername ? { servername: o.servername } : {}) }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, fingerprint }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

/** One plain HTTP GET with a Host header of our choosing (or none). */
function httpGet(url: string, host: string | null): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname + u.search, setHost: false, headers: host === null ? {} : { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const tlsDir = (s: TestServer) => join(s.dataDir, 'tls');
const fileText = (s: TestServer, name: string) => readFile(join(tlsDir(s), name), 'utf8');
const daysLeft = (pem: string) => (new Date(new X509Certificate(pem).validTo).getTime() - Date.now()) / 86_400_000;

describe('LOBBYDESK_TLS=auto', () => {
  let server: TestServer;
  let caPem: string;
  beforeAll(async () => {
    server = await startTestServer({ static: false, tls: { tlsNames: ['lobbydesk.test'] } });
    caPem = await fileText(server, 'ca.crt');
  });
  afterAll(async () => {
    await server?.stop(true);
  });

  it('creates a CA and a server certificate in <data>/tls on the first start, keys readable by the owner only', async () => {
    for (const name of ['ca.crt', 'ca.key', 'server.crt', 'server.key']) expect((await stat(join(tlsDir(server), name))).isFile(), name).toBe(true);
    expect((await stat(join(tlsDir(server), 'ca.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(tlsDir(server), 'server.key'))).mode & 0o777).toBe(0o600);
    const ca = new X509Certificate(caPem);
    expect(ca.subject).toContain(`CN=lobbydesk local CA (${hostname()})`);
    expect(ca.ca).toBe(true);
    expect(daysLeft(caPem)).toBeGreaterThan(9 * 365);
    const x509 = await loadX509();
    const parsed = new x509.X509Certificate(caPem);
    expect(parsed.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    expect(parsed.getExtension(x509.KeyUsagesExtension)!.usages & x509.KeyUsageFlags.keyCertSign).toBeTruthy();
    expect(server.tls?.caFingerprint).toBe(ca.fingerprint256);
  });

  it('issues a 90-day server certificate that verifies against the CA for every name and address of the machine', async () => {
    const ca = new X509Certificate(caPem);
    const cert = new X509Certificate(await fileText(server, 'server.crt'));
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.1'); // serverAuth
    expect(Math.round(daysLeft(cert.toString()))).toBe(90);
    for (const name of ['lobbydesk.test', 'localhost', hostname().toLowerCase(), `${hostname().toLowerCase().split('.')[0]}.local`]) expect(cert.checkHost(name), name).toBe(name);
    expect(cert.checkHost('other.test')).toBeUndefined();
    const lan = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((a) => !a.internal).map((a) => a.address));
    for (const ip of ['127.0.0.1', '::1', ...lan]) expect(cert.checkIP(ip), ip).toBeDefined();
  });

  it('serves the whole app over HTTPS to a client that trusts the CA, and marks the staff session cookie Secure', async () => {
    const health = await httpsCall(`${server.httpsUrl}/api/health`, caPem);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body).ok).toBe(true);
    expect(health.fingerprint).toBe(new X509Certificate(await fileText(server, 'server.crt')).fingerprint256);
    const byName = await httpsCall(`${server.httpsUrl}/api/health`, caPem, { servername: 'lobbydesk.test' });
    expect(byName.status).toBe(200);
    const login = await httpsCall(`${server.httpsUrl}/api/auth/login`, caPem, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lobbydesk-protocol': '1' },
      body: JSON.stringify({ staffId: 'agent1', pin: '1111' }),
    });
    expect(login.status).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    // The HTTPS server keeps the request and head timeouts of the plain one (serverTuning).
    const https = server.app.server as import('node:https').Server;
    expect([https.requestTimeout, https.headersTimeout, https.keepAliveTimeout]).toEqual([REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS, 72_000]);
  });

  it('refuses a client that does not trust the CA', async () => {
    const other = await createCa(new Date());
    await expect(httpsCall(`${server.httpsUrl}/api/health`, other.certPem)).rejects.toThrow(/certificate/i);
  });

  it('sends the apps on plain HTTP to the same path on HTTPS (308), keeps the API and hands out the CA', async () => {
    const httpsPort = new URL(server.httpsUrl!).port;
    for (const path of ['/kiosk/', '/admin/?tab=issues', '/wall/', '/', '/kiosk']) {
      const r = await httpGet(server.url + path, `127.0.0.1:${new URL(server.url).port}`);
      expect(r.status, path).toBe(308);
      expect(r.headers.location, path).toBe(`https://127.0.0.1:${httpsPort}${path}`);
      expect(r.headers['cache-control']).toBe('no-store');
    }
    expect((await httpGet(`${server.url}/kiosk/`, 'lobbydesk.test:8080')).headers.location).toBe(`https://lobbydesk.test:${httpsPort}/kiosk/`);
    expect((await httpGet(`${server.url}/kiosk/`, '[fd00::2]')).headers.location).toBe(`https://[fd00::2]:${httpsPort}/kiosk/`);
    // No Host header: Node refuses an HTTP/1.1 request without one (400) before any handler; a Host that is not a host: ours.
    expect((await httpGet(`${server.url}/kiosk/`, null)).status).toBe(400);
    const badHost = await httpGet(`${server.url}/kiosk/`, 'evil.test/x');
    expect(badHost.status).toBe(400);
    expect(JSON.parse(badHost.body).error.code).toBe('bad_request');

    const health = await httpGet(`${server.url}/api/health`, 'localhost');
    expect(health.status).toBe(200);
    for (const base of [server.url, server.httpsUrl!]) {
      const crt = base.startsWith('https') ? await httpsCall(`${base}/ca.crt`, caPem) : await httpGet(`${base}/ca.crt`, 'localhost');
      expect(crt.status).toBe(200);
      expect(crt.headers['content-type']).toBe('application/x-x509-ca-cert');
      expect(crt.body).toBe(caPem);
    }
    const page = await httpGet(`${server.url}/ca`, 'localhost');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain(new X509Certificate(caPem).fingerprint256);
    for (const os of ['Windows', 'macOS', 'iPad', 'Android', 'certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n lobbydesk -i ca.crt']) expect(page.body).toContain(os);
    expect(page.body).not.toMatch(/<script|<style|style=/i);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await httpGet(`${server.url}/ca.css`, 'localhost')).headers['content-type']).toMatch(/^text\/css/);
  });

  it('replaces a certificate near its end while running, and HTTPS presents the new one without a restart', async () => {
    const ca = (await loadOrCreateCa(tlsDir(server), new Date())).ca;
    const soon = await issueServerCert(ca, localNames(['lobbydesk.test']), new Date(), 10);
    await writeFile(join(tlsDir(server), 'server.key'), soon.keyPem, { mode: 0o600 });
    await writeFile(join(tlsDir(server), 'server.crt'), soon.certPem);
    expect(await server.tls!.refresh()).toMatch(/expires in \d+ days/);
    const renewed = await fileText(server, 'server.crt');
    expect(renewed).not.toBe(soon.certPem);
    expect(Math.round(daysLeft(renewed))).toBe(90);
    expect((await httpsCall(`${server.httpsUrl}/api/health`, caPem)).fingerprint).toBe(new X509Certificate(renewed).fingerprint256);
    expect(await server.tls!.refresh()).toBeNull();
  });

  it('keeps the CA and a good certificate over a restart, and replaces one near its end or missing a name at start', async () => {
    const dataDir = server.dataDir;
    const before = await fileText(server, 'server.crt');
    await server.stop();
    server = await startTestServer({ static: false, dataDir, tls: { tlsNames: ['lobbydesk.test'] } });
    expect(await fileText(server, 'ca.crt')).toBe(caPem);
    expect(await fileText(server, 'server.crt')).toBe(before);

    const ca = (await loadOrCreateCa(tlsDir(server), new Date())).ca;
    const soon = await issueServerCert(ca, localNames(['lobbydesk.test']), new Date(), 20);
    await server.stop();
    await writeFile(join(tlsDir(server), 'server.key'), soon.keyPem, { mode: 0o600 });
    await writeFile(join(tlsDir(server), 'server.crt'), soon.certPem);
    server = await startTestServer({ static: false, dataDir, tls: { tlsNames: ['lobbydesk.test'] } });
    const renewed = await fileText(server, 'server.crt');
    expect(Math.round(daysLeft(renewed))).toBe(90);
    expect(await fileText(server, 'ca.crt')).toBe(caPem);
    expect(new X509Certificate(renewed).verify(new X509Certificate(caPem).publicKey)).toBe(true);

    await server.stop();
    server = await startTestServer({ static: false, dataDir, tls: { tlsNames: ['lobbydesk.test', 'desk.hotel.test'] } });
    expect(new X509Certificate(await fileText(server, 'server.crt')).checkHost('desk.hotel.test')).toBe('desk.hotel.test');
    expect(await fileText(server, 'ca.crt')).toBe(caPem);
  });
});

describe('the property’s own certificate (LOBBYDESK_TLS_CERT, LOBBYDESK_TLS_KEY)', () => {
  let server: TestServer;
  let ca: Awaited<ReturnType<typeof createCa>>;
  let files: { cert: string; key: string };
  beforeAll(async () => {
    ca = await createCa(new Date());
    const own = await issueServerCert(ca, { dns: ['localhost'], ips: ['127.0.0.1'] }, new Date());
    const dir = await mkdtemp(join(tmpdir(), 'lobbydesk-own-cert-'));
    files = { cert: join(dir, 'desk.pem'), key: join(dir, 'desk.key') };
    await writeFile(files.key, own.keyPem, { mode: 0o600 });
    await writeFile(files.cert, own.certPem);
    server = await startTestServer({ static: false, tls: { tls: files, tlsWatchIntervalMs: 100 } });
  });
  afterAll(async () => {
    await server?.stop(true);
    if (files) await rm(join(files.cert, '..'), { recursive: true, force: true });
  });

  it('serves HTTPS with the files, makes no CA, and still sends the apps on plain HTTP to HTTPS', async () => {
    expect((await httpsCall(`${server.httpsUrl}/api/health`, ca.certPem)).fingerprint).toBe(new X509Certificate(await readFile(files.cert, 'utf8')).fingerprint256);
    expect(server.tls?.caFingerprint).toBeNull();
    await expect(stat(join(server.dataDir, 'tls'))).rejects.toThrow();
    expect((await httpGet(`${server.url}/ca.crt`, 'localhost')).status).toBe(404);
    expect((await httpGet(`${server.url}/kiosk/`, 'localhost:80')).headers.location).toBe(`https://localhost:${new URL(server.httpsUrl!).port}/kiosk/`);
  });

  it('loads new files while running', async () => {
    const next = await issueServerCert(ca, { dns: ['localhost'], ips: ['127.0.0.1'] }, new Date());
    await writeFile(files.key, next.keyPem);
    await writeFile(files.cert, next.certPem);
    const want = new X509Certificate(next.certPem).fingerprint256;
    await eventually(async () => (await httpsCall(`${server.httpsUrl}/api/health`, ca.certPem)).fingerprint === want, 10_000, 100);
  });
});

describe('TLS settings', () => {
  it('reads LOBBYDESK_TLS, LOBBYDESK_TLS_CERT/KEY and LOBBYDESK_TLS_NAMES, and refuses what it cannot use', () => {
    expect(parseTlsSetting({})).toBe('off');
    expect(parseTlsSetting({ LOBBYDESK_TLS: 'off' })).toBe('off');
    expect(parseTlsSetting({ LOBBYDESK_TLS: 'auto' })).toBe('auto');
    expect(parseTlsSetting({ LOBBYDESK_TLS_CERT: '/etc/ssl/desk.pem', LOBBYDESK_TLS_KEY: '/etc/ssl/desk.key' })).toEqual({ cert: '/etc/ssl/desk.pem', key: '/etc/ssl/desk.key' });
    expect(() => parseTlsSetting({ LOBBYDESK_TLS: 'on' })).toThrow(/LOBBYDESK_TLS/);
    expect(() => parseTlsSetting({ LOBBYDESK_TLS_CERT: '/etc/ssl/desk.pem' })).toThrow(/both/);
    expect(() => parseTlsSetting({ LOBBYDESK_TLS: 'auto', LOBBYDESK_TLS_CERT: 'a', LOBBYDESK_TLS_KEY: 'b' })).toThrow(/LOBBYDESK_TLS unset/);
    expect(parseExtraNames(' Lobbydesk.test, 10.0.0.5 ,,fd00::7')).toEqual(['lobbydesk.test', '10.0.0.5', 'fd00::7']);
    expect(() => parseExtraNames('desk hotel')).toThrow(/LOBBYDESK_TLS_NAMES/);
  });

  it('refuses to start on half a CA instead of making a new one behind the devices’ back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lobbydesk-half-ca-'));
    await loadOrCreateCa(dir, new Date());
    await rm(join(dir, 'ca.key'));
    await expect(loadOrCreateCa(dir, new Date())).rejects.toThrow(/ca\.key is missing/);
    await rm(dir, { recursive: true, force: true });
  });
});
