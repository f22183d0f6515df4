/**
 * The API reference, served: GET /api/openapi.json (OpenAPI 3.1), GET /api/docs (the
 * same as a page) and its stylesheet. Built once from the route table, on first use.
 */
import { route, type RouteDef } from '../route.ts';
import { DOCS_CSS } from './docs-css.ts';
import { DOCS_CSS_PATH, docsPage } from './docs-page.ts';
import { buildOpenApiDocument, type OpenApiDocument } from './document.ts';
import { stableJson } from './stable-json.ts';

const TAGS = ['Reference'];

/** `routes` is read when first asked (the table includes these routes themselves). */
export function openApiRoutes(routes: () => readonly RouteDef[]): RouteDef[] {
  let built: { doc: OpenApiDocument; json: string; page: string } | null = null;
  const reference = () => {
    if (!built) {
      const doc = buildOpenApiDocument(routes());
      built = { doc, json: stableJson(doc), page: docsPage(doc) };
    }
    return built;
  };
  return [
    route({
      method: 'GET',
      url: '/api/openapi.json',
      access: 'public',
      tags: TAGS,
      summary: 'This reference as OpenAPI 3.1',
      description: 'The same document as `docs/openapi.json` in the source.',
      response: { mediaType: 'application/json', description: 'An OpenAPI 3.1 document.' },
      async handler({ reply }) {
        return reply.type('application/json; charset=utf-8').send(reference().json);
      },
    }),
    route({
      method: 'GET',
      url: '/api/docs',
      access: 'public',
      tags: TAGS,
      summary: 'This reference as a page',
      response: { mediaType: 'text/html', description: 'The reference, one static page (styles from `/api/docs.css`).' },
      async handler({ reply }) {
        return reply.type('text/html; charset=utf-8').send(reference().page);
      },
    }),
    route({
      method: 'GET',
      url: DOCS_CSS_PATH,
      access: 'public',
      tags: TAGS,
      summary: "The reference page's stylesheet",
      response: { mediaType: 'text/css', description: 'CSS.' },
      async handler({ reply }) {
        return reply.type('text/css; charset=utf-8').send(DOCS_CSS);
      },
    }),
  ];
}
