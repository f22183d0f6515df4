import { useEffect, useRef, useState } from 'preact/hooks';

/** Seconds left of `ms`, ticking; calls `onDone` once at zero. Result screens use it to return home. */
export function useCountdown(ms: number, onDone: () => void): number {
  const [left, setLeft] = useState(Math.ceil(ms / 1000));
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const end = Date.now() + ms;
    const tick = setInterval(() => {
      const s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      setLeft(s);
      if (s === 0) {
        clearInterval(tick);
        done.current();
      }
    }, 250);
    return () => clearInterval(tick);
  }, [ms]);
  return left;
}
