/**
 * Compiles the server to plain JavaScript in dist/server/ (`npm start` runs
 * `node dist/server/main.js`: no TypeScript loader at run time). Packages stay
 * in node_modules; the project's own modules (server/ and shared/) are
 * bundled into one file, and the SQL migrations are copied beside it.
 */
import { cp, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';

const here = resolve(import.meta.dirname, '..');

/** Into `<dist>/server/`; dist is LOBBYDESK_DIST or dist/. It must sit inside the project, where node_modules is found. */
export async function buildServer(dist = resolve(here, process.env.LOBBYDESK_DIST ?? 'dist')): Promise<string> {
  const outDir = resolve(dist, 'server');
  await rm(outDir, { recursive: true, force: true });
  await build({
    configFile: false,
    root: here,
    logLevel: 'warn',
    publicDir: false,
    // Node's own environment: packages are imported from node_modules at run time, never bundled.
    ssr: { external: true, noExternal: [] },
    build: {
      ssr: resolve(here, 'server/src/main.ts'),
      outDir,
      target: 'node20',
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      rolldownOptions: { output: { format: 'esm', entryFileNames: 'main.js' } },
    },
  });
  await cp(resolve(here, 'server/src/store/migrations'), resolve(outDir, 'migrations'), { recursive: true });
  return resolve(outDir, 'main.js');
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  const started = Date.now();
  await buildServer();
  console.log(`built server in ${Date.now() - started} ms`);
}
