/**
 * PostgreSQL is backed up with pg_dump and restored with pg_restore into a
 * new, empty database. `npm run backup` / `npm run restore` with
 * DATABASE_URL set print the exact commands (built here) rather than run
 * them; docs/OPERATIONS.md explains them and tests/integration/backup.test.ts
 * runs them as printed.
 */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BackupError } from './backup-archive.ts';
import { stamp } from './backup.ts';

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export const defaultDumpFile = (now: Date) => `lobbydesk-${stamp(now)}.dump`;

/** What `npm run backup` says when DATABASE_URL is set: the exact pg_dump command. */
export function postgresBackupAdvice(out: string): { command: string; text: string[] } {
  const command = `pg_dump --format=custom --file=${shellQuote(resolve(out))} "$DATABASE_URL"`;
  return {
    command,
    text: [
      'DATABASE_URL is set: lobbydesk keeps its data in PostgreSQL, and PostgreSQL is backed up with pg_dump, not with this command. Nothing was written.',
      'Run this (pg_dump of the server\'s major version or newer; the lobbydesk servers may keep running, pg_dump reads one consistent snapshot):',
      '',
      `  ${command}`,
      '',
      'Keep LOBBYDESK_CARD_KEY (or card-signing-key.json from the data folder) with the dump: the member cards are signed with it and it is not in the database.',
      'To restore: `npm run restore -- <file>` with the same DATABASE_URL prints the steps; docs/OPERATIONS.md explains them.',
    ],
  };
}

/** Refuses a file that is not a pg_dump custom-format archive (what postgresBackupAdvice makes). */
export async function checkDumpFile(file: string): Promise<void> {
  const label = resolve(file);
  const fd = await open(label, 'r').catch((e: NodeJS.ErrnoException) => {
    throw new BackupError(e.code === 'ENOENT' ? `${label} does not exist` : `${label} could not be read (${e.code ?? e.message})`);
  });
  const head = Buffer.alloc(512);
  const { bytesRead } = await fd.read(head, 0, 512, 0).finally(() => fd.close());
  if (head.subarray(0, 5).toString('latin1') !== 'PGDMP') {
    const hint = bytesRead >= 262 && head.toString('latin1', 257, 262) === 'ustar' ? ' (it looks like an embedded backup: restore it without DATABASE_URL set)' : '';
    throw new BackupError(`${label} is not a pg_dump custom-format file${hint}`);
  }
}

/** What `npm run restore` says when DATABASE_URL is set: restore into a new, empty database, then point lobbydesk at it. */
export function postgresRestoreSteps(file: string, databaseUrl: string, now: Date): { database: string; restoreUrl: string; commands: string[]; text: string[] } {
  const url = new URL(databaseUrl);
  const current = decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || 'postgres';
  const t = now.toISOString();
  const database = `${current.slice(0, 40)}_restored_${t.slice(0, 10).replace(/-/g, '')}_${t.slice(11, 16).replace(':', '')}`;
  url.pathname = `/${encodeURIComponent(database)}`;
  const hasPassword = url.password !== '';
  if (hasPassword) url.password = 'PASSWORD';
  const restoreUrl = url.toString();
  const commands = [
    `createdb --maintenance-db="$DATABASE_URL" --template=template0 ${shellQuote(database)}`,
    `pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$RESTORE_URL" ${shellQuote(resolve(file))}`,
  ];
  return {
    database,
    restoreUrl,
    commands,
    text: [
      'DATABASE_URL is set: lobbydesk keeps its data in PostgreSQL, which is restored with pg_restore into a new, empty database, not with this command. Nothing was changed.',
      'The current database stays as it is until you choose to drop it.',
      '',
      '  1. Stop every lobbydesk instance.',
      `  2. ${commands[0]}`,
      `  3. export RESTORE_URL=${shellQuote(restoreUrl)}${hasPassword ? '   (put the password of DATABASE_URL in place of PASSWORD)' : ''}`,
      `  4. ${commands[1]}`,
      '  5. Set DATABASE_URL to $RESTORE_URL on every instance (and the same LOBBYDESK_CARD_KEY as before), then start them.',
      '',
      'Then reload every tablet, kiosk and wall display: docs/OPERATIONS.md, "After a restore".',
    ],
  };
}
