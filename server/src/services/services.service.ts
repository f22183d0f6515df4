/**
 * The catalog's rules: codes are unique per property (saving a known code updates it, a
 * retired one included, which is how a manager restores it), at most SERVICE_LIMIT services
 * (active and retired: they are never deleted), and a new order names known codes only.
 * Every change is audited and appended as `service.upserted`, one event per changed service.
 */
import { SERVICE_LIMIT, type Service, type ServiceBody, type ServiceOrderBody } from '../../../shared/domain/service.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { appendEvent } from '../events/events.repo.ts';
import { DomainError } from '../http/errors.ts';
import type { Tx } from '../store/store.ts';
import { lockCatalog, moveService, saveService } from './services.repo.ts';

export interface CatalogActor {
  propertyId: string;
  staffId: string;
}

async function announce(trx: Tx, who: CatalogActor, service: Service): Promise<number> {
  return appendEvent(trx, {
    propertyId: who.propertyId,
    type: 'service.upserted',
    // entity_id is a uuid column: the catalog's entity is the property (the event's data names the code).
    entityId: who.propertyId,
    subjectDeviceId: null,
    actorStaffId: who.staffId,
    originDeviceId: null,
    data: service,
  });
}

/** Adds a service (last in the order) or updates the one with its code; returns it and the new version. */
export async function upsertService(trx: Tx, who: CatalogActor, body: ServiceBody, now: Date): Promise<{ service: Service; version: number }> {
  const catalog = await lockCatalog(trx, who.propertyId);
  const before = catalog.find((s) => s.code === body.code) ?? null;
  if (!before && catalog.length >= SERVICE_LIMIT) {
    throw new DomainError('conflict', `A property has at most ${SERVICE_LIMIT} services (retired ones count): edit or restore one instead of adding ${body.code}`, { limit: SERVICE_LIMIT });
  }
  const position = before ? before.position : Math.max(-1, ...catalog.map((s) => s.position)) + 1;
  const service = await saveService(trx, who.propertyId, body, position, now);
  await appendAudit(trx, { propertyId: who.propertyId, staffId: who.staffId, action: before ? 'service.updated' : 'service.created', subjectId: body.code, details: { before, after: body } });
  return { service, version: await announce(trx, who, service) };
}

/**
 * Puts the named codes first, in the order given; services it does not name (one another manager
 * added meanwhile) follow in their current order. A code named twice or unknown is a 400.
 */
export async function orderServices(trx: Tx, who: CatalogActor, body: ServiceOrderBody, now: Date): Promise<{ services: Service[]; version: number | null }> {
  const catalog = await lockCatalog(trx, who.propertyId);
  const known = new Map(catalog.map((s) => [s.code, s]));
  const seen = new Set<string>();
  for (const code of body.codes) {
    if (!known.has(code)) throw new DomainError('bad_request', `codes: no service ${code} in this property's catalog`);
    if (seen.has(code)) throw new DomainError('bad_request', `codes: ${code} is named twice`);
    seen.add(code);
  }
  const order = [...body.codes, ...catalog.filter((s) => !seen.has(s.code)).map((s) => s.code)];
  let version: number | null = null;
  const services: Service[] = [];
  for (const [position, code] of order.entries()) {
    const current = known.get(code)!;
    if (current.position === position) {
      services.push(current);
      continue;
    }
    const moved = await moveService(trx, who.propertyId, code, position, now);
    services.push(moved);
    version = await announce(trx, who, moved);
  }
  if (version !== null) await appendAudit(trx, { propertyId: who.propertyId, staffId: who.staffId, action: 'service.ordered', subjectId: who.propertyId, details: { order } });
  return { services, version };
}
