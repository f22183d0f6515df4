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
import QRCode from 'qrcode';
import { cardCode } from '../shared/domain/card-token.ts';
import { loadConfig } from '../server/src/config.ts';
import { loadCardKeys } from '../server/src/members/cards.service.ts';
import { allMemberCards } from '../server/src/members/members.repo.ts';
import { migrate } from '../server/src/store/migrate.ts';
import { openPglite } from '../server/src/store/pglite.ts';
import { openPostgres } from '../server/src/store/postgres.ts';
import type { Store } from '../server/src/store/store.ts';

const config = loadConfig();
const outDir = resolve(process.argv[2] ?? join(config.dataDir, 'cards'));

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

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
  const cards = await Promise.all(
    members.map(async (m) => {
      const token = keys.issue(m.card_id, m.card_version);
      // One alphanumeric segment: the token fits QR version 5 at level M (see shared/domain/card-token.ts).
      const svg = await QRCode.toString([{ data: token, mode: 'alphanumeric' }], { type: 'svg', errorCorrectionLevel: 'M', version: 5, margin: 2 });
      return `<article class="card">
  <div class="qr">${svg}</div>
  <div class="who"><h2>${escape(m.name)}</h2><p class="tier">${escape(m.tier)}</p><p class="code">${cardCode(m.card_id, m.card_version)}</p><p class="ver">card v${m.card_version}</p></div>
</article>`;
    }),
  );
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lobbydesk member cards</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 10mm; color: #0f3d3e; }
  h1 { font-size: 14pt; }
  .sheet { display: grid; grid-template-columns: repeat(2, 85.6mm); gap: 6mm; }
  .card { width: 85.6mm; height: 54mm; box-sizing: border-box; border: 1px solid #c9a55a; border-radius: 3mm; padding: 4mm; display: flex; gap: 4mm; align-items: center; break-inside: avoid; }
  .qr svg { width: 40mm; height: 40mm; display: block; }
  .who h2 { font-size: 13pt; margin: 0 0 1mm; }
  .tier { text-transform: uppercase; letter-spacing: 0.1em; font-size: 9pt; margin: 0 0 3mm; }
  .code { font-family: ui-monospace, monospace; font-size: 11pt; font-weight: 700; margin: 0; white-space: nowrap; }
  .ver { font-size: 7pt; color: #777; margin: 1mm 0 0; }
</style></head>
<body><h1>Member cards (${members.length})</h1><div class="sheet">
${cards.join('\n')}
</div></body></html>
`;
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'index.html'), html);
  console.log(`wrote ${members.length} cards to ${join(outDir, 'index.html')}`);
} finally {
  await store.close();
}
