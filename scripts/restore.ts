/**
 * `npm run restore -- <file> [--force]`: restores a backup made by
 * `npm run backup` into the data folder the server uses (LOBBYDESK_DATA,
 * default ./data). The server must be stopped. A database already there is
 * replaced only with --force, and then kept aside, renamed; the backup is
 * checked (complete, opens, holds what its manifest says) before anything
 * moves. With DATABASE_URL set it prints the pg_restore steps and exits 1.
 * Logic: server/src/store/backup.ts; guide: docs/OPERATIONS.md.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.ts';
import { BackupError, describeCounts, restoreEmbedded } from '../server/src/store/backup.ts';
import { checkDumpFile, postgresRestoreSteps } from '../server/src/store/backup-postgres.ts';

const USAGE = 'usage: npm run restore -- <backup file> [--force]';

let parsed: { values: { force?: boolean; help?: boolean }; positionals: string[] };
try {
  parsed = parseArgs({ options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(`${USAGE}\nRestores a backup into the embedded database (LOBBYDESK_DATA, default ./data; stop the server first). See docs/OPERATIONS.md.`);
  process.exit(0);
}
const [file, ...extra] = parsed.positionals;
if (!file || extra.length) {
  console.error(`${file ? `one backup file, please (got ${parsed.positionals.length})` : 'which backup file?'}\n${USAGE}`);
  process.exit(2);
}

const config = loadConfig();

try {
  if (config.databaseUrl) {
    await checkDumpFile(file);
    console.log(postgresRestoreSteps(file, config.databaseUrl, new Date()).text.join('\n'));
    process.exit(1);
  }
  const r = await restoreEmbedded({ dataDir: config.dataDir, file, force: parsed.values.force });
  const lines = [
    `Restored ${file}`,
    `  into           ${r.databaseDir}`,
    `  backup made    ${r.manifest.createdAt} (lobbydesk ${r.manifest.lobbydeskVersion}, ${r.manifest.postgres})`,
    ...describeCounts(r.counts),
  ];
  if (r.keptAside) lines.push(`  previous database kept in ${r.keptAside}`);
  for (const name of r.replacedFiles) lines.push(`  previous ${name} kept as ${name}.before-restore-*`);
  lines.push(
    'Start the server. Anything done after the backup was made is not in it; screens whose view is newer take a fresh snapshot on their next pull,',
    'and kiosks deliver what is still in their outboxes. Reload every tablet, kiosk and wall display to be sure (docs/OPERATIONS.md, "After a restore").',
  );
  console.log(lines.join('\n'));
} catch (e) {
  if (!(e instanceof BackupError)) throw e;
  console.error(`Restore refused, nothing was changed: ${e.message}`);
  process.exit(1);
}
