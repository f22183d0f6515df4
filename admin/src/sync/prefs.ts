/** Small per-tablet preferences kept in localStorage (not synced). */
import { effect, signal } from '@preact/signals';

const DESK_KEY = 'lobbydesk.admin.desk';

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
