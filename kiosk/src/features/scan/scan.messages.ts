/** What the camera loop and the scan worker say to each other (types only, so importing it costs nothing). */

/** Main thread → worker: one RGBA frame; `buffer` is transferred, not copied. */
export interface ScanRequest {
  id: number;
  width: number;
  height: number;
  buffer: ArrayBuffer;
  budgetMs?: number;
}

/** Worker → main thread: the answer for frame `id`. */
export type ScanResponse =
  | { id: number; text: string; attempts: number; ms: number; via: string }
  | { id: number; text: null; error?: string };
