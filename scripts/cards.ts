/**
 * `npm run cards [folder]`: a printable sheet of member cards (QR token,
 * name, tier, typed code) as <folder>/index.html, default data/cards/.
 * Opens the store the way the server does (embedded data folder, or
 * DATABASE_URL) and signs with the same key (data folder or
 * LOBBYDESK_CARD_KEY). In embedded mode, stop the server first: one
 * process at a time may open the embedded database.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import { cardSheetHtml, printableCard } from '../server/src/members/card-render.ts';
import { loadCardKeys } from '../server/src/members/cards.service.ts';
import { allMemberCards } from '../server/src/members/members.repo.ts';
import { migrate } from '../server/src/store/migrate.ts';
import { openPglite } from '../server/src/store/pglite.ts';
import { openPostgres } from '../server/src/store/postgres.ts';
import type { Store } from '../server/src/store/store.ts';

const config = loadConfig();
const outDir = resolve(process.argv[2] ?? join(config.dataDir, 'cards'));

async function openStore(): Promise<Store> {
  if (config.databaseUrl) return (await openPostgres(config.databaseUrl, 2)).store;
  await mkdir(config.dataDir, { recursive: true });
  return openPglite(join(config.dataDir, 'pglite'));
}

const store = await openStore();
try {
  await migrate(store);
  const keys = await loadCardKeys(config.dataDir, config.cardKey);
  const members = await allMemberCards(store.db);
  const cards = await Promise.all(members.map((m) => printableCard(keys, m)));
  const html = cardSheetHtml(cards);
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'index.html'), html);
  console.log(`wrote ${members.length} cards to ${join(outDir, 'index.html')}`);
} finally {
  await store.close();
}
