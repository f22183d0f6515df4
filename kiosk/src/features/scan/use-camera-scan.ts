import { useEffect, useRef, useState } from 'preact/hooks';
import { startCameraScan, type CameraScan } from './index.ts';

export type CameraScanState = 'starting' | 'scanning' | 'unavailable';

/**
 * A camera preview and its scan loop for a screen: starts when the component mounts (and again when
 * `deps` change), stops when it unmounts. `onText` gets each read while the loop is live, with a
 * `live()` to ask later (after an await) whether the loop is still running.
 */
export function useCameraScan(onText: (text: string, live: () => boolean) => void, deps: readonly unknown[]) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraScanState>('starting');
  useEffect(() => {
    let scan: CameraScan | null = null;
    let cancelled = false;
    const live = () => !cancelled;
    const el = video.current;
    if (!el || !navigator.mediaDevices?.getUserMedia) {
      setState('unavailable');
      return;
    }
    startCameraScan(el, (text) => {
      if (!cancelled) onText(text, live);
    })
      .then((s) => {
        if (cancelled) s.stop();
        else {
          scan = s;
          setState('scanning');
        }
      })
      .catch(() => !cancelled && setState('unavailable'));
    return () => {
      cancelled = true;
      scan?.stop();
    };
  }, deps); // the caller names what restarts the loop
  return { video, state };
}
