/**
 * The guest's phone page (`/t/<token>`, kiosk/follow): what a phone downloads before it shows the ticket —
 * the HTML, the scripts and stylesheets it references (gzip) — and, separately, the QR chunk it loads only
 * for a luggage claim. Budget: 20 kB gzip for the first (issue #14). Reads the build (`npm run build`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FollowWeight {
  /** index.html + the JS and CSS it references, gzip. */
  pageGzipKb: number;
  /** Every other script of the build (the lazy QR generator), gzip. */
  lazyGzipKb: number;
}

const gz = (bytes: Buffer) => gzipSync(bytes).length / 1024;

export async function followWeight(dist = join(process.env.LOBBYDESK_DIST ?? 'dist', 'follow')): Promise<FollowWeight> {
  const html = await readFile(join(dist, 'index.html'));
  const refs = [...html.toString('utf8').matchAll(/(?:src|href)="\/t\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  if (!refs.some((r) => r.endsWith('.js'))) throw new Error(`${dist}/index.html references no script: is it the follow build?`);
  let page = gz(html);
  for (const ref of refs) page += gz(await readFile(join(dist, ref)));
  let lazy = 0;
  for (const f of await readdir(join(dist, 'assets'))) {
    if (f.endsWith('.js') && !refs.includes(`assets/${f}`)) lazy += gz(await readFile(join(dist, 'assets', f)));
  }
  return { pageGzipKb: page, lazyGzipKb: lazy };
}
