/**
 * Writes the API reference to docs/openapi.json (OpenAPI 3.1, keys sorted, 2-space JSON),
 * generated from the server's route table and the shared schemas. A test fails when the
 * checked-in file differs from what this writes: run it after changing a route or a schema.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { routeTable } from '../server/src/app.ts';
import { OPENAPI_FILE, openApiJson } from '../server/src/http/openapi/generate.ts';

const file = resolve(import.meta.dirname, '..', OPENAPI_FILE);
await writeFile(file, openApiJson(routeTable));
console.log(`wrote ${OPENAPI_FILE} (${routeTable.length} routes)`);
