/** Small per-tablet preferences kept in localStorage (not synced). */
import { effect, signal } from '@preact/signals';
import { DEPARTMENTS, type Department } from '../../../shared/domain/issue.ts';
import { FRONT_DESK_QUEUE } from '../../../shared/domain/request-queue.ts';

const DESK_KEY = 'lobbydesk.admin.desk';
const QUEUE_KEY = 'lobbydesk.admin.queue';

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** The desk this tablet calls guests to, shown on the wall display. */
export const desk = signal<string>(read(DESK_KEY) ?? '1');

effect(() => {
  try {
    globalThis.localStorage?.setItem(DESK_KEY, desk.value);
  } catch {
    /* storage full or blocked: the desk still works for this session */
  }
});

/** The queue this tablet works: the front office's (the desk's own line) or a department's that transfers go to. */
const savedQueue = read(QUEUE_KEY);
export const workQueue = signal<Department>((DEPARTMENTS as readonly string[]).includes(savedQueue ?? '') ? (savedQueue as Department) : FRONT_DESK_QUEUE);

effect(() => {
  try {
    globalThis.localStorage?.setItem(QUEUE_KEY, workQueue.value);
  } catch {
    /* as for the desk */
  }
});
