/**
 * The phones following tickets on this instance, and how their views stay current: one hub per
 * instance (per notifier) listens to the version hints (live/notifier.ts; across instances on
 * PostgreSQL). On a hint it reads what changed with one query (the events since the last version
 * it read), works out whose view may have changed — the ticket itself, its luggage item, or the
 * waiting tickets of a queue something moved in — reads those views in one query, and writes
 * `event: view` to a phone only when its JSON differs. Hints that arrive while a read runs are
 * folded into the next read.
 */
import { sql } from 'kysely';
import type { FollowView } from '../../../shared/protocol/follow.ts';
import { FRONT_DESK_QUEUE } from '../../../shared/domain/request-queue.ts';
import type { AppDeps } from '../http/route.ts';
import { FollowViews, type FollowEntry } from './follow.service.ts';

/** One phone's stream. */
export interface Follower {
  propertyId: string;
  requestId: string;
  /** The last JSON written (null before the first). */
  last: string | null;
  /** The queue it waits in while waiting (null otherwise), and its luggage claim code: what makes others' changes its business. */
  queue: string | null;
  claimCode: string | null;
  write(view: FollowView): void;
  gone(): void;
}

/** More changed rows than this since the last read: read every follower of the property instead. */
const MAX_CHANGES = 500;

interface Change {
  type: string;
  entity_id: string;
  request_id: string | null;
  claim_code: string | null;
  department: string | null;
  status: string | null;
  rev: string | null;
}

export class FollowHub {
  readonly views: FollowViews;
  private readonly byProperty = new Map<string, Map<string, Set<Follower>>>();
  private readonly cursor = new Map<string, number>();
  private readonly target = new Map<string, number>();
  private readonly running = new Set<string>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: Pick<AppDeps, 'store' | 'notifier' | 'now'>) {
    this.views = new FollowViews(deps.store.db);
    this.unsubscribe = deps.notifier.subscribe((propertyId, version) => this.hint(propertyId, version));
  }

  get size(): number {
    let n = 0;
    for (const m of this.byProperty.values()) for (const s of m.values()) n += s.size;
    return n;
  }

  add(f: Follower): void {
    const m = this.byProperty.get(f.propertyId) ?? new Map<string, Set<Follower>>();
    this.byProperty.set(f.propertyId, m);
    const set = m.get(f.requestId) ?? new Set<Follower>();
    m.set(f.requestId, set);
    set.add(f);
  }

  remove(f: Follower): void {
    const m = this.byProperty.get(f.propertyId);
    const set = m?.get(f.requestId);
    set?.delete(f);
    if (set && set.size === 0) m!.delete(f.requestId);
    if (m && m.size === 0) this.byProperty.delete(f.propertyId);
  }

  /** Writes a view to one phone if it differs from the last one it got; a null view: the token expired. */
  offer(f: Follower, { view, queue }: FollowEntry): void {
    if (!view) return f.gone();
    f.queue = queue;
    f.claimCode = view.luggage?.claimCode ?? null;
    const json = JSON.stringify(view);
    if (json === f.last) return;
    f.last = json;
    f.write(view);
  }

  /** The latest version heard for a property (-1: none yet). */
  seen(propertyId: string): number {
    return Math.max(this.cursor.get(propertyId) ?? -1, this.target.get(propertyId) ?? -1);
  }

  close(): void {
    this.unsubscribe();
  }

  private hint(propertyId: string, version: number): void {
    if (!this.byProperty.has(propertyId)) {
      // Nobody follows here: only remember where the feed is, so the first follower's hint reads from here.
      if (!this.running.has(propertyId)) this.cursor.set(propertyId, Math.max(version, this.cursor.get(propertyId) ?? -1));
      return;
    }
    this.target.set(propertyId, Math.max(version, this.target.get(propertyId) ?? -1));
    if (!this.running.has(propertyId)) void this.run(propertyId);
  }

  private async run(propertyId: string): Promise<void> {
    this.running.add(propertyId);
    try {
      for (;;) {
        const upTo = this.target.get(propertyId) ?? -1;
        const from = this.cursor.get(propertyId);
        if (from !== undefined && upTo <= from) break;
        try {
          await this.refresh(propertyId, from, upTo);
          this.cursor.set(propertyId, upTo);
        } catch {
          // Database away: leave the cursor, so the next hint (or the notifier's poll) reads it all again.
          break;
        }
      }
    } finally {
      this.running.delete(propertyId);
    }
  }

  private async refresh(propertyId: string, from: number | undefined, upTo: number): Promise<void> {
    const followed = this.byProperty.get(propertyId);
    if (!followed) return;
    const ids = from === undefined ? [...followed.keys()] : this.affected(followed, await this.changes(propertyId, from, upTo));
    if (ids.length === 0) return;
    const views = await this.views.read(propertyId, ids, this.deps.now());
    for (const id of ids) for (const f of [...(followed.get(id) ?? [])]) this.offer(f, views.get(id) ?? { view: null, queue: null });
  }

  /** A change no event announces (a rating from the phone): read that ticket again for its phones here. */
  async touch(propertyId: string, requestId: string): Promise<void> {
    const set = this.byProperty.get(propertyId)?.get(requestId);
    if (!set) return;
    const entry = (await this.views.read(propertyId, [requestId], this.deps.now())).get(requestId) ?? { view: null, queue: null };
    for (const f of [...set]) this.offer(f, entry);
  }

  /** The one query per hint: what changed between two versions (null: too much to sort, read everyone). */
  private async changes(propertyId: string, from: number, upTo: number): Promise<Change[] | null> {
    const r = await sql<Change>`
      select type, entity_id, data->>'requestId' as request_id, data->>'claimCode' as claim_code,
        data->>'department' as department, data->>'status' as status, data->>'rev' as rev
      from events where property_id = ${propertyId} and version > ${from} and version <= ${upTo}
      order by version limit ${MAX_CHANGES + 1}`.execute(this.deps.store.db);
    return r.rows.length > MAX_CHANGES ? null : r.rows;
  }

  /** The followed tickets whose view may differ after `changes`. */
  private affected(followed: Map<string, Set<Follower>>, changes: Change[] | null): string[] {
    if (changes === null) return [...followed.keys()];
    const requests = new Set<string>();
    const claimCodes = new Set<string>();
    const queues = new Set<string>();
    let everyQueue = false;
    let services = false;
    for (const c of changes) {
      if (c.type === 'request.upserted') {
        requests.add(c.entity_id);
        // A ticket back in line after its first state (a transfer, a hold) may have left another queue: every queue's order may move.
        if (c.status === 'waiting' && c.rev !== '1') everyQueue = true;
        else queues.add(c.department ?? FRONT_DESK_QUEUE);
      } else if (c.type === 'luggage.upserted') {
        if (c.request_id) requests.add(c.request_id);
        if (c.claim_code) claimCodes.add(c.claim_code);
      } else if (c.type === 'service.upserted') services = true;
    }
    const ids: string[] = [];
    for (const [id, set] of followed) {
      const f = set.values().next().value;
      if (!f) continue;
      const queueMoved = f.queue !== null && (everyQueue || queues.has(f.queue));
      if (requests.has(id) || queueMoved || (f.claimCode !== null && claimCodes.has(f.claimCode)) || services) ids.push(id);
    }
    return ids;
  }
}

/** One hub per instance: the notifier is the instance's. */
const hubs = new WeakMap<object, FollowHub>();
export function followHub(deps: Pick<AppDeps, 'store' | 'notifier' | 'now'>): FollowHub {
  let hub = hubs.get(deps.notifier);
  if (!hub) {
    hub = new FollowHub(deps);
    hubs.set(deps.notifier, hub);
  }
  return hub;
}
