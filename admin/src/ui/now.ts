/** A clock signal for waiting times: ticks every few seconds while the app runs. */
import { signal } from '@preact/signals';

export const now = signal(Date.now());
setInterval(() => {
  now.value = Date.now();
}, 5_000);
