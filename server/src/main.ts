import { parseTrustProxy } from './auth/trust-proxy.ts';
import { loadConfig } from './config.ts';
import { startServer } from './server.ts';
import { localNames } from './tls/names.ts';

const config = { ...loadConfig(), trustProxy: parseTrustProxy(process.env.LOBBYDESK_TRUST_PROXY) };
const started = Date.now();
const running = await startServer(config);
const { demo } = running;
// With TLS on, the apps live on HTTPS; plain HTTP answers the API and hands out the CA.
const url = running.httpsUrl ?? running.url;

const lines = [
  '',
  `lobbydesk is running (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`}), ready in ${Date.now() - started} ms`,
  '',
  `  Staff tablet   ${url}/admin/`,
  demo ? `  Kiosk          ${url}/kiosk/#token=${demo.kioskToken}` : `  Kiosk          ${url}/kiosk/  (pair it with a code from the staff tablet)`,
  demo ? `  Wall display   ${url}/wall/#token=${demo.wallToken}` : `  Wall display   ${url}/wall/   (pair it with a code from the staff tablet)`,
  '',
];
if (running.tls) {
  const port = new URL(url).port;
  const names = config.tls === 'auto' ? localNames(config.tlsNames) : null;
  lines.push(`  HTTPS          certificate from ${running.tls.source}`);
  if (names) lines.push(`                 on this network: ${[...names.dns.filter((n) => n !== 'localhost'), ...names.ips.filter((ip) => !ip.includes(':') && ip !== '127.0.0.1')].map((n) => `https://${n}:${port}`).join('  ')}`);
  if (running.tls.caFingerprint) {
    lines.push(`  Trust the CA   ${running.url}/ca (install steps per device)   ${running.url}/ca.crt`);
    lines.push(`                 SHA-256 ${running.tls.caFingerprint}`);
  }
  lines.push(`  Plain HTTP     ${running.url} answers the API and sends browsers to HTTPS`, '');
}
if (demo) {
  lines.push('  Demo logins (staff id / PIN):');
  for (const s of demo.staff) lines.push(`    ${s.id.padEnd(10)} ${s.pin}   ${s.role.padEnd(10)} ${s.name}`);
  lines.push('');
}
console.log(lines.join('\n'));

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    void running.close().then(() => process.exit(0));
  });
}
