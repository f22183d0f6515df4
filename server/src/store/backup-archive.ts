/**
 * The backup file: a plain ustar archive (`tar tvf` lists it) holding
 * `lobbydesk-backup.json` (the manifest, first), `pglite.tar.gz` (PGlite's
 * own `dumpDataDir('gzip')`) and the data folder's small files the server
 * needs with that database (the member-card signing key, the demo
 * credentials). The manifest records each entry's size and SHA-256 and what
 * the database held, so a truncated or altered file is refused before
 * anything on disk changes.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const MANIFEST_NAME = 'lobbydesk-backup.json';
export const DATABASE_ENTRY = 'pglite.tar.gz';
/** Files of the data folder that travel with the database (see README "Configuration"). */
export const SIDE_FILES = ['card-signing-key.json', 'demo-credentials.json'] as const;

/** An operator's mistake or a bad file: the CLIs print the message alone. */
export class BackupError extends Error {}

const Entry = z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** What the database held when it was backed up; a restore checks the restored copy against it. */
export const BackupCounts = z.object({
  requests: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  lastEventVersion: z.number().int().nonnegative(),
  issues: z.number().int().nonnegative(),
  luggageItems: z.number().int().nonnegative(),
  members: z.number().int().nonnegative(),
  migrations: z.array(z.string()),
});
export type BackupCounts = z.infer<typeof BackupCounts>;

export const BackupManifest = z.object({
  format: z.literal('lobbydesk-backup'),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  lobbydeskVersion: z.string(),
  /** `select version()` up to the PGlite version: a physical copy opens only under the same PostgreSQL major version. */
  postgres: z.string(),
  database: Entry,
  files: z.array(Entry),
  counts: BackupCounts,
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
export const describeEntry = (name: string, data: Uint8Array) => ({ name, bytes: data.length, sha256: sha256(data) });

// ---------------------------------------------------------------------------------------------
// ustar, just what a backup needs: regular files with short names.

const BLOCK = 512;

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 99) throw new Error(`tar: name too long: ${name}`);
  const h = Buffer.alloc(BLOCK);
  const field = (offset: number, length: number, value: string) => h.write(value, offset, length, 'ascii');
  const octal = (offset: number, length: number, value: number) => field(offset, length, value.toString(8).padStart(length - 1, '0') + '\0');
  h.write(name, 0, 100, 'utf8');
  octal(100, 8, 0o600);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, size);
  octal(136, 12, Math.floor(mtime.getTime() / 1000));
  field(148, 8, '        ');
  field(156, 1, '0');
  field(257, 6, 'ustar\0');
  field(263, 2, '00');
  let sum = 0;
  for (const b of h) sum += b;
  field(148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

export function packTar(entries: { name: string; data: Uint8Array }[], mtime: Date): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(header(e.name, e.data.length, mtime), Buffer.from(e.data));
    const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

const NOT_A_BACKUP = 'is not a lobbydesk backup (expected a tar archive made by `npm run backup`)';

/** Reads an archive made by packTar; refuses anything else, and an archive cut short. */
export function unpackTar(buf: Buffer, label: string): Map<string, Buffer> {
  if (buf.subarray(0, 5).toString('latin1') === 'PGDMP') {
    throw new BackupError(`${label} is a pg_dump file, not an embedded backup: restore it into PostgreSQL with pg_restore (docs/OPERATIONS.md)`);
  }
  const files = new Map<string, Buffer>();
  let at = 0;
  for (;;) {
    if (at + BLOCK > buf.length) {
      if (files.size === 0) throw new BackupError(`${label} ${NOT_A_BACKUP}`);
      throw new BackupError(`${label} is truncated: the archive ends before its end marker (was the copy cut short?)`);
    }
    const h = buf.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) {
      if (files.size === 0) throw new BackupError(`${label} ${NOT_A_BACKUP}`);
      return files;
    }
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    const stored = parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/s, '').trim(), 8);
    if (h.toString('ascii', 257, 262) !== 'ustar' || stored !== sum) {
      throw new BackupError(files.size === 0 ? `${label} ${NOT_A_BACKUP}` : `${label} is damaged: a tar header after ${[...files.keys()].join(', ')} is not valid`);
    }
    const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim(), 8);
    if (!Number.isSafeInteger(size) || size < 0) throw new BackupError(`${label} is damaged: entry ${name} has no valid size`);
    const start = at + BLOCK;
    if (start + size > buf.length) throw new BackupError(`${label} is truncated: entry ${name} should hold ${size} bytes, the file ends ${start + size - buf.length} bytes short`);
    files.set(name, buf.subarray(start, start + size));
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
}
