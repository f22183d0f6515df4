import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCameraScan } from '../../kiosk/src/features/scan/camera.ts';
import type { ScanRequest, ScanResponse } from '../../kiosk/src/features/scan/scan.messages.ts';

/** The browser pieces camera.ts uses, faked: getUserMedia, Worker, OffscreenCanvas and the <video>. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: { message: ScanRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  onmessage: ((e: { data: ScanResponse }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(message: ScanRequest, transfer: Transferable[]) {
    this.posted.push({ message, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  answer(text: string | null) {
    const id = this.posted.at(-1)!.message.id;
    this.onmessage?.({ data: text === null ? { id, text } : { id, text, attempts: 1, ms: 2, via: 'base/global' } });
  }
}

class FakeCanvas {
  width = 1;
  height = 1;
  getContext() {
    return { drawImage: () => {}, getImageData: (_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }) };
  }
}

function fakeCamera() {
  const track = { stop: vi.fn() };
  const stream = { getTracks: () => [track] };
  const getUserMedia = vi.fn(async (_constraints: MediaStreamConstraints) => stream);
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
  return { track, stream, getUserMedia };
}

function fakeVideo(play: () => Promise<void> = async () => {}) {
  return { muted: false, playsInline: false, srcObject: null as unknown, play: vi.fn(play), videoWidth: 640, videoHeight: 480, readyState: 4 };
}
const asVideo = (v: ReturnType<typeof fakeVideo>) => v as unknown as HTMLVideoElement;

beforeEach(() => {
  vi.useFakeTimers();
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('OffscreenCanvas', FakeCanvas);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('startCameraScan', () => {
  it('asks for a 640×480 camera facing the guest and plays it muted inline', async () => {
    const cam = fakeCamera();
    const video = fakeVideo();
    const scan = await startCameraScan(asVideo(video), () => {});
    expect(cam.getUserMedia.mock.calls[0]![0]).toEqual({ audio: false, video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } } });
    expect(video).toMatchObject({ muted: true, playsInline: true, srcObject: cam.stream });
    expect(FakeWorker.made[0]!.options).toEqual({ type: 'module' });
    expect(FakeWorker.made[0]!.url.pathname).toMatch(/scan\.worker\.ts$/);
    scan.stop();
  });

  it('keeps one frame in flight: no new frame until the worker answers', async () => {
    fakeCamera();
    const scan = await startCameraScan(asVideo(fakeVideo()), () => {});
    const worker = FakeWorker.made[0]!;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(worker.posted).toHaveLength(1);
    const first = worker.posted[0]!;
    expect(first.message).toMatchObject({ width: 640, height: 480 });
    expect(first.transfer).toEqual([first.message.buffer]); // transferred, not copied
    worker.answer(null);
    await vi.advanceTimersByTimeAsync(130);
    expect(worker.posted).toHaveLength(2);
    scan.stop();
  });

  it('sends at most 8 frames a second even when the worker answers at once', async () => {
    fakeCamera();
    const scan = await startCameraScan(asVideo(fakeVideo()), () => {}, { fps: 30 });
    const worker = FakeWorker.made[0]!;
    for (let ms = 0; ms < 1_000; ms += 5) {
      if (worker.posted.length > 0) worker.answer(null);
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(worker.posted.length).toBeLessThanOrEqual(9); // 8 a second + the one at t=0
    expect(worker.posted.length).toBeGreaterThanOrEqual(7);
    scan.stop();
  });

  it('on a read: stops the camera and the worker, then calls onText once', async () => {
    const cam = fakeCamera();
    const video = fakeVideo();
    const onText = vi.fn();
    await startCameraScan(asVideo(video), onText);
    const worker = FakeWorker.made[0]!;
    worker.answer('BK-20260412-7Q');
    expect(onText).toHaveBeenCalledExactlyOnceWith('BK-20260412-7Q');
    expect(cam.track.stop).toHaveBeenCalled();
    expect(worker.terminated).toBe(true);
    expect(video.srcObject).toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(worker.posted).toHaveLength(1);
  });

  it('stop() releases camera and worker, and is safe to call twice', async () => {
    const cam = fakeCamera();
    const scan = await startCameraScan(asVideo(fakeVideo()), () => {});
    scan.stop();
    scan.stop();
    expect(cam.track.stop).toHaveBeenCalledTimes(1);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('waits for the video to have a frame before sending one', async () => {
    fakeCamera();
    const video = fakeVideo();
    video.readyState = 1;
    const scan = await startCameraScan(asVideo(video), () => {});
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeWorker.made[0]!.posted).toHaveLength(0);
    video.readyState = 4;
    await vi.advanceTimersByTimeAsync(130);
    expect(FakeWorker.made[0]!.posted).toHaveLength(1);
    scan.stop();
  });

  it('rejects with the camera error and starts no worker when permission is refused', async () => {
    const cam = fakeCamera();
    cam.getUserMedia.mockRejectedValueOnce(Object.assign(new Error('denied'), { name: 'NotAllowedError' }));
    await expect(startCameraScan(asVideo(fakeVideo()), () => {})).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(FakeWorker.made).toHaveLength(0);
  });

  it('releases the camera when the video cannot play', async () => {
    const cam = fakeCamera();
    await expect(startCameraScan(asVideo(fakeVideo(() => Promise.reject(new Error('no autoplay')))), () => {})).rejects.toThrow('no autoplay');
    expect(cam.track.stop).toHaveBeenCalled();
    expect(FakeWorker.made).toHaveLength(0);
  });

  it('stops and reports when the worker fails to load', async () => {
    const cam = fakeCamera();
    const onError = vi.fn();
    await startCameraScan(asVideo(fakeVideo()), () => {}, { onError });
    FakeWorker.made[0]!.onerror!({ message: '', preventDefault: () => {} });
    expect(onError).toHaveBeenCalledOnce();
    expect(cam.track.stop).toHaveBeenCalled();
  });
});
