/**
 * The idle reset. After `idleMs` without a touch, click or key press, a guest
 * in the middle of a flow gets a `warnMs` countdown offering "Continue"
 * (`idleLeft` counts the seconds); any input cancels it. When it runs out —
 * or at once when there is nothing to lose — `onIdle` runs.
 */
import { signal } from '@preact/signals';

/** Seconds left before the reset while the warning is up, else null. */
export const idleLeft = signal<number | null>(null);

export interface IdleOptions {
  idleMs: number;
  warnMs: number;
  /** Whether the guest has something to lose (a flow open); otherwise reset without a warning. */
  shouldWarn: () => boolean;
  onIdle: () => void;
}

let rearm: (() => void) | null = null;

/** "Continue": the guest is still here. */
export function stillHere(): void {
  rearm?.();
}

/** Counts the idle resets (the guest walked away): guest data kept outside the screens' step (a scanned member card) is dropped on it. */
export const idleResets = signal(0);

export function watchIdle(given: IdleOptions): () => void {
  const opts: IdleOptions = {
    ...given,
    onIdle: () => {
      idleResets.value += 1;
      given.onIdle();
    },
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let tick: ReturnType<typeof setInterval> | null = null;
  const stop = () => {
    if (timer) clearTimeout(timer);
    if (tick) clearInterval(tick);
    timer = tick = null;
    idleLeft.value = null;
  };
  const warn = () => {
    const end = Date.now() + opts.warnMs;
    idleLeft.value = Math.ceil(opts.warnMs / 1000);
    tick = setInterval(() => {
      const s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      idleLeft.value = s;
      if (s === 0) {
        stop();
        opts.onIdle();
        arm();
      }
    }, 250);
  };
  const arm = () => {
    stop();
    timer = setTimeout(() => {
      timer = null;
      if (opts.shouldWarn()) warn();
      else {
        opts.onIdle();
        arm();
      }
    }, opts.idleMs);
  };
  rearm = arm;
  const events = ['pointerdown', 'keydown', 'input', 'wheel'] as const;
  for (const e of events) addEventListener(e, arm, { capture: true, passive: true });
  arm();
  return () => {
    stop();
    rearm = null;
    for (const e of events) removeEventListener(e, arm, { capture: true });
  };
}
