import type { FastifyInstance } from 'fastify';
import type { LocalCa } from './ca.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The install page: per-OS steps to trust the CA, with its fingerprint to compare. No script, no inline style (the CSP forbids both). */
export function caPage(ca: LocalCa, httpsPort: number): string {
  const name = escape(ca.cert.subject.split('\n').find((l) => l.startsWith('CN='))?.slice(3) ?? 'lobbydesk local CA');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trust this lobbydesk server</title>
<link rel="stylesheet" href="/ca.css">
</head>
<body>
<main>
<h1>Trust this lobbydesk server</h1>
<p>Kiosks, tablets and the wall display reach lobbydesk over HTTPS (port ${httpsPort}). Its certificate comes from
<strong>${name}</strong>, a certificate authority this server made for itself. Install that authority once on each device.</p>
<p><a class="button" href="/ca.crt" download="lobbydesk-ca.crt">Download the certificate (ca.crt)</a></p>
<p>Before trusting it, check that the SHA-256 fingerprint the device shows is exactly:</p>
<p><code data-testid="ca-fingerprint">${escape(ca.fingerprint)}</code></p>

<h2>Windows</h2>
<ol>
<li>Open the downloaded <code>lobbydesk-ca.crt</code> and choose <em>Install Certificate…</em></li>
<li>Choose <em>Local Machine</em>, then <em>Place all certificates in the following store</em> → <em>Trusted Root Certification Authorities</em>.</li>
<li>Or, in an administrator prompt: <code>certutil -addstore -f ROOT lobbydesk-ca.crt</code></li>
</ol>

<h2>macOS</h2>
<ol>
<li>Open the file: Keychain Access adds it to the <em>System</em> keychain.</li>
<li>Double-click the certificate, open <em>Trust</em>, set <em>When using this certificate</em> to <em>Always Trust</em>.</li>
<li>Or in Terminal: <code>sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain lobbydesk-ca.crt</code></li>
</ol>

<h2>iPad and iPhone</h2>
<ol>
<li>Open this page in Safari and tap the download link; allow the configuration profile to download.</li>
<li><em>Settings</em> → <em>Profile Downloaded</em> → <em>Install</em> (enter the passcode).</li>
<li><em>Settings</em> → <em>General</em> → <em>About</em> → <em>Certificate Trust Settings</em>: turn on full trust for <strong>${name}</strong>. Without this step Safari still refuses the server.</li>
</ol>

<h2>Android</h2>
<ol>
<li>Download the file with the link above.</li>
<li><em>Settings</em> → <em>Security</em> (or <em>Security &amp; privacy</em> → <em>More security settings</em>) → <em>Encryption &amp; credentials</em> → <em>Install a certificate</em> → <em>CA certificate</em>; confirm, then pick the downloaded file.</li>
<li>Chrome trusts it from then on; close and reopen Chrome if it was open.</li>
</ol>

<h2>Chromium on a Linux kiosk</h2>
<p>Chromium on Linux reads its own certificate database (NSS) in the kiosk user's home folder. As that user, with <code>certutil</code> from the package <code>libnss3-tools</code>:</p>
<pre>curl -fsS http://&lt;this server&gt;:&lt;port&gt;/ca.crt -o ca.crt
mkdir -p $HOME/.pki/nssdb
certutil -d sql:$HOME/.pki/nssdb -N --empty-password   # only if the database does not exist yet
certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n lobbydesk -i ca.crt</pre>
<p>Then restart Chromium. Firefox keeps its own list: <em>Settings</em> → <em>Privacy &amp; Security</em> → <em>Certificates</em> → <em>View Certificates</em> → <em>Authorities</em> → <em>Import</em>.</p>
</main>
</body>
</html>
`;
}

const CSS = `body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;background:#f6f6f4;color:#1d1d1b}
main{max-width:46rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
code,pre{font-family:ui-monospace,monospace;background:#fff;border:1px solid #ddd;border-radius:4px;padding:0 .25rem;word-break:break-all}
pre{padding:.75rem;white-space:pre-wrap}
a.button{display:inline-block;padding:.6rem 1rem;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none}
`;

/** GET /ca.crt (the CA, PEM), /ca (how to install it) and /ca.css; on HTTPS and on plain HTTP alike. */
export function registerCaRoutes(app: FastifyInstance, ca: LocalCa, httpsPort: number): void {
  const page = caPage(ca, httpsPort);
  app.get('/ca.crt', async (_req, reply) =>
    reply.header('content-type', 'application/x-x509-ca-cert').header('cache-control', 'no-cache').send(ca.certPem),
  );
  app.get('/ca', async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page));
  app.get('/ca.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(CSS));
}
