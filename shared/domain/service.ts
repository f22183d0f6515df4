/**
 * The hotel's own service catalog (taxi, umbrella, wake-up call, towels…): data a manager
 * edits on the tablet, not code. Every kiosk shows the active services as home tiles, the
 * queue and the wall show their names, reports count them. Call staff, luggage and shoe
 * care stay built in (their own screens, the other `REQUEST_KINDS`); every list of services
 * (home tiles, the wall's waiting board, reports) derives from those kinds and this catalog.
 *
 * A guest's request for a catalog service is a request of kind `service` whose details
 * name the service by its code; the server stamps the service's department on it (the
 * queue it lands in) and whether the wall calls it.
 */
import { z } from 'zod';
import { Department } from './issue.ts';
import { FreeText, ShownText } from './text.ts';
import { SERVICE_ICON_NAMES } from './service-icons.ts';
import { SERVICE_COUNT_MAX, SERVICE_FIELDS, type ServiceField } from './service-form.ts';

/** A service's stable code: lower-case letters, digits and `_`, 2–24 characters ("taxi", "extra_towels"). */
export const ServiceCode = z.string().regex(/^[a-z][a-z0-9_]{1,23}$/, 'a code is 2–24 lower-case letters, digits or _');
export type ServiceCode = z.infer<typeof ServiceCode>;

export const ServiceIcon = z.enum(SERVICE_ICON_NAMES);
export type ServiceIcon = z.infer<typeof ServiceIcon>;

/** What the guest fills in for a service: each field is off, optional or required. */
export const FieldRule = z.enum(['off', 'optional', 'required']);
export type FieldRule = z.infer<typeof FieldRule>;
export { SERVICE_FIELDS, type ServiceField };
export const ServiceFields = z.object({ room: FieldRule, neededAt: FieldRule, count: FieldRule, note: FieldRule });
export type ServiceFields = z.infer<typeof ServiceFields>;

/** The longest name a manager may give a service (a kiosk tile shows it on two lines at most). */
export const SERVICE_NAME_MAX = 40;
/** How many catalog services a property may have (active and retired). */
export const SERVICE_LIMIT = 60;
export { SERVICE_COUNT_MAX };

/** As a manager sends it (`POST /api/settings/services`): names are typed text, cleaned like every free-text field. */
export const ServiceBody = z.object({
  code: ServiceCode,
  names: z.object({
    en: FreeText(SERVICE_NAME_MAX, { min: 1 }),
    'zh-Hans': FreeText(SERVICE_NAME_MAX, { min: 1 }),
    'zh-Hant': FreeText(SERVICE_NAME_MAX, { min: 1 }),
  }),
  icon: ServiceIcon,
  department: Department,
  fields: ServiceFields,
  /** Whether the wall calls its tickets to a desk; when not, the wall lists it as waiting only (staff go to the guest). */
  callOnWall: z.boolean(),
  /** Retired services leave the kiosks; their requests stay in the history and reports. */
  retired: z.boolean().default(false),
});
export type ServiceBody = z.infer<typeof ServiceBody>;

/** As the server sends it to every audience (nothing of a guest in it). */
export const Service = z.object({
  code: ServiceCode,
  names: z.object({ en: ShownText, 'zh-Hans': ShownText, 'zh-Hant': ShownText }),
  icon: ServiceIcon,
  department: Department,
  fields: ServiceFields,
  callOnWall: z.boolean(),
  retired: z.boolean(),
  /** Order on the kiosk's home, the wall and the tablet (ascending). */
  position: z.number().int(),
  updatedAt: z.string(),
  rev: z.number().int().positive(),
});
export type Service = z.infer<typeof Service>;
/** The whole catalog, in order, retired services included (`GET /api/settings/services`). */
export const ServiceList = z.array(Service);

/** A new order for the catalog: every code once, in the order to show. */
export const ServiceOrderBody = z.object({ codes: z.array(ServiceCode).max(SERVICE_LIMIT) });
export type ServiceOrderBody = z.infer<typeof ServiceOrderBody>;

/** What a guest's request for a catalog service carries beyond the common fields (room and note are the common ones). */
export const ServiceDetails = z.object({
  kind: z.literal('service'),
  service: ServiceCode,
  count: z.number().int().min(1).max(SERVICE_COUNT_MAX).nullable().default(null),
  neededAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Set by the server from the catalog when it takes the request (whatever a sender put here is overwritten): false = the wall never calls it. */
  callOnWall: z.boolean().optional(),
});
export type ServiceDetails = z.infer<typeof ServiceDetails>;

/** The active services in the order guests see them. */
export function activeServices(catalog: readonly Service[]): Service[] {
  return catalog.filter((s) => !s.retired).sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
}
