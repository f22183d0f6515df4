/**
 * What the screens read: the tablet's view of the requests and of the sync
 * machinery, as signals. Written only by `engine.ts`; components only read.
 */
import { computed, signal } from '@preact/signals';
import type { RequestAction, RequestStatus } from '../../../shared/domain/request.machine.ts';
import type { ServiceRequest } from '../../../shared/domain/request.ts';
import type { ErrorCode } from '../../../shared/protocol/errors.ts';
import type { FlushState } from '../../../shared/sync-client/flusher.ts';
import type { LiveStatus } from '../../../shared/sync-client/live.ts';
import { applyOverlays, pendingRequestIds, type Overlay } from './optimistic.ts';

/** Requests as the server last told us (highest rev wins). */
export const serverRequests = signal<ReadonlyMap<string, ServiceRequest>>(new Map());
export const overlays = signal<readonly Overlay[]>([]);

/** Requests as the tablet shows them: server state plus this tablet's pending actions. */
export const requestsView = computed(() => applyOverlays(serverRequests.value, overlays.value));
export const requestList = computed(() => [...requestsView.value.values()]);
export const sendingIds = computed(() => pendingRequestIds(overlays.value));

/** The first server snapshot of this session has been applied. */
export const snapshotLoaded = signal(false);
/** Something (snapshot or cache) is on screen. */
export const hasData = signal(false);
export const lastUpdateAt = signal<string | null>(null);
/**
 * The screens show the view saved on this tablet (a reload without the
 * server): when the server last confirmed it. Null once this session's first
 * snapshot arrives, or when nothing was restored.
 */
export const cachedAsOf = signal<string | null>(null);
/** The last attempt to sync with the server failed (network or server down); a success clears it. */
export const serverUnreachable = signal(false);

export const liveStatus = signal<LiveStatus>('connecting');
export const liveSince = signal<string | null>(null);
export const pendingCount = signal(0);
export const flushState = signal<FlushState>('idle');

export type Notice =
  | {
      id: number;
      type: 'rejected';
      ticket: string;
      action: RequestAction;
      code: ErrorCode;
      message: string;
      /** The request's state after the refusal, when known. */
      nowStatus: RequestStatus | null;
      holderName: string | null;
    }
  | { id: number; type: 'session_expired' }
  | { id: number; type: 'luggage_rejected'; command: string; code: ErrorCode; message: string }
  | {
      id: number;
      type: 'issue_rejected';
      /** The summary, shown as text. */
      summary: string;
      command: string;
      action: string | null;
      code: ErrorCode;
      ownerName: string | null;
    };

export const notices = signal<readonly Notice[]>([]);
let nextNoticeId = 1;

export type NoticeInput = Notice extends infer N ? (N extends Notice ? Omit<N, 'id'> : never) : never;
export function pushNotice(n: NoticeInput): void {
  notices.value = [...notices.value, { ...n, id: nextNoticeId++ } as Notice].slice(-5);
}
export function dismissNotice(id: number): void {
  notices.value = notices.value.filter((n) => n.id !== id);
}
/** Drops every notice (staff moved to another screen: a notice belongs to the screen it was raised on). */
export function clearNotices(): void {
  if (notices.value.length) notices.value = [];
}

/** A new app version is waiting; `apply` activates it. */
export const updateReady = signal<null | (() => void)>(null);
