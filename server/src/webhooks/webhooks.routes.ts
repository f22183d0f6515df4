/** Outgoing webhooks over HTTP (shared/protocol/webhooks.ts): managers only. Secrets appear in the create and rotate answers only. */
import { z } from 'zod';
import { WebhookCreated, WebhookDelivery, WebhookEndpoint, WebhookEndpointBody, WebhookEndpointPatch, WebhookIdParams, WebhookSecret } from '../../../shared/protocol/webhooks.ts';
import { DomainError } from '../http/errors.ts';
import { staffRoute } from '../http/route.ts';
import { recentDeliveries } from './deliveries.repo.ts';
import { findEndpoint, listEndpoints } from './endpoints.repo.ts';
import { createEndpoint, patchEndpoint, pingEndpoint, rotateEndpointSecret } from './webhooks.service.ts';

const MANAGERS = ['manager'] as const;
const tags = ['Webhooks'] as const;

export const webhookRoutes = [
  staffRoute({
    method: 'GET',
    url: '/api/settings/webhooks',
    access: MANAGERS,
    summary: "The property's webhook endpoints (never their secrets)",
    tags,
    response: z.array(WebhookEndpoint),
    async handler({ who, deps }) {
      return listEndpoints(deps.store.db, who.propertyId);
    },
  }),
  staffRoute({
    method: 'POST',
    url: '/api/settings/webhooks',
    access: MANAGERS,
    summary: 'Registers an endpoint; the answer carries its signing secret, shown this once',
    tags,
    body: WebhookEndpointBody,
    response: WebhookCreated,
    async handler({ req, who, deps, body }) {
      const created = await deps.store.tx((trx) => createEndpoint(trx, who, body, deps.now()));
      req.log.info({ staffId: who.staffId, endpointId: created.endpoint.id }, 'webhook endpoint created');
      return created;
    },
  }),
  staffRoute({
    method: 'POST',
    url: '/api/settings/webhooks/:id',
    access: MANAGERS,
    summary: 'Changes an endpoint (address, events, guest fields, on or off)',
    tags,
    params: WebhookIdParams,
    body: WebhookEndpointPatch,
    response: WebhookEndpoint,
    async handler({ who, deps, params, body }) {
      return deps.store.tx((trx) => patchEndpoint(trx, who, params.id, body));
    },
  }),
  staffRoute({
    method: 'POST',
    url: '/api/settings/webhooks/:id/rotate',
    access: MANAGERS,
    summary: 'A new signing secret; the previous one also signs for a day',
    tags,
    params: WebhookIdParams,
    response: WebhookSecret,
    async handler({ req, who, deps, params }) {
      const res = await deps.store.tx((trx) => rotateEndpointSecret(trx, who, params.id, deps.now()));
      req.log.info({ staffId: who.staffId, endpointId: params.id }, 'webhook secret rotated');
      return res;
    },
  }),
  staffRoute({
    method: 'POST',
    url: '/api/settings/webhooks/:id/test',
    access: MANAGERS,
    summary: 'Queues a ping to the endpoint',
    tags,
    params: WebhookIdParams,
    response: WebhookDelivery,
    async handler({ who, deps, params }) {
      return deps.store.tx((trx) => pingEndpoint(trx, who, params.id, deps.now())); // the workers' next poll (1 s) sends it
    },
  }),
  staffRoute({
    method: 'GET',
    url: '/api/settings/webhooks/:id/deliveries',
    access: MANAGERS,
    summary: "The endpoint's latest deliveries, newest first (at most 100)",
    tags,
    params: WebhookIdParams,
    response: z.array(WebhookDelivery),
    async handler({ who, deps, params }) {
      if (!(await findEndpoint(deps.store.db, who.propertyId, params.id))) throw new DomainError('not_found', 'No webhook endpoint with this id at your property');
      return recentDeliveries(deps.store.db, params.id);
    },
  }),
];
