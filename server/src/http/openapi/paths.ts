/** Paths, operation ids and security of a route, in OpenAPI's terms. */
import type { RouteDef } from '../route.ts';

/** Fastify's `/api/members/:id` is OpenAPI's `/api/members/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function pathParams(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
}

/** `GET /api/members/:id/card` → `getMembersByIdCard`; `GET /api/reports.csv` → `getReportsCsv`. */
export function operationId(r: Pick<RouteDef, 'method' | 'url'>): string {
  const words = r.url
    .replace(/^\/api\//, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `By${cap(w.slice(1))}` : cap(w)));
  return r.method.toLowerCase() + words.join('');
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

const DEVICE_KINDS: readonly string[] = ['kiosk', 'wall'];

export function accessOf(r: RouteDef): 'public' | string[] {
  return r.access === 'public' ? 'public' : [...r.access];
}

/** Public: none; staff roles: the session cookie; kiosks and walls: the bearer token; both: either. */
export function securityOf(access: 'public' | readonly string[]): Record<string, string[]>[] {
  if (access === 'public') return [];
  const schemes: Record<string, string[]>[] = [];
  if (access.some((a) => !DEVICE_KINDS.includes(a))) schemes.push({ staffSession: [] });
  if (access.some((a) => DEVICE_KINDS.includes(a))) schemes.push({ deviceToken: [] });
  return schemes;
}
