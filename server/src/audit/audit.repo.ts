import type { Tx } from '../store/store.ts';

export interface AuditEntry {
  propertyId: string;
  staffId: string | null;
  /** e.g. `device.revoked` */
  action: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

/**
 * Records a staff action that is not part of the request feed. The `events`
 * table feeds every client's pull (and is read as requests), so actions on
 * devices are written here instead: never updated, never sent to clients.
 */
export async function appendAudit(trx: Tx, e: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({ property_id: e.propertyId, staff_id: e.staffId, action: e.action, subject_id: e.subjectId, details: JSON.stringify(e.details ?? {}) })
    .execute();
}
