/** Builds the kiosk, admin and wall apps into dist/<app>/, each with its own service worker. */
import { build } from 'vite';
import { APPS, appConfig } from '../vite.config.ts';

const only = process.argv.slice(2).filter((a) => (APPS as readonly string[]).includes(a));
const watch = process.argv.includes('--watch');
for (const app of only.length ? only : APPS) {
  const started = Date.now();
  await build({ ...appConfig(app as (typeof APPS)[number]), logLevel: 'warn', configFile: false, build: { ...appConfig(app as (typeof APPS)[number]).build, watch: watch ? {} : null } });
  if (!watch) console.log(`built ${app} in ${Date.now() - started} ms`);
}
