/**
 * Camera → worker scan loop. Opens the camera into `video`, copies a frame to a
 * canvas at most `fps` times a second, and sends it to the scan worker, one
 * frame in flight at a time (a slow device skips frames instead of queueing
 * them). On the first code read it stops everything (camera tracks, timer,
 * worker) and calls `onText`; the caller starts again if it wants more.
 *
 * Imports no zxing: the decoder lives in the worker's own chunk.
 */
import type { ScanRequest, ScanResponse } from './scan.messages.ts';

export interface CameraScanOptions {
  /** `user` for a kiosk's front camera (default), `environment` for a rear one. */
  facingMode?: 'user' | 'environment';
  /** Frames a second sent to the worker; capped at 8. Default 8. */
  fps?: number;
  /** Decode time budget per frame in the worker (ms). Default: the decoder's (60). */
  budgetMs?: number;
  /** The worker failed (e.g. its chunk could not load offline); scanning has stopped. */
  onError?: (error: Error) => void;
}

export interface CameraScan {
  /** Stops the camera, the loop and the worker. Safe to call more than once. */
  stop(): void;
}

export const MAX_FPS = 8;
/** Frames are drawn no larger than this on their longest side (the camera is asked for 640×480). */
const MAX_SIDE = 800;
/** HTMLMediaElement.HAVE_CURRENT_DATA: a frame can be drawn. */
const HAVE_CURRENT_DATA = 2;

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function makeCanvas(): { canvas: OffscreenCanvas | HTMLCanvasElement; ctx: Canvas2D } {
  const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as Canvas2D | null;
  if (!ctx) throw new Error('2D canvas unavailable');
  return { canvas, ctx };
}

/**
 * Starts scanning. Rejects if the camera cannot be opened (the getUserMedia
 * DOMException: `NotAllowedError`, `NotFoundError`, `NotReadableError`…), with
 * nothing left running.
 */
export async function startCameraScan(video: HTMLVideoElement, onText: (text: string) => void, options: CameraScanOptions = {}): Promise<CameraScan> {
  const interval = 1000 / Math.min(MAX_FPS, Math.max(0.1, options.fps ?? MAX_FPS));
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: options.facingMode ?? 'user', width: { ideal: 640 }, height: { ideal: 480 } },
  });
  const stopTracks = () => stream.getTracks().forEach((t) => t.stop());
  try {
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
  } catch (e) {
    stopTracks();
    video.srcObject = null;
    throw e;
  }

  const { canvas, ctx } = makeCanvas();
  const worker = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' });
  let stopped = false;
  let inFlight = false;
  let nextId = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    worker.terminate();
    stopTracks();
    video.srcObject = null;
  };

  worker.onmessage = (event: MessageEvent<ScanResponse>) => {
    inFlight = false;
    const r = event.data;
    if (stopped || r.text === null) return;
    stop();
    onText(r.text);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    stop();
    options.onError?.(new Error(`scan worker failed: ${event.message || 'could not load'}`));
  };

  const grab = () => {
    const w = video.videoWidth;
    const h = video.videoHeight;
    if (inFlight || w === 0 || h === 0 || video.readyState < HAVE_CURRENT_DATA) return;
    const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
    const width = Math.round(w * scale);
    const height = Math.round(h * scale);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    ctx.drawImage(video, 0, 0, width, height);
    const { data } = ctx.getImageData(0, 0, width, height);
    const request: ScanRequest = { id: nextId++, width, height, buffer: data.buffer as ArrayBuffer, budgetMs: options.budgetMs };
    inFlight = true;
    worker.postMessage(request, [request.buffer]);
  };
  const tick = () => {
    if (stopped) return;
    grab();
    timer = setTimeout(tick, interval);
  };
  tick();
  return { stop };
}
