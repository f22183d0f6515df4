/**
 * The idle reset. After `idleMs` without a touch, click or key press, a guest
 * in the middle of a flow gets a `warnMs` countdown offering "Continue"
 * (`idleLeft` counts the seconds); any input cancels it. When it runs out —
 * or at once when there is nothing to lose — `onIdle` runs. The timing may
 * depend on the screen (`timing`): a screen showing member data resets sooner.
 */
import { effect, signal } from '@preact/signals';

/** Seconds left before the reset while the warning is up, else null. */
export const idleLeft = signal<number | null>(null);

/** How long without input before the countdown, and how long the countdown lasts. */
export interface IdleTiming {
  idleMs: number;
  warnMs: number;
}

export interface IdleOptions {
  /** Read when the timer is (re)armed, and again whenever the signals it reads change (a new screen). */
  timing: () => IdleTiming;
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
  const warn = (warnMs: number) => {
    const end = Date.now() + warnMs;
    idleLeft.value = Math.ceil(warnMs / 1000);
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
  let armedWith: IdleTiming | null = null;
  const arm = () => {
    stop();
    const { idleMs, warnMs } = (armedWith = opts.timing());
    timer = setTimeout(() => {
      timer = null;
      if (opts.shouldWarn()) warn(warnMs);
      else {
        opts.onIdle();
        arm();
      }
    }, idleMs);
  };
  rearm = arm;
  const events = ['pointerdown', 'keydown', 'input', 'wheel'] as const;
  for (const e of events) addEventListener(e, arm, { capture: true, passive: true });
  arm();
  // A screen with other timing (the balance, shown after a lookup that outlasts the tap) starts its own clock.
  const unwatch = effect(() => {
    const next = opts.timing();
    if (armedWith && (next.idleMs !== armedWith.idleMs || next.warnMs !== armedWith.warnMs)) arm();
  });
  return () => {
    unwatch();
    stop();
    rearm = null;
    for (const e of events) removeEventListener(e, arm, { capture: true });
  };
}
