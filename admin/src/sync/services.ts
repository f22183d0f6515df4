/**
 * The hotel's service catalog as the tablet knows it: from the staff snapshot
 * (`services`, retired included, so old tickets keep their names), kept
 * current by `service.upserted` events that `engine.ts` hands over, saved on
 * the tablet so a reload without the server still names the queue's rows.
 * A manager's changes go straight to `POST /api/settings/services` and
 * `/api/settings/services/order` (not the outbox: the editor needs the
 * server's yes or no at once); the answer is merged like an event.
 * Screens read `serviceCatalog` / `serviceByCode`; only this module writes them.
 */
import { computed, signal } from '@preact/signals';
import { z } from 'zod';
import { Service, type ServiceBody, type ServiceCode } from '../../../shared/domain/service.ts';
import type { StaffEvent } from '../../../shared/protocol/events.ts';
import { getMeta, setMeta } from '../../../shared/sync-client/outbox.ts';
import { ApiFailure } from '../../../shared/sync-client/http.ts';
import { api, failureCode, type FailureCode } from './api.ts';
import { db } from './db.ts';
import type { SyncSlice } from './slice.ts';

const SAVED = 'serviceCatalog';

const byCode = signal<ReadonlyMap<ServiceCode, Service>>(new Map());
/** Whether the catalog came from the server (a snapshot, or the editor's own load) in this session. */
export const servicesLoaded = signal(false);

/** Every catalog service, active and retired, in the order a manager set. */
export const serviceCatalog = computed(() => [...byCode.value.values()].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code)));

/** The service a request of kind `service` names, or undefined when this tablet has not heard of it yet. */
export function serviceByCode(code: string): Service | undefined {
  return byCode.value.get(code);
}

function save(): void {
  void setMeta(db, SAVED, [...byCode.value.values()]).catch(() => undefined);
}

/** A snapshot's catalog replaces what the tablet had. */
export function setServices(list: readonly Service[]): void {
  byCode.value = new Map(list.map((s) => [s.code, s]));
  servicesLoaded.value = true;
  save();
}

/** Newer revisions win; an older or equal copy changes nothing. */
export function upsertServices(list: readonly Service[]): void {
  if (list.length === 0) return;
  const next = new Map(byCode.value);
  let changed = false;
  for (const s of list) {
    const have = next.get(s.code);
    if (have && have.rev >= s.rev) continue;
    next.set(s.code, s);
    changed = true;
  }
  if (!changed) return;
  byCode.value = next;
  save();
}

/** The `service.upserted` events of a pull. */
export function applyServiceEvents(events: readonly StaffEvent[]): void {
  upsertServices(events.flatMap((e) => (e.type === 'service.upserted' ? [e.service] : [])));
}

/** The catalog saved on this tablet, shown until the server answers (a snapshot that arrives first wins). */
export async function restoreServices(): Promise<void> {
  if (servicesLoaded.value || byCode.value.size > 0) return;
  const saved = await getMeta<unknown>(db, SAVED).catch(() => undefined);
  const parsed = z.array(Service).safeParse(saved);
  if (parsed.success && !servicesLoaded.value && byCode.value.size === 0) byCode.value = new Map(parsed.data.map((s) => [s.code, s]));
}

/**
 * The catalog's part of the tablet's sync (slice.ts). The engine also hands a slice the saved view
 * as a snapshot when it starts offline; that carries no catalog (version 0, no services), so the
 * catalog saved with `setServices` is restored instead.
 */
export const servicesSlice: SyncSlice = {
  name: 'services',
  commands: [],
  onSnapshot: (s) => {
    if (s.version === 0 && s.services.length === 0) void restoreServices();
    else setServices(s.services);
  },
  onEvents: applyServiceEvents,
  notice: (command, error) => ({ type: 'luggage_rejected', command: command?.type ?? '', code: error.code, message: error.message }),
  // The catalog is the hotel's, not the signed-in person's: it stays for the next session.
  reset: () => undefined,
};

export const servicesError = signal<FailureCode | null>(null);

/** The editor loads the catalog itself when it opens (the snapshot may be older). */
export async function loadServices(): Promise<void> {
  try {
    setServices(await api.get('/api/settings/services', z.array(Service)));
    servicesError.value = null;
  } catch (e) {
    servicesError.value = failureCode(e);
  }
}

let lastLookup = 0;
/**
 * A row names a service this tablet has not heard of (made a moment ago, before its event
 * arrived, or a catalog from an older snapshot): fetch the catalog, at most every 10 s.
 */
export function lookUpService(code: string): void {
  if (byCode.value.has(code) || Date.now() - lastLookup < 10_000) return;
  lastLookup = Date.now();
  void loadServices();
}

/**
 * A refusal as the editor shows it: the code, the server's own words for a 400 (which rule the
 * body broke), and the catalog's limit when the server refused a new service past it (409 with `details.limit`).
 */
export interface ServiceRefusal {
  ok: false;
  error: FailureCode;
  message: string | null;
  limit: number | null;
}

const LimitDetails = z.object({ limit: z.number().int() });

function refusal(e: unknown): ServiceRefusal {
  const error = failureCode(e);
  const limit = e instanceof ApiFailure ? LimitDetails.safeParse(e.details) : null;
  return {
    ok: false,
    error,
    message: e instanceof ApiFailure && e.status === 400 && e.message ? e.message : null,
    limit: limit?.success ? limit.data.limit : null,
  };
}

/** Creates or changes one service (by its code); a manager's only. */
export async function saveService(body: ServiceBody): Promise<{ ok: true; saved: Service } | ServiceRefusal> {
  try {
    const saved = await api.post('/api/settings/services', body, Service);
    upsertServices([saved]);
    return { ok: true, saved };
  } catch (e) {
    return refusal(e);
  }
}

/** A new order for the whole catalog (every code once). */
export async function orderServices(codes: readonly ServiceCode[]): Promise<{ ok: true } | ServiceRefusal> {
  try {
    // The answer is the whole catalog in its new order.
    setServices(await api.post('/api/settings/services/order', { codes }, z.array(Service)));
    return { ok: true };
  } catch (e) {
    return refusal(e);
  }
}
