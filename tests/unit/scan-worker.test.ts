import { afterEach, expect, it, vi } from 'vitest';
import type { ScanRequest, ScanResponse } from '../../kiosk/src/features/scan/scan.messages.ts';
import { loadQrPhotos } from '../bench/scan.bench.ts';

afterEach(() => vi.unstubAllGlobals());

/** Loads scan.worker.ts against a fake worker scope and returns a function that posts one frame to it. */
async function loadWorker() {
  const posted: ScanResponse[] = [];
  const scope: { onmessage: ((e: { data: ScanRequest }) => void) | null; postMessage(m: ScanResponse): void } = {
    onmessage: null,
    postMessage: (m) => posted.push(m),
  };
  vi.stubGlobal('self', scope);
  vi.resetModules();
  await import('../../kiosk/src/features/scan/scan.worker.ts');
  return (request: ScanRequest) => {
    scope.onmessage!({ data: request });
    return posted.at(-1)!;
  };
}

it('decodes a transferred RGBA frame and answers with the same id', async () => {
  const send = await loadWorker();
  const photo = loadQrPhotos(['qrcode-1']).find((p) => p.name === 'qrcode-1/5.png')!;
  const buffer = photo.data.slice().buffer;
  expect(send({ id: 41, width: photo.width, height: photo.height, buffer })).toMatchObject({ id: 41, text: photo.expected, attempts: expect.any(Number) });
});

it('answers null for a frame without a code, and null with an error for a malformed one', async () => {
  const send = await loadWorker();
  expect(send({ id: 1, width: 64, height: 48, buffer: new Uint8ClampedArray(64 * 48 * 4).fill(255).buffer })).toEqual({ id: 1, text: null });
  expect(send({ id: 2, width: 64, height: 48, buffer: new ArrayBuffer(10) })).toMatchObject({ id: 2, text: null, error: expect.stringMatching(/bytes/) });
});
