import { parseTrustProxy } from './auth/trust-proxy.ts';
import { loadConfig } from './config.ts';
import { startServer } from './server.ts';

const config = { ...loadConfig(), trustProxy: parseTrustProxy(process.env.LOBBYDESK_TRUST_PROXY) };
const started = Date.now();
const running = await startServer(config);
const { url, demo } = running;

const lines = [
  '',
  `lobbydesk is running (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`}), ready in ${Date.now() - started} ms`,
  '',
  `  Staff tablet   ${url}/admin/`,
  demo ? `  Kiosk          ${url}/kiosk/#token=${demo.kioskToken}` : `  Kiosk          ${url}/kiosk/  (pair it with a code from the staff tablet)`,
  demo ? `  Wall display   ${url}/wall/#token=${demo.wallToken}` : `  Wall display   ${url}/wall/   (pair it with a code from the staff tablet)`,
  '',
];
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
