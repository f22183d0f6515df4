/**
 * What a guest fills in for a catalog service, as plain data (service.ts
 * builds its schemas on these): the kiosk's service screen loads this with
 * its first screen, before zod.
 */
export const SERVICE_FIELDS = ['room', 'neededAt', 'count', 'note'] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];

/** The largest count a guest may ask for (towels, umbrellas). */
export const SERVICE_COUNT_MAX = 20;
