/**
 * Generators of what a lobby really sends: text with every kind of
 * character PostgreSQL or a screen can choke on, integers at every column's
 * edge, dates at the ends of the calendar and device clocks months off.
 * Used by the route fuzzer and the queue-drain property (gauntlet-*).
 */
import fc from 'fast-check';

const DAY_MS = 24 * 3600_000;

/** Characters that have broken something somewhere: NUL, lone surrogates, bidi controls, C0/C1, noncharacters, 4-byte and combining. */
export const NASTY_CHARS = [
  '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', // C0, DEL, C1
  '\ud800', '\udbff', '\udc00', '\udfff', // lone surrogates
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', // bidi embedding / override / isolate
  '\ufeff', '\ufffe', '\uffff', '\u200b', '\u200d', // BOM, noncharacters, zero-width
  '𠮷', '🧳', '👩🏽‍🦰', '\u0301', '\n', '\t', '\r',
];

/** Free text as hostile as a lobby gets: full Unicode (4-byte included), and runs with the characters above spliced in. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .tuple(fc.string({ maxLength: 12 }), fc.array(fc.constantFrom(...NASTY_CHARS), { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 12 }))
    .map(([a, bad, b]) => a + bad.join('') + b),
);

/** Integers at the edges of int4, int8 and what a double holds exactly. */
export const edgeInteger: fc.Arbitrary<number> = fc.constantFrom(
  0, -1, 1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), -(2 ** 53) + 1, 2 ** 63, -(2 ** 63), 1e308, -1e308,
);

/** ISO times at the ends of the calendar and a device clock up to ±400 days off. */
export const edgeDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0001-01-01T00:00:00.000Z', '0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59-12:00', '1970-01-01T00:00:00Z', '2038-01-19T03:14:08Z'),
  fc.integer({ min: -400, max: 400 }).map((d) => new Date(Date.now() + d * DAY_MS).toISOString()),
);

/** Service days a forged or broken kiosk might claim. */
export const edgeDay: fc.Arbitrary<string> = fc.constantFrom('0000-99-99', '0001-01-01', '9999-12-31', '2099-01-01', '2026-02-30', '1999-12-31', '2026-13-01');
