/**
 * The short reference a guest gets for a complaint left at the kiosk
 * ("C-A4K7"): told on the thank-you screen (and read aloud), stored on the
 * issue, searched on the tablet's board.
 *
 * The kiosk mints it, so it is there at once even offline: `C-`, the kiosk's
 * letter (unique among a property's active kiosks), then the kiosk letter's
 * complaint counter `n` (1, 2, 3…), scrambled so consecutive complaints do not
 * look consecutive and written in 28 characters nobody confuses when reading
 * aloud (no 0/O, 1/I/L, 5/S, 8/B, 2/Z). Three characters hold 21 951
 * complaints per letter; after that the code grows to four, then five. Two
 * different counters of one letter never give the same reference (the
 * scrambling is a bijection for each width, and widths differ in length), and
 * the counter only moves forward: the kiosk takes max(its own, the server's
 * highest for its letter — `DeviceMe.lastComplaintNo`). The one way two
 * complaints can still carry one reference (a revoked kiosk, offline, delivers
 * late after its letter went to a new kiosk) is settled by the server, which
 * keeps both and suffixes the later one (`C-A4K7-2`); a search for what the
 * guest was told finds both.
 */
export const REF_ALPHABET = '23456789ACDEFGHJKMNPQRTUVWXY';
const BASE = REF_ALPHABET.length; // 28
/** Coprime with 28, so `n * MULT mod 28^w` is a bijection for every width w. */
const MULT = 7919;

/** `C-` + kiosk letter + 3–5 characters, optionally `-2`… when the server had to settle a clash. */
export const COMPLAINT_REF_RE = /^C-[A-Z][2-9ACDEFGHJKMNPQRTUVWXY]{3,5}(?:-[2-9]\d*)?$/;

function widthOf(n: number): number {
  let w = 3;
  while (n >= BASE ** w) w++;
  return w;
}

/** The reference of complaint number `n` (a positive integer) of the kiosk with `letter`. */
export function formatComplaintRef(letter: string, n: number): string {
  if (!/^[A-Z]$/.test(letter)) throw new Error('a kiosk letter is one capital letter');
  if (!Number.isSafeInteger(n) || n < 1 || n >= BASE ** 5) throw new Error('complaint number out of range');
  const w = widthOf(n);
  let code = Number((BigInt(n) * BigInt(MULT)) % BigInt(BASE ** w));
  let out = '';
  for (let i = 0; i < w; i++) {
    out = REF_ALPHABET[code % BASE]! + out;
    code = Math.floor(code / BASE);
  }
  return `C-${letter}${out}`;
}

/** Modular inverse of MULT modulo m (extended Euclid). */
function inverse(m: number): bigint {
  let [a, b, x0, x1] = [BigInt(MULT) % BigInt(m), BigInt(m), 1n, 0n];
  while (b !== 0n) {
    const q = a / b;
    [a, b] = [b, a - q * b];
    [x0, x1] = [x1, x0 - q * x1];
  }
  return ((x0 % BigInt(m)) + BigInt(m)) % BigInt(m);
}

/** The kiosk letter and counter behind a reference (a `-2` suffix ignored); null when it is not one. */
export function parseComplaintRef(ref: string): { letter: string; n: number } | null {
  if (!COMPLAINT_REF_RE.test(ref)) return null;
  const body = ref.slice(3).split('-')[0]!;
  const w = body.length;
  let code = 0;
  for (const ch of body) code = code * BASE + REF_ALPHABET.indexOf(ch);
  const m = BASE ** w;
  const n = Number((BigInt(code) * inverse(m)) % BigInt(m));
  // A code of width w stands for a counter of that width only.
  if (n < 1 || widthOf(n) !== w) return null;
  return { letter: ref[2]!, n };
}

/** What staff type into the board's search, made comparable with references: capitals, no spaces, `C4K7` → `C-4K7`. */
export function normalizeRefQuery(q: string): string {
  const s = q.toUpperCase().replace(/[\s_]/g, '');
  return /^C[A-Z0-9]/.test(s) && !s.startsWith('C-') ? `C-${s.slice(1)}` : s;
}
