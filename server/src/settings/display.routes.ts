/**
 * The hotel's name and the wall display's languages. Every staff member may
 * read them (the tablet shows them); only a manager changes them. A change is
 * recorded in the audit log and appended to the feed as `display.upserted`,
 * so every open wall switches at once (the live hint wakes its pull).
 */
import { DisplaySettings, DisplaySettingsBody } from '../../../shared/protocol/display.ts';
import { STAFF_ROLES } from '../auth/principal.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { DomainError } from '../http/errors.ts';
import { route } from '../http/route.ts';
import { appendEvent } from '../events/events.repo.ts';
import { displaySettings, displaySettingsForUpdate, saveDisplaySettings } from './display.repo.ts';

export const displayRoutes = [
  route({
    method: 'GET',
    url: '/api/settings/display',
    access: STAFF_ROLES,
    tags: ['Settings'],
    summary: "The hotel's name and the wall display's languages",
    response: DisplaySettings,
    async handler({ who, deps }) {
      return displaySettings(deps.store.db, who.propertyId);
    },
  }),
  route({
    method: 'POST',
    url: '/api/settings/display',
    access: ['manager'],
    tags: ['Settings'],
    summary: "Change the hotel's name and the wall display's languages",
    description: 'Recorded in the audit log and appended to the feed as `display.upserted`, so every open wall switches at once. Answers the saved settings.',
    body: DisplaySettingsBody,
    response: DisplaySettings,
    async handler({ req, who, deps, body: next }) {
      if (who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
      const version = await deps.store.tx(async (trx) => {
        const before = await displaySettingsForUpdate(trx, who.propertyId);
        await saveDisplaySettings(trx, who.propertyId, next);
        await appendAudit(trx, { propertyId: who.propertyId, staffId: who.staffId, action: 'settings.display', subjectId: who.propertyId, details: { before, after: next } });
        return appendEvent(trx, {
          propertyId: who.propertyId,
          type: 'display.upserted',
          entityId: who.propertyId,
          subjectDeviceId: null,
          actorStaffId: who.staffId,
          originDeviceId: null,
          data: next,
        });
      });
      await deps.notifier.publish(who.propertyId, version);
      req.log.info({ staffId: who.staffId, wallLanguages: next.wallLanguages }, 'display settings changed');
      return next;
    },
  }),
];
