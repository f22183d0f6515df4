/**
 * `npm run backup -- [--out <file>]`: backs up the embedded database of the
 * data folder the server uses (LOBBYDESK_DATA, default ./data) to one file,
 * default <data>/backups/lobbydesk-<time>.tar. The server must be stopped
 * (PGlite is one process); a running one is detected and the backup refused.
 * With DATABASE_URL set it prints the pg_dump command instead and exits 1.
 * Logic: server/src/store/backup.ts; guide: docs/OPERATIONS.md.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.ts';
import { backupEmbedded, BackupError, describeCounts } from '../server/src/store/backup.ts';
import { defaultDumpFile, postgresBackupAdvice } from '../server/src/store/backup-postgres.ts';

const USAGE = 'usage: npm run backup -- [--out <file>]';

let args: { out?: string; help?: boolean };
try {
  args = parseArgs({ options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false }).values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(`${USAGE}\nBacks up the embedded database (LOBBYDESK_DATA, default ./data; stop the server first). See docs/OPERATIONS.md.`);
  process.exit(0);
}

const config = loadConfig();
const now = new Date();

if (config.databaseUrl) {
  console.log(postgresBackupAdvice(args.out ?? defaultDumpFile(now)).text.join('\n'));
  process.exit(1);
}

try {
  const r = await backupEmbedded({ dataDir: config.dataDir, out: args.out, now });
  const lines = [`Backed up the embedded database in ${config.dataDir}`, `  to             ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB)`, `  made           ${r.manifest.createdAt}`, ...describeCounts(r.manifest.counts)];
  if (r.manifest.files.length) lines.push(`  with           ${r.manifest.files.map((f) => f.name).join(', ')} (the file holds secrets: keep it as safe as the data folder)`);
  if (r.recovered) lines.push('Note: the database had not been closed cleanly (the server stopped abruptly); PGlite recovered it before the backup.');
  lines.push('Copy it off this machine. Restore with: npm run restore -- <file>');
  console.log(lines.join('\n'));
} catch (e) {
  if (!(e instanceof BackupError)) throw e;
  console.error(`Backup refused: ${e.message}`);
  process.exit(1);
}
