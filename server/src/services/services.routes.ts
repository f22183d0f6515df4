/**
 * The service catalog over HTTP: every staff member reads it (the tablet's queue labels),
 * only a manager changes it. A change reaches every kiosk, wall and tablet as the
 * event `service.upserted` (the live hint wakes their pulls).
 */
import { Service, ServiceBody, ServiceList, ServiceOrderBody } from '../../../shared/domain/service.ts';
import { STAFF_ROLES } from '../auth/principal.ts';
import { staffRoute } from '../http/route.ts';
import { allServices } from './services.repo.ts';
import { orderServices, upsertService } from './services.service.ts';

export const serviceRoutes = [
  staffRoute({
    method: 'GET',
    url: '/api/settings/services',
    access: STAFF_ROLES,
    tags: ['Services'],
    summary: 'The service catalog, in order, retired services included',
    response: ServiceList,
    async handler({ who, deps }) {
      return allServices(deps.store.db, who.propertyId);
    },
  }),
  staffRoute({
    method: 'POST',
    url: '/api/settings/services',
    access: ['manager'],
    tags: ['Services'],
    summary: 'Add or change a service',
    description: 'Reaches every kiosk, wall and tablet as the event `service.upserted`. Answers the saved service.',
    body: ServiceBody,
    response: Service,
    async handler({ req, who, deps, body }) {
      const { service, version } = await deps.store.tx((trx) => upsertService(trx, who, body, deps.now()));
      await deps.notifier.publish(who.propertyId, version);
      req.log.info({ staffId: who.staffId, service: service.code, rev: service.rev, retired: service.retired }, 'service saved');
      return service;
    },
  }),
  staffRoute({
    method: 'POST',
    url: '/api/settings/services/order',
    access: ['manager'],
    tags: ['Services'],
    summary: 'Reorder the catalog',
    description: 'Every code once, in the order to show. Answers the catalog in its new order.',
    body: ServiceOrderBody,
    response: ServiceList,
    async handler({ who, deps, body }) {
      const { services, version } = await deps.store.tx((trx) => orderServices(trx, who, body, deps.now()));
      if (version !== null) await deps.notifier.publish(who.propertyId, version);
      return services;
    },
  }),
];
