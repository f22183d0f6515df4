/**
 * The one step every guest screen shares, so idle, updates and the focus move treat them alike.
 * Its values are the registered screens (`app/screens.ts`). Each feature drops its guest state
 * when the step is back at `home` (see their stores), so nothing of a guest outlives a reset.
 */
import { signal } from '@preact/signals';
import type { Step } from './screens.ts';

export type { Step };

export const step = signal<Step>('home');

/** Back to home: every feature store clears what the guest entered (each watches for `home`). */
export function resetToHome(): void {
  step.value = 'home';
}

type Listener = () => void;
const finished: Listener[] = [];

/**
 * Runs `fn` each time a finished flow goes home (its result screen's Done or countdown): the end of
 * that guest's business. app/screens.ts, which knows the result screens, reports it (`flowFinished`).
 */
export function onFlowFinished(fn: Listener): void {
  finished.push(fn);
}

/** Called by app/screens.ts when the step went home from a result screen. */
export function flowFinished(): void {
  for (const fn of finished) fn();
}
