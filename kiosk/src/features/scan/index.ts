/**
 * # kiosk/src/features/scan — reading QR codes (booking confirmations, luggage tags…)
 *
 * Two ways in, one callback out (`onText(text)`):
 * - **Camera**: `startCameraScan(video, onText)` opens the camera, sends ≤ 8
 *   frames a second, one in flight, to a module worker (`scan.worker.ts`) that
 *   runs `decode.ts` (@zxing/library), and stops camera + worker on the first
 *   read. Rejects with the getUserMedia DOMException when there is no camera or
 *   no permission; the screen maps that to translated text.
 * - **Keyboard-wedge scanner** (USB/Bluetooth HID): `listenForWedgeScans(onScan)`
 *   picks out scanner-speed keystroke bursts ending in Enter/Tab
 *   (`hid-wedge.ts` explains how text fields are treated).
 *
 * Bundle weight: this file imports no zxing. `startCameraScan` loads
 * `camera.ts` with `import()`, and the decoder only ever loads inside the
 * worker, which Vite emits as its own chunk, so the home screen stays light.
 *
 * Files: `decode.ts` (the attempt plan, pure, time-budgeted) and `luma.ts`
 * (gray, rotate, scale, crop) run in the worker and in Node; `camera.ts` (the
 * loop); `scan.worker.ts`; `scan.messages.ts` (worker message types);
 * `hid-wedge.ts`. Tests: `tests/unit/scan-*.test.ts` (real photographs from
 * the ZXing black-box set, the wedge with a fake clock); figures:
 * `tests/bench/scan.bench.ts`.
 *
 * May import: browser APIs and @zxing/library (decode.ts only). Imported by
 * kiosk screens through this file only.
 */
import type { CameraScan, CameraScanOptions } from './camera.ts';

export type { CameraScan, CameraScanOptions } from './camera.ts';
export { listenForWedgeScans, WedgeDetector, type WedgeListenOptions, type WedgeOptions } from './hid-wedge.ts';

/** Lazy entry to `camera.ts`: the camera code (and, through it, the worker) loads on first use. */
export async function startCameraScan(video: HTMLVideoElement, onText: (text: string) => void, options?: CameraScanOptions): Promise<CameraScan> {
  const camera = await import('./camera.ts');
  return camera.startCameraScan(video, onText, options);
}
