/** Calls `onIdle` once after `ms` without a touch, click or key press; any input starts a new spell. */
export function watchIdle(ms: number, onIdle: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onIdle, ms);
  };
  const events = ['pointerdown', 'keydown', 'input', 'wheel'] as const;
  for (const e of events) addEventListener(e, arm, { capture: true, passive: true });
  arm();
  return () => {
    if (timer) clearTimeout(timer);
    for (const e of events) removeEventListener(e, arm, { capture: true });
  };
}
