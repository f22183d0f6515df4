/** The reference page's stylesheet (GET /api/docs.css): the CSP takes styles only from files. */
export const DOCS_CSS = `body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;background:#f6f6f4;color:#1d1d1b}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem}h1 .version{font-size:1rem;color:#666;font-weight:normal}
h2{font-size:1.35rem;margin-top:2.5rem;border-bottom:2px solid #ddd;padding-bottom:.25rem}
h3{font-size:1.1rem;margin:0 0 .25rem}h4{font-size:.95rem;margin:1rem 0 .25rem}
a{color:#1d4ed8}
code{font-family:ui-monospace,monospace;font-size:.9em;background:#fff;border:1px solid #e2e2e2;border-radius:4px;padding:0 .2rem;word-break:break-word}
.op,.schema{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
.op h3 code{border:0;font-size:1rem}
.method{display:inline-block;min-width:3.2rem;text-align:center;font-family:ui-monospace,monospace;font-size:.8rem;font-weight:bold;color:#fff;background:#1d4ed8;border-radius:4px;padding:.1rem .35rem}
.method-post{background:#047857}
.toc .method{min-width:2.8rem;font-size:.7rem}
.summary{font-weight:600;margin:.25rem 0}
.who .role{display:inline-block;background:#eef2ff;border:1px solid #c7d2fe;border-radius:999px;padding:0 .5rem;font-size:.85rem}
.req{color:#b91c1c;font-size:.8rem}.in,.media{color:#666;font-size:.8rem;font-weight:normal}
.limit,.note{color:#555;font-size:.85rem}.type{font-style:italic}
.shape ul,.params ul{margin:.1rem 0;padding-left:1.25rem;border-left:1px solid #e5e5e5}
.errors{color:#555;font-size:.9rem}
.shape .named{margin:0 0 .25rem;font-weight:600}
nav ul.toc{columns:2;column-gap:2rem}nav ul ul{font-size:.9rem;padding-left:1rem}
`;
