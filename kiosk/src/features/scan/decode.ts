/**
 * QR decode of one frame with @zxing/library: a list of attempts, cheapest
 * first, tried until one reads or the frame's time budget runs out. Pure (no
 * DOM): the scan worker calls it, and so do the Node tests and the bench.
 *
 * zxing is imported by deep ESM paths on purpose: the package's barrel has side
 * effects, so `from '@zxing/library'` bundles all of it (~135 KB gzip) where
 * these paths bundle the QR reader only (the worker chunk is ~26 KB gzip). The paths are those of
 * the 0.23 layout; check them when upgrading.
 */
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap';
import DecodeHintType from '@zxing/library/esm/core/DecodeHintType';
import GlobalHistogramBinarizer from '@zxing/library/esm/core/common/GlobalHistogramBinarizer';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer';
import InvertedLuminanceSource from '@zxing/library/esm/core/InvertedLuminanceSource';
import type LuminanceSource from '@zxing/library/esm/core/LuminanceSource';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource';
import { centerCrop, downscale, rotate180, rotate90, toLuma, upscale, type Frame, type Luma } from './luma.ts';

export type { Frame } from './luma.ts';

export interface DecodeResult {
  text: string;
  /** Attempts made, the successful one included. */
  attempts: number;
  /** Wall time spent on this frame, luma conversion included. */
  ms: number;
  /** Which attempt read it, e.g. `rot90/global` (for logs and tuning). */
  via: string;
}

export interface DecodeOptions {
  /** Stop starting new attempts once this much time has passed (the first attempt always runs). Default 60. */
  budgetMs?: number;
  /** Clock, for tests. Default `performance.now`. */
  now?: () => number;
}

export const DEFAULT_BUDGET_MS = 60;
/** Frames longer than this on their longest side are first shrunk to about 640 (a kiosk camera delivers 640×480). */
const MAX_SIDE = 1024;
const WORK_SIDE = 640;
/** Frames shorter than this on their longest side are also tried at twice the size. */
const SMALL_SIDE = 360;

type View = 'base' | 'rot90' | 'rot180' | 'rot270' | 'resized' | 'crop' | 'original';
interface Attempt {
  view: View;
  binarizer: 'global' | 'hybrid';
  hard?: boolean;
  invert?: boolean;
  pure?: boolean;
}

/**
 * Cheapest and most productive first. On the ZXing photo set, `base/global`
 * alone reads as many as a bare reader, `base/hybrid` adds the low-contrast
 * ones; the rest are for what a lobby throws at it: a phone in dark mode
 * (inverted), a code held sideways, far away (small) or close (large), and
 * clean print (pure).
 */
const PLAN: readonly Attempt[] = [
  { view: 'base', binarizer: 'global' },
  { view: 'base', binarizer: 'hybrid' },
  { view: 'base', binarizer: 'hybrid', invert: true },
  { view: 'rot90', binarizer: 'global' },
  { view: 'base', binarizer: 'hybrid', hard: true },
  { view: 'resized', binarizer: 'hybrid' },
  { view: 'resized', binarizer: 'global' },
  { view: 'base', binarizer: 'global', invert: true },
  { view: 'rot90', binarizer: 'hybrid', hard: true },
  { view: 'crop', binarizer: 'global' },
  { view: 'crop', binarizer: 'hybrid', hard: true },
  { view: 'rot180', binarizer: 'hybrid', hard: true },
  { view: 'rot270', binarizer: 'global' },
  { view: 'base', binarizer: 'hybrid', pure: true },
  { view: 'original', binarizer: 'hybrid', hard: true },
];

const HINTS_FAST = new Map<DecodeHintType, unknown>();
const HINTS_HARD = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
const HINTS_PURE = new Map<DecodeHintType, unknown>([[DecodeHintType.PURE_BARCODE, true]]);
const reader = new QRCodeReader();

/** One zxing call; any zxing exception (not found, checksum, format…) is a miss. */
function read(img: Luma, binarizer: 'global' | 'hybrid', hints: Map<DecodeHintType, unknown>, invert = false): string | null {
  let source: LuminanceSource = new RGBLuminanceSource(img.data, img.width, img.height);
  if (invert) source = new InvertedLuminanceSource(source);
  const bitmap = new BinaryBitmap(binarizer === 'hybrid' ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source));
  try {
    return reader.decode(bitmap, hints).getText();
  } catch {
    return null;
  } finally {
    reader.reset();
  }
}

/** The views of one frame, made on first use. `null` when a view does not apply to this size. */
function views(original: Luma): (v: View) => Luma | null {
  const longest = Math.max(original.width, original.height);
  const base = longest > MAX_SIDE ? downscale(original, Math.ceil(longest / WORK_SIDE)) : original;
  const made = new Map<View, Luma | null>([['base', base]]);
  const make = (v: View): Luma | null => {
    const b = Math.max(base.width, base.height);
    switch (v) {
      case 'base':
        return base;
      case 'rot90':
        return rotate90(base);
      case 'rot180':
        return rotate180(base);
      case 'rot270':
        return rotate180(get('rot90')!);
      case 'resized':
        if (b < SMALL_SIDE) return upscale(base, 2);
        return Math.min(base.width, base.height) >= 400 ? downscale(base, 2) : null;
      case 'crop':
        return Math.min(base.width, base.height) >= 240 ? centerCrop(base, 0.6) : null;
      case 'original':
        return base === original ? null : original;
    }
  };
  const get = (v: View): Luma | null => {
    if (!made.has(v)) made.set(v, make(v));
    return made.get(v)!;
  };
  return get;
}

/** Reads the QR code in a frame, or null. Never throws on image content; throws only on a malformed frame. */
export function decodeFrame(frame: Frame, options: DecodeOptions = {}): DecodeResult | null {
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const started = now();
  const view = views(toLuma(frame));
  let attempts = 0;
  for (const a of PLAN) {
    if (attempts > 0 && now() - started >= budget) break;
    const img = view(a.view);
    if (!img) continue;
    attempts++;
    const hints = a.pure ? HINTS_PURE : a.hard ? HINTS_HARD : HINTS_FAST;
    const text = read(img, a.binarizer, hints, a.invert);
    if (text !== null) {
      const via = `${a.view}/${a.binarizer}${a.invert ? '/inverted' : ''}${a.hard ? '/hard' : ''}${a.pure ? '/pure' : ''}`;
      return { text, attempts, ms: now() - started, via };
    }
  }
  return null;
}

/**
 * The baseline the pipeline is measured against: one QRCodeReader call with
 * TRY_HARDER on a HybridBinarizer, nothing else. For tests and the bench.
 */
export function decodeBare(frame: Frame): string | null {
  return read(toLuma(frame), 'hybrid', HINTS_HARD);
}
