import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBare, decodeFrame } from '../../kiosk/src/features/scan/decode.ts';
import { loadQrPhotos, type QrPhoto } from '../bench/scan.bench.ts';

/**
 * Known fixture disagreement: qrcode-2/13.txt says "…aerial photograph of…",
 * but the symbol encodes "…aerial photography of…" (zxing reads it with 2–3
 * corrected codewords per block out of 12 correctable, far from a
 * miscorrection). Reading that text is not a misread; it still is not counted
 * as decoded, since it is not the fixture's text.
 */
const FIXTURE_DISAGREES: Record<string, string> = {
  'qrcode-2/13.png': 'The 2005 USGS aerial photography of the Washington Monument is censored.',
};

/**
 * The production budget is 60 ms a frame; here it is generous so that a busy
 * CI machine (tests run in parallel forks) cannot turn timing into failures.
 * The bench measures counts and time at the production budget.
 */
const BUDGET_MS = 2_000;

describe('QR decode on real photographs', () => {
  let photos: QrPhoto[];
  beforeAll(() => {
    photos = loadQrPhotos();
  });

  it('reads at least as many photos as a bare QRCodeReader with TRY_HARDER, and never misreads', () => {
    let decoded = 0;
    let bare = 0;
    const misreads: string[] = [];
    const missed: string[] = [];
    for (const p of photos) {
      const result = decodeFrame(p, { budgetMs: BUDGET_MS });
      if (result?.text === p.expected) decoded++;
      else if (result === null) missed.push(p.name);
      else if (FIXTURE_DISAGREES[p.name] !== result.text) misreads.push(`${p.name}: ${JSON.stringify(result.text.slice(0, 60))}`);
      if (decodeBare(p) === p.expected) bare++;
    }
    console.log(`scan pipeline: ${decoded}/${photos.length} decoded; bare QRCodeReader+TRY_HARDER: ${bare}/${photos.length}; not read: ${missed.join(', ') || 'none'}`);
    expect(photos.length).toBeGreaterThanOrEqual(55);
    expect(misreads).toEqual([]);
    expect(decoded).toBeGreaterThanOrEqual(bare);
    // The point of the pipeline: it must do better than the bare reader, not just as well.
    expect(decoded).toBeGreaterThan(bare);
  });

  it('reports how it read a frame: attempts, time and the attempt that worked', () => {
    const p = photos.find((x) => x.name === 'qrcode-1/7.png')!;
    const result = decodeFrame(p, { budgetMs: BUDGET_MS });
    expect(result).toMatchObject({ text: p.expected, attempts: expect.any(Number), ms: expect.any(Number), via: expect.any(String) });
    expect(result!.attempts).toBeGreaterThanOrEqual(1);
  });

  it('reads a grayscale frame (1 byte a pixel) the same as its RGBA original', () => {
    const p = photos.find((x) => x.name === 'qrcode-1/3.png')!;
    const gray = new Uint8ClampedArray(p.width * p.height);
    for (let i = 0; i < gray.length; i++) gray[i] = (p.data[i * 4]! + 2 * p.data[i * 4 + 1]! + p.data[i * 4 + 2]!) >> 2;
    expect(decodeFrame({ data: gray, width: p.width, height: p.height }, { budgetMs: BUDGET_MS })?.text).toBe(p.expected);
  });

  it('reads a code shown inverted (light on dark, a phone in dark mode)', () => {
    const p = photos.find((x) => x.name === 'qrcode-2/1.png')!;
    const inverted = p.data.map((v, i) => (i % 4 === 3 ? v : 255 - v));
    expect(decodeBare({ ...p, data: inverted })).toBeNull();
    expect(decodeFrame({ ...p, data: inverted }, { budgetMs: BUDGET_MS })?.text).toBe(p.expected);
  });

  it('stops at the time budget: with a clock that jumps past it, only the first attempt runs', () => {
    let t = 0;
    const noise = randomFrame(640, 480, 1);
    expect(decodeFrame(noise, { budgetMs: 60, now: () => (t += 100) })).toBeNull();
  });
});

describe('QR decode on frames without a code', () => {
  it.each([
    ['a blank white frame', { data: new Uint8ClampedArray(640 * 480 * 4).fill(255), width: 640, height: 480 }],
    ['a black frame', { data: new Uint8ClampedArray(640 * 480 * 4).fill(0).map((v, i) => (i % 4 === 3 ? 255 : v)), width: 640, height: 480 }],
    ['random noise', randomFrame(640, 480, 42)],
    ['tiny random noise', randomFrame(7, 5, 3)],
    ['a 1×1 frame', { data: new Uint8ClampedArray([0, 0, 0, 255]), width: 1, height: 1 }],
    ['a large gray frame', { data: new Uint8ClampedArray(1920 * 1080).fill(128), width: 1920, height: 1080 }],
  ])('returns null for %s without throwing', (_name, frame) => {
    expect(decodeFrame(frame, { budgetMs: BUDGET_MS })).toBeNull();
  });

  it('throws on a malformed frame (wrong buffer size), which is a caller bug', () => {
    expect(() => decodeFrame({ data: new Uint8ClampedArray(10), width: 640, height: 480 })).toThrow(RangeError);
  });
});

/** Deterministic RGBA noise. */
function randomFrame(width: number, height: number, seed: number) {
  const data = new Uint8ClampedArray(width * height * 4);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    data[i] = i % 4 === 3 ? 255 : s >>> 24;
  }
  return { data, width, height };
}
