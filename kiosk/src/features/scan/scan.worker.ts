/**
 * Module worker that decodes camera frames off the main thread:
 * `new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' })`.
 * One frame in, one answer out; the frame's buffer arrives transferred.
 */
import { decodeFrame } from './decode.ts';
import type { ScanRequest, ScanResponse } from './scan.messages.ts';

/** The slice of DedicatedWorkerGlobalScope used here (the project compiles against the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ScanRequest>) => void) | null;
  postMessage(message: ScanResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, width, height, buffer, budgetMs } = event.data;
  let response: ScanResponse;
  try {
    const result = decodeFrame({ data: new Uint8ClampedArray(buffer), width, height }, budgetMs === undefined ? {} : { budgetMs });
    response = result ? { id, ...result } : { id, text: null };
  } catch (e) {
    response = { id, text: null, error: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(response);
};
