/**
 * QR scan figures on the ZXing photo set (../shared/fixtures/qr-photos beside the repository, or
 * QR_PHOTOS_DIR): how many photos the kiosk pipeline reads vs a bare
 * QRCodeReader+TRY_HARDER vs zxing-wasm (ZXing-C++, dev-only comparison), and
 * the pipeline's decode time per 640×480 camera frame (qrcode-1), p50.
 * Also exports the fixture loader the unit tests use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { decodeBare, decodeFrame, DEFAULT_BUDGET_MS, type Frame } from '../../kiosk/src/features/scan/decode.ts';

/** The handout beside the repository (`../shared`), unless QR_PHOTOS_DIR says otherwise. */
export const QR_PHOTOS_DIR = process.env.QR_PHOTOS_DIR ?? resolve(import.meta.dirname, '../../../shared/fixtures/qr-photos');

export interface QrPhoto extends Frame {
  /** `qrcode-1/7.png` */
  name: string;
  expected: string;
}

/**
 * Every photo with its expected text. All fixtures are PNG (checked with `ls`):
 * pngjs expands palette, 1/2-bit, gray and RGB to RGBA.
 */
export function loadQrPhotos(sets: readonly string[] = ['qrcode-1', 'qrcode-2']): QrPhoto[] {
  const photos: QrPhoto[] = [];
  for (const set of sets) {
    const dir = join(QR_PHOTOS_DIR, set);
    const files = readdirSync(dir).filter((f) => /\.(png|jpe?g|gif)$/i.test(f));
    for (const file of files.sort((a, b) => parseInt(a) - parseInt(b))) {
      if (!file.toLowerCase().endsWith('.png')) throw new Error(`${set}/${file}: only PNG fixtures are supported; add a decoder for this format`);
      const png = PNG.sync.read(readFileSync(join(dir, file)));
      const expected = readFileSync(join(dir, file.replace(/\.\w+$/, '.txt')), 'utf8');
      const data = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
      photos.push({ name: `${set}/${file}`, data, width: png.width, height: png.height, expected });
    }
  }
  return photos;
}

export interface ScanBench {
  decoded: number;
  total: number;
  msPerFrameP50: number;
  bareDecoded: number;
  wasmDecoded?: number;
  /** zxing-wasm's time per qrcode-1 frame, p50, for comparison. */
  wasmMsPerFrameP50?: number;
  wasmNote?: string;
  /** Same as msPerFrameP50, for frames with no code in them (the common case while a guest lines up). */
  msPerMissP50: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** zxing-wasm's reader with its .wasm read from node_modules (never its default CDN). Null + reason if it cannot run. */
async function wasmCount(photos: QrPhoto[]): Promise<{ decoded?: number; msP50?: number; note: string }> {
  try {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
    const { prepareZXingModule, readBarcodes, ZXING_WASM_VERSION } = await import('zxing-wasm/reader');
    const bytes = readFileSync(wasmPath);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
    let decoded = 0;
    const times: number[] = [];
    for (const p of photos) {
      const image = { data: p.data, width: p.width, height: p.height, colorSpace: 'srgb' } as ImageData;
      const t0 = performance.now();
      const [hit] = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true, textMode: 'Plain', maxNumberOfSymbols: 1 });
      if (p.name.startsWith('qrcode-1/')) times.push(performance.now() - t0);
      if (hit?.text === p.expected) decoded++;
    }
    return { decoded, msP50: Math.round(median(times) * 10) / 10, note: `zxing-wasm ${ZXING_WASM_VERSION}, wasm from node_modules, tryHarder + default rotate/invert/downscale` };
  } catch (e) {
    return { note: `zxing-wasm not measured: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export async function scanBench(): Promise<ScanBench> {
  const photos = loadQrPhotos();
  let decoded = 0;
  let bareDecoded = 0;
  for (const p of photos) {
    if (decodeFrame(p)?.text === p.expected) decoded++;
    if (decodeBare(p) === p.expected) bareDecoded++;
  }
  // Time per camera frame: qrcode-1 is 640×480, several rounds, hits and misses as they come.
  const frames = photos.filter((p) => p.name.startsWith('qrcode-1/'));
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const f of frames) {
      const t0 = performance.now();
      decodeFrame(f);
      times.push(performance.now() - t0);
    }
  }
  // A frame with no code: the full plan runs until the budget stops it.
  const noise = new Uint8ClampedArray(640 * 480);
  let seed = 7;
  for (let i = 0; i < noise.length; i++) noise[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  const misses: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    decodeFrame({ data: noise, width: 640, height: 480 });
    misses.push(performance.now() - t0);
  }
  const wasm = await wasmCount(photos);
  return {
    decoded,
    total: photos.length,
    msPerFrameP50: Math.round(median(times) * 10) / 10,
    msPerMissP50: Math.round(median(misses) * 10) / 10,
    bareDecoded,
    ...(wasm.decoded === undefined ? {} : { wasmDecoded: wasm.decoded, wasmMsPerFrameP50: wasm.msP50 }),
    wasmNote: `${wasm.note}; pipeline budget ${DEFAULT_BUDGET_MS} ms/frame`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await scanBench());
}
