import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleLeft, watchIdle, type IdleTiming } from './idle.ts';

const FLOW: IdleTiming = { idleMs: 60_000, warnMs: 20_000 };
const MEMBER: IdleTiming = { idleMs: 20_000, warnMs: 10_000 };

describe('watchIdle', () => {
  const target = new EventTarget();
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('addEventListener', target.addEventListener.bind(target));
    vi.stubGlobal('removeEventListener', target.removeEventListener.bind(target));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function start(screen = signal<'flow' | 'member'>('flow')) {
    const onIdle = vi.fn();
    const stop = watchIdle({ timing: () => (screen.value === 'member' ? MEMBER : FLOW), shouldWarn: () => true, onIdle });
    return { screen, onIdle, stop };
  }

  it('warns after 60 s and resets 20 s later on an ordinary screen', () => {
    const { onIdle, stop } = start();
    vi.advanceTimersByTime(59_000);
    expect(idleLeft.value).toBeNull();
    vi.advanceTimersByTime(1_500);
    expect(idleLeft.value).toBe(20);
    vi.advanceTimersByTime(20_000);
    expect(onIdle).toHaveBeenCalledOnce();
    stop();
  });

  it('restarts with the shorter timing when a screen with member data opens, and resets within 30 s', () => {
    const { screen, onIdle, stop } = start();
    vi.advanceTimersByTime(50_000); // most of a minute spent on the card screen
    screen.value = 'member';
    vi.advanceTimersByTime(19_000);
    expect(idleLeft.value).toBeNull();
    vi.advanceTimersByTime(1_500);
    expect(idleLeft.value).toBe(10);
    vi.advanceTimersByTime(10_000); // 20 s + 10 s after the balance opened
    expect(onIdle).toHaveBeenCalledOnce();
    stop();
  });

  it('a touch restarts the clock', () => {
    const { screen, onIdle, stop } = start(signal<'flow' | 'member'>('member'));
    vi.advanceTimersByTime(15_000);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(15_000);
    expect(idleLeft.value).toBeNull();
    vi.advanceTimersByTime(16_000);
    expect(onIdle).toHaveBeenCalledOnce();
    expect(screen.value).toBe('member');
    stop();
  });
});
