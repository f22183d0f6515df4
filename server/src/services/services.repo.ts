/** SQL for the service catalog (migration 018): one row per property and code, never deleted (retired instead). */
import { sql } from 'kysely';
import { Service, type ServiceBody } from '../../../shared/domain/service.ts';
import type { Db, Tx } from '../store/store.ts';

type Row = {
  code: string;
  names: unknown;
  icon: string;
  department: string;
  fields: unknown;
  call_on_wall: boolean;
  retired: boolean;
  position: number;
  updated_at: Date | string;
  rev: number;
};

const json = (raw: unknown): unknown => (typeof raw === 'string' ? JSON.parse(raw) : raw);

function toService(r: Row): Service {
  return Service.parse({
    code: r.code,
    names: json(r.names),
    icon: r.icon,
    department: r.department,
    fields: json(r.fields),
    callOnWall: r.call_on_wall,
    retired: r.retired,
    position: r.position,
    updatedAt: new Date(r.updated_at).toISOString(),
    rev: r.rev,
  });
}

const COLUMNS = ['code', 'names', 'icon', 'department', 'fields', 'call_on_wall', 'retired', 'position', 'updated_at', 'rev'] as const;

/** Every service of the property, retired included, in the order guests see them. */
export async function allServices(db: Db | Tx, propertyId: string): Promise<Service[]> {
  const rows = await db.selectFrom('services').select(COLUMNS).where('property_id', '=', propertyId).orderBy('position').orderBy('code').execute();
  return rows.map(toService);
}

export async function findService(db: Db | Tx, propertyId: string, code: string): Promise<Service | null> {
  const row = await db.selectFrom('services').select(COLUMNS).where('property_id', '=', propertyId).where('code', '=', code).executeTakeFirst();
  return row ? toService(row) : null;
}

/**
 * Locks the property's catalog until commit (the property row: appendEvent takes it anyway), so two
 * managers saving at once apply one after the other and the limit and positions stay right.
 */
export async function lockCatalog(trx: Tx, propertyId: string): Promise<Service[]> {
  await trx.selectFrom('properties').select('id').where('id', '=', propertyId).forUpdate().executeTakeFirstOrThrow();
  return allServices(trx, propertyId);
}

/** Inserts a new service at `position`, or updates the existing one (rev + 1, position kept). */
export async function saveService(trx: Tx, propertyId: string, body: ServiceBody, position: number, now: Date): Promise<Service> {
  const values = {
    names: JSON.stringify(body.names),
    icon: body.icon,
    department: body.department,
    fields: JSON.stringify(body.fields),
    call_on_wall: body.callOnWall,
    retired: body.retired,
    updated_at: now,
  };
  const row = await trx
    .insertInto('services')
    .values({ property_id: propertyId, code: body.code, position, rev: 1, ...values })
    .onConflict((oc) => oc.columns(['property_id', 'code']).doUpdateSet({ ...values, rev: sql<number>`services.rev + 1` }))
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toService(row);
}

/** Moves one service to `position` (rev + 1); unchanged positions are left alone. */
export async function moveService(trx: Tx, propertyId: string, code: string, position: number, now: Date): Promise<Service> {
  const row = await trx
    .updateTable('services')
    .set({ position, updated_at: now, rev: sql<number>`rev + 1` })
    .where('property_id', '=', propertyId)
    .where('code', '=', code)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toService(row);
}
