import { createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { chmod, rename, writeFile } from 'node:fs/promises';

/** ECDSA P-256 with SHA-256: accepted by every browser and OS a hotel's devices run, and fast to create. */
export const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** Node's WebCrypto, typed as the DOM's `Crypto` that @peculiar/x509 takes. */
export const subtleCrypto = webcrypto as unknown as Crypto;

export function newKeyPair(): Promise<CryptoKeyPair> {
  return subtleCrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

/** A PKCS#8 PEM private key from a WebCrypto key. */
export async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await subtleCrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

/** A PEM private key (PKCS#8, or the EC/RSA forms OpenSSL writes) as a WebCrypto signing key. */
export function signingKey(pem: string): Promise<CryptoKey> {
  const der = createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
  return subtleCrypto.subtle.importKey('pkcs8', der, KEY_ALGORITHM, false, ['sign']);
}

/** A random positive serial number (16 bytes, hex), never with a leading zero byte. */
export function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes.toString('hex');
}

/** Writes a file whole (a temporary file renamed over it), so a reader never sees half of one. */
export async function writeWhole(path: string, data: string, mode: number): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data, { mode });
  await chmod(tmp, mode);
  await rename(tmp, path);
}
