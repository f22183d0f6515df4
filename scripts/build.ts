/**
 * Builds the kiosk, admin and wall apps into dist/<app>/, each with its own
 * service worker, the guest's phone page into dist/follow/ (no service worker),
 * and the server into dist/server/ (scripts/build-server.ts).
 * `tsx scripts/build.ts kiosk wall` builds just those; `server` names the server.
 */
import { build } from 'vite';
import { APPS, appConfig } from '../vite.config.ts';
import { buildServer } from './build-server.ts';

const TARGETS = [...APPS, 'server'] as const;
const asked = process.argv.slice(2).filter((a) => (TARGETS as readonly string[]).includes(a));
const watch = process.argv.includes('--watch');
for (const target of asked.length ? asked : TARGETS) {
  const started = Date.now();
  if (target === 'server') {
    if (watch) continue; // the dev server runs the TypeScript itself
    await buildServer();
  } else {
    const config = appConfig(target as (typeof APPS)[number]);
    await build({ ...config, logLevel: 'warn', configFile: false, build: { ...config.build, watch: watch ? {} : null } });
  }
  if (!watch) console.log(`built ${target} in ${Date.now() - started} ms`);
}
