/**
 * GET /api/docs: the reference as one static page, rendered on the server from the
 * OpenAPI document. No script and no inline style (the CSP allows neither): the
 * look comes from /api/docs.css.
 */
import { SCHEMA_REF, type JsonSchema } from './components.ts';
import { WHO_PREFIXES, type OpenApiDocument } from './document.ts';
import { escapeHtml, inline, markdown } from './markdown.ts';
import { schemaAnchor, schemaHtml } from './schema-html.ts';

interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  'x-lobbydesk-access': string[];
  parameters: ({ $ref: string } | { name: string; in: string; required: boolean; schema: JsonSchema })[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema: JsonSchema }> }>;
}

interface Doc {
  info: { title: string; version: string; description: string };
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export const DOCS_CSS_PATH = '/api/docs.css';

export function docsPage(document: OpenApiDocument): string {
  const doc = document as unknown as Doc;
  const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  const sections = doc.tags.map((tag) => {
    const mine = ops.filter((o) => o.op.tags[0] === tag.name);
    return `<section class="tag" id="tag-${escapeHtml(tag.name.replace(/\W+/g, '-'))}">
<h2>${escapeHtml(tag.name)}</h2>
${tag.description ? markdown(tag.description) : ''}
${mine.map(({ path, method, op }) => operationHtml(path, method, op, doc.components.schemas)).join('\n')}
</section>`;
  });
  const toc = doc.tags
    .map((tag) => {
      const mine = ops.filter((o) => o.op.tags[0] === tag.name);
      return `<li><a href="#tag-${escapeHtml(tag.name.replace(/\W+/g, '-'))}">${escapeHtml(tag.name)}</a><ul>${mine
        .map(({ path, method, op }) => `<li><a href="#${escapeHtml(op.operationId)}"><span class="method">${method}</span> ${escapeHtml(path)}</a></li>`)
        .join('')}</ul></li>`;
    })
    .join('');
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, s]) => `<section class="schema" id="${schemaAnchor(name)}"><h3>${escapeHtml(name)}</h3><div class="shape">${schemaHtml(s)}</div></section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</title>
<link rel="stylesheet" href="${DOCS_CSS_PATH}">
</head>
<body>
<main>
<h1>${escapeHtml(doc.info.title)} <span class="version">${escapeHtml(doc.info.version)}</span></h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
${markdown(doc.info.description)}
<nav><h2>Contents</h2><ul class="toc">${toc}<li><a href="#schemas">Schemas</a></li></ul></nav>
${sections.join('\n')}
<section id="schemas"><h2>Schemas</h2>
<p>The shared shapes the operations refer to. A name ending in <code>.input</code> is the shape as a client sends it, where it differs from what the server answers (fields with a default may be left out).</p>
${schemas}
</section>
</main>
</body>
</html>
`;
}

/** A named shape shown in place: its name (a link to its section), then its fields. */
function expanded(schema: JsonSchema, schemas: Record<string, JsonSchema>): string {
  const name = typeof schema.$ref === 'string' ? schema.$ref.slice(SCHEMA_REF.length) : undefined;
  const target = name === undefined ? undefined : schemas[name];
  if (!target) return `<div class="shape">${schemaHtml(schema)}</div>`;
  return `<div class="shape"><p class="named">${schemaHtml(schema)}</p>${schemaHtml(target)}</div>`;
}

/** A parameter's type; a named one that is not an object (an enum, a day) is spelled out beside its name. */
function paramHtml(schema: JsonSchema, schemas: Record<string, JsonSchema>): string {
  const target = typeof schema.$ref === 'string' ? schemas[schema.$ref.slice(SCHEMA_REF.length)] : undefined;
  return target && target.type !== 'object' ? `${schemaHtml(schema)}: ${schemaHtml(target)}` : schemaHtml(schema);
}

function operationHtml(path: string, method: string, op: Operation, schemas: Record<string, JsonSchema>): string {
  const params = op.parameters.filter((p): p is Exclude<Operation['parameters'][number], { $ref: string }> => !('$ref' in p));
  const header = op.parameters.some((p) => '$ref' in p && p.$ref.endsWith('Required')) ? 'required' : 'optional';
  const body = op.requestBody ? Object.entries(op.requestBody.content)[0] : undefined;
  const ok = op.responses['200'];
  const okContent = ok?.content ? Object.entries(ok.content)[0] : undefined;
  return `<article class="op" id="${escapeHtml(op.operationId)}">
<h3><span class="method method-${method.toLowerCase()}">${method}</span> <code>${escapeHtml(path)}</code></h3>
<p class="summary">${inline(op.summary)}</p>
<p class="who">Who may call it: ${op['x-lobbydesk-access'].map((a) => `<span class="role">${escapeHtml(a)}</span>`).join(' ')}</p>
${markdown(withoutWho(op.description))}
<h4>Parameters</h4>
<ul class="params">${params.map((p) => `<li><code>${escapeHtml(p.name)}</code> <span class="in">${escapeHtml(p.in)}</span>${p.required ? ' <span class="req">required</span>' : ''}: ${paramHtml(p.schema, schemas)}</li>`).join('')}<li><code>x-lobbydesk-protocol</code> <span class="in">header</span> ${header === 'required' ? '<span class="req">required</span>' : 'optional'}: the protocol version</li></ul>
${body ? `<h4>Request body <span class="media">${escapeHtml(body[0])}</span></h4>${expanded(body[1].schema, schemas)}` : ''}
<h4>Answer 200${okContent ? ` <span class="media">${escapeHtml(okContent[0])}</span>` : ''}</h4>
${ok?.description && ok.description !== 'OK' ? `<p>${inline(ok.description)}</p>` : ''}
${okContent && okContent[0] === 'application/json' ? expanded(okContent[1].schema, schemas) : ''}
<p class="errors">Errors: 4xx and 5xx answer <a href="#${schemaAnchor('ApiError')}">ApiError</a> <code>{"error":{"code","message"}}</code>.</p>
</article>`;
}

/** The page shows who may call an operation as labels; the description's sentence saying it is left out. */
function withoutWho(description: string): string {
  return description
    .split('\n\n')
    .filter((p) => !WHO_PREFIXES.some((w) => p.startsWith(w)))
    .join('\n\n');
}
