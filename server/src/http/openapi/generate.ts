/** The reference as `docs/openapi.json` holds it: what `npm run openapi` writes and the staleness test compares. */
import type { RouteDef } from '../route.ts';
import { buildOpenApiDocument } from './document.ts';
import { stableJson } from './stable-json.ts';

export const OPENAPI_FILE = 'docs/openapi.json';

export function openApiJson(routes: readonly RouteDef[]): string {
  return stableJson(buildOpenApiDocument(routes));
}
