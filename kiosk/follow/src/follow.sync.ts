/**
 * The only code of the phone page that talks to the server: `GET /api/follow/<token>`, then the live
 * stream (`EventSource`, which reconnects by itself), and the rating. It holds the page's state in signals.
 * Contract: shared/protocol/follow.ts (types only here, so no zod reaches the phone).
 */
import { signal } from '@preact/signals';
import { FOLLOW_TOKEN_RE } from '../../../shared/domain/follow.ts';
import type { FollowRatingResult, FollowView } from '../../../shared/protocol/follow.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';

export type Phase =
  | { kind: 'loading' }
  /** 404 for a token this page never saw: the kiosk may still be offline with it; retried quietly. */
  | { kind: 'not_yet' }
  | { kind: 'unknown' }
  | { kind: 'view'; view: FollowView };

export const phase = signal<Phase>({ kind: 'loading' });
/** The live stream failed and the browser is trying again. */
export const reconnecting = signal(false);

export const NOT_YET_RETRY_MS = 15_000;
export const NOT_YET_GIVE_UP_MS = 10 * 60_000;

/** The token from `/t/<token>` (any trailing slash or query ignored); null when it cannot be one. */
export function tokenFromPath(pathname: string): string | null {
  const m = /^\/t\/([^/?#]+)\/?$/.exec(pathname);
  const token = m?.[1] ?? null;
  return token && FOLLOW_TOKEN_RE.test(token) ? token : null;
}

const base = (token: string) => `/api/follow/${token}`;
/** Every request says which protocol it speaks; a write without it is refused (keeps cross-site forms out). */
const PROTOCOL = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };

async function readView(token: string): Promise<FollowView | 'not_found' | 'failed'> {
  try {
    const res = await fetch(base(token), { headers: { accept: 'application/json', ...PROTOCOL }, cache: 'no-store' });
    if (res.status === 404) return 'not_found';
    if (!res.ok) return 'failed';
    return (await res.json()) as FollowView;
  } catch {
    return 'failed';
  }
}

let stream: EventSource | null = null;

function openStream(token: string): void {
  stream?.close();
  const es = new EventSource(`${base(token)}/live`);
  stream = es;
  es.addEventListener('view', (e) => {
    reconnecting.value = false;
    phase.value = { kind: 'view', view: JSON.parse((e as MessageEvent<string>).data) as FollowView };
  });
  es.addEventListener('gone', () => {
    es.close();
    phase.value = { kind: 'unknown' };
  });
  es.addEventListener('open', () => (reconnecting.value = false));
  es.addEventListener('error', () => {
    reconnecting.value = true;
    // A refused stream (e.g. a 404 or a 429) is not retried by the browser: try again from the start.
    if (es.readyState === EventSource.CLOSED && stream === es) setTimeout(() => void follow(token, true), NOT_YET_RETRY_MS);
  });
}

/** Reads the ticket and follows it live. `seen`: this page has shown the ticket before (a 404 now means expired). */
export async function follow(token: string | null, seen = false, started = Date.now()): Promise<void> {
  if (!token) {
    phase.value = { kind: 'unknown' };
    return;
  }
  const got = await readView(token);
  if (got === 'not_found') {
    if (seen || Date.now() - started >= NOT_YET_GIVE_UP_MS) {
      phase.value = { kind: 'unknown' };
      return;
    }
    phase.value = { kind: 'not_yet' };
    setTimeout(() => void follow(token, false, started), NOT_YET_RETRY_MS);
    return;
  }
  if (got === 'failed') {
    reconnecting.value = true;
    setTimeout(() => void follow(token, seen || phase.value.kind === 'view', started), NOT_YET_RETRY_MS);
    return;
  }
  phase.value = { kind: 'view', view: got };
  openStream(token);
}

/** One tap sends the rating; the answer (or a 409: already rated) updates the view. */
export async function sendRating(token: string, rating: number): Promise<boolean> {
  try {
    const res = await fetch(`${base(token)}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...PROTOCOL },
      body: JSON.stringify({ rating }),
    });
    if (!res.ok && res.status !== 409) return false;
    const given = res.ok ? ((await res.json()) as FollowRatingResult).rating : null;
    const now = phase.value;
    if (now.kind === 'view') phase.value = { kind: 'view', view: { ...now.view, ratable: false, rating: given ?? now.view.rating } };
    if (res.status === 409) {
      const fresh = await readView(token);
      if (typeof fresh === 'object') phase.value = { kind: 'view', view: fresh };
    }
    return true;
  } catch {
    return false;
  }
}
