import { X509Certificate as NodeX509, createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { loadX509 } from './x509.ts';
import { KEY_ALGORITHM, newKeyPair, privateKeyPem, serialNumber, subtleCrypto, writeWhole } from './pem.ts';

/** The local certificate authority every device of the property trusts once. */
export interface LocalCa {
  certPem: string;
  keyPem: string;
  cert: NodeX509;
  /** SHA-256 of the certificate, colon-separated hex, as OSes show it when installing. */
  fingerprint: string;
}

export const CA_YEARS = 10;
const DAY_MS = 86_400_000;

export function caFiles(dir: string): { cert: string; key: string } {
  return { cert: join(dir, 'ca.crt'), key: join(dir, 'ca.key') };
}

async function readIfThere(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
}

function fromPem(certPem: string, keyPem: string): LocalCa {
  const cert = new NodeX509(certPem);
  return { certPem, keyPem, cert, fingerprint: cert.fingerprint256 };
}

/** A new CA: "lobbydesk local CA (<host name>)", 10 years, may sign server certificates only (path length 0). */
export async function createCa(now: Date): Promise<LocalCa> {
  const x509 = await loadX509();
  const keys = await newKeyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serialNumber(),
      name: [{ CN: [`lobbydesk local CA (${hostname()})`] }, { O: ['lobbydesk'] }],
      // An hour back: a device whose clock runs a little behind still accepts it.
      notBefore: new Date(now.getTime() - 3_600_000),
      notAfter: new Date(now.getTime() + CA_YEARS * 365 * DAY_MS),
      keys,
      signingAlgorithm: KEY_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, subtleCrypto),
      ],
    },
    subtleCrypto,
  );
  return fromPem(cert.toString('pem') + '\n', await privateKeyPem(keys.privateKey));
}

/**
 * The CA in `dir` (ca.crt, ca.key), created on the first start. A CA that
 * exists only by half, whose key does not match, or that has expired is an
 * error at start: making a new one silently would make every device that
 * trusts the old one refuse the server.
 */
export async function loadOrCreateCa(dir: string, now: Date): Promise<{ ca: LocalCa; created: boolean }> {
  const files = caFiles(dir);
  const [certPem, keyPem] = await Promise.all([readIfThere(files.cert), readIfThere(files.key)]);
  const fix = `restore it, or delete ${dir} to create a new CA (every device must then trust the new one)`;
  if (certPem === null && keyPem === null) {
    const ca = await createCa(now);
    await writeWhole(files.key, ca.keyPem, 0o600);
    await writeWhole(files.cert, ca.certPem, 0o644);
    return { ca, created: true };
  }
  if (certPem === null || keyPem === null) throw new Error(`TLS: ${certPem === null ? files.cert : files.key} is missing: ${fix}`);
  let ca: LocalCa;
  try {
    ca = fromPem(certPem, keyPem);
    if (!ca.cert.checkPrivateKey(createPrivateKey(keyPem))) throw new Error('the key does not belong to the certificate');
  } catch (e) {
    throw new Error(`TLS: the CA in ${dir} cannot be used (${e instanceof Error ? e.message : String(e)}): ${fix}`, { cause: e });
  }
  if (new Date(ca.cert.validTo).getTime() <= now.getTime()) throw new Error(`TLS: the CA in ${dir} expired on ${ca.cert.validTo}: delete ${dir} to create a new CA (every device must then trust the new one)`);
  return { ca, created: false };
}
