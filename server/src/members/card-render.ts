/**
 * A member card as printed: the signed QR token as SVG (one alphanumeric
 * segment: the token fits QR version 5 at level M, see
 * shared/domain/card-token.ts), the typed code, name and tier. Used by
 * `GET /api/members/:id/card` and by `npm run cards` (a sheet of all cards).
 */
import QRCode from 'qrcode';
import { cardCode } from '../../../shared/domain/card-token.ts';
import type { CardKeys } from './cards.service.ts';
import type { MemberRow } from './members.repo.ts';

export interface PrintableCard {
  name: string;
  tier: string;
  cardVersion: number;
  code: string;
  token: string;
  qrSvg: string;
}

export async function printableCard(keys: CardKeys, m: MemberRow): Promise<PrintableCard> {
  const token = keys.issue(m.card_id, m.card_version);
  const qrSvg = await QRCode.toString([{ data: token, mode: 'alphanumeric' }], { type: 'svg', errorCorrectionLevel: 'M', version: 5, margin: 2 });
  return { name: m.name, tier: m.tier, cardVersion: m.card_version, code: cardCode(m.card_id, m.card_version), token, qrSvg };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A standalone printable HTML sheet of cards (85.6 × 54 mm each). */
export function cardSheetHtml(cards: readonly PrintableCard[]): string {
  const articles = cards.map(
    (c) => `<article class="card">
  <div class="qr">${c.qrSvg}</div>
  <div class="who"><h2>${escape(c.name)}</h2><p class="tier">${escape(c.tier)}</p><p class="code">${c.code}</p><p class="ver">card v${c.cardVersion}</p></div>
</article>`,
  );
  return `<!doctype html>
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
<body><h1>Member cards (${cards.length})</h1><div class="sheet">
${articles.join('\n')}
</div></body></html>
`;
}
