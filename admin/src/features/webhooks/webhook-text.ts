/** The webhook screens' words: event and guest-field names, a delivery's status, a refusal. */
import type { WebhookDelivery, WebhookGuestField } from '../../../../shared/protocol/webhooks.ts';
import { errorKey } from '../../i18n/admin.ts';
import { t } from '../../i18n/i18n.ts';
import type { WebhookRefusal } from '../../sync/webhooks.ts';
import type { ProblemKey } from './webhooks.queries.ts';

export const eventName = (type: WebhookDelivery['eventType']): string => t(`webhooks.event.${type}`);

export const guestFieldName = (field: WebhookGuestField): string => t(`webhooks.guest.${field}`);

export const statusText = (status: WebhookDelivery['status']): string => t(`webhooks.status.${status}`);

export const problemText = (key: ProblemKey): string => t(`webhooks.problem.${key}`);

/** A refusal in words: a 403 says who may, a 400 or 409 the server's own words, the rest by code. */
export function refusalText(r: WebhookRefusal): string {
  if (r.error === 'forbidden') return t('webhooks.forbidden');
  if (r.message) return t('webhooks.refused', { message: r.message });
  return t(errorKey(r.error));
}
