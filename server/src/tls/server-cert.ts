import { X509Certificate as NodeX509, createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalCa } from './ca.ts';
import type { CertNames } from './names.ts';
import { loadX509 } from './x509.ts';
import { KEY_ALGORITHM, newKeyPair, privateKeyPem, serialNumber, signingKey, subtleCrypto, writeWhole } from './pem.ts';

/** A server certificate lives this long (browsers accept at most 398 days)… */
export const SERVER_CERT_DAYS = 90;
/** …and is replaced when fewer than this many days are left. */
export const RENEW_DAYS_BEFORE = 30;
const DAY_MS = 86_400_000;

export interface KeyAndCert {
  certPem: string;
  keyPem: string;
}

export function serverFiles(dir: string): { cert: string; key: string } {
  return { cert: join(dir, 'server.crt'), key: join(dir, 'server.key') };
}

/** A certificate for `names`, signed by the CA, valid 90 days (never past the CA's own end). */
export async function issueServerCert(ca: LocalCa, names: CertNames, now: Date, days = SERVER_CERT_DAYS): Promise<KeyAndCert> {
  const x509 = await loadX509();
  const keys = await newKeyPair();
  const caCert = new x509.X509Certificate(ca.certPem);
  const notAfter = Math.min(now.getTime() + days * DAY_MS, new Date(ca.cert.validTo).getTime());
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serialNumber(),
      subject: [{ CN: [names.dns.find((n) => n !== 'localhost') ?? names.dns[0] ?? 'localhost'] }, { O: ['lobbydesk'] }],
      issuer: caCert.subjectName,
      notBefore: new Date(now.getTime() - 3_600_000),
      notAfter: new Date(notAfter),
      publicKey: keys.publicKey,
      signingKey: await signingKey(ca.keyPem),
      signingAlgorithm: KEY_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
        new x509.SubjectAlternativeNameExtension([...names.dns.map((value) => ({ type: 'dns' as const, value })), ...names.ips.map((value) => ({ type: 'ip' as const, value }))], false),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, subtleCrypto),
        await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey, false, subtleCrypto),
      ],
    },
    subtleCrypto,
  );
  return { certPem: cert.toString('pem') + '\n', keyPem: await privateKeyPem(keys.privateKey) };
}

/** Why the certificate in hand must be replaced, or null when it is good for a while yet. */
export function renewalReason(current: KeyAndCert | null, ca: LocalCa, names: CertNames, now: Date): string | null {
  if (!current) return 'there is none yet';
  let cert: NodeX509;
  try {
    cert = new NodeX509(current.certPem);
    if (!cert.checkPrivateKey(createPrivateKey(current.keyPem))) return 'its key does not match';
  } catch {
    return 'it cannot be read';
  }
  if (!cert.checkIssued(ca.cert) || !cert.verify(ca.cert.publicKey)) return 'another CA signed it';
  const daysLeft = (new Date(cert.validTo).getTime() - now.getTime()) / DAY_MS;
  if (daysLeft < RENEW_DAYS_BEFORE) return `it expires in ${Math.max(0, Math.floor(daysLeft))} days`;
  const missing = [...names.dns.filter((n) => cert.checkHost(n, { subject: 'never', wildcards: false }) === undefined), ...names.ips.filter((ip) => cert.checkIP(ip) === undefined)];
  if (missing.length) return `it does not name ${missing.join(', ')}`;
  return null;
}

async function readPair(dir: string): Promise<KeyAndCert | null> {
  const files = serverFiles(dir);
  try {
    return { certPem: await readFile(files.cert, 'utf8'), keyPem: await readFile(files.key, 'utf8') };
  } catch {
    return null;
  }
}

/**
 * The server certificate in `dir` (server.crt, server.key), replaced first
 * when it is missing, expires within 30 days, was signed by another CA or
 * does not name every one of `names`. `renewed` says why it was replaced.
 */
export async function ensureServerCert(dir: string, ca: LocalCa, names: CertNames, now: Date): Promise<KeyAndCert & { renewed: string | null }> {
  const current = await readPair(dir);
  const reason = renewalReason(current, ca, names, now);
  if (current && reason === null) return { ...current, renewed: null };
  const next = await issueServerCert(ca, names, now);
  const files = serverFiles(dir);
  await writeWhole(files.key, next.keyPem, 0o600);
  await writeWhole(files.cert, next.certPem, 0o644);
  return { ...next, renewed: reason };
}
