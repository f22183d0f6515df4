import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export const APPS = ['kiosk', 'admin', 'wall', 'follow'] as const;
export type AppName = (typeof APPS)[number];

const here = import.meta.dirname;
const version = (JSON.parse(readFileSync(resolve(here, 'package.json'), 'utf8')) as { version: string }).version;
const roots: Record<AppName, string> = {
  kiosk: resolve(here, 'kiosk'),
  admin: resolve(here, 'admin'),
  wall: resolve(here, 'admin/wall'),
  follow: resolve(here, 'kiosk/follow'), // the guest's phone page (/t/<token>): no install, so no service worker
};
const titles: Record<AppName, { name: string; short: string; color: string; orientation: 'portrait' | 'any' | 'landscape' }> = {
  kiosk: { name: 'lobbydesk kiosk', short: 'Lobby', color: '#0f3d3e', orientation: 'any' },
  admin: { name: 'lobbydesk staff', short: 'Desk', color: '#1d3557', orientation: 'any' },
  wall: { name: 'lobbydesk wall display', short: 'Wall', color: '#111827', orientation: 'landscape' },
  follow: { name: 'lobbydesk ticket', short: 'Ticket', color: '#0f3d3e', orientation: 'portrait' },
};
/** The app's base path: the phone page is served at /t/<token> (server/src/follow), the others at /<app>/. */
const bases: Record<AppName, string> = { kiosk: '/kiosk/', admin: '/admin/', wall: '/wall/', follow: '/t/' };

/** One Vite build per app: its own base path, manifest and service worker scope (the phone page: neither). */
export function appConfig(app: AppName): UserConfig {
  const t = titles[app];
  return {
    root: roots[app],
    base: bases[app],
    publicDir: app === 'follow' ? false : resolve(here, 'public'), // the phone page needs no icons
    define: { __APP_VERSION__: JSON.stringify(version) }, // reported in device heartbeats
    plugins: [
      preact(),
      // The phone page gets no service worker or manifest: a guest installs nothing, and nothing outlives the stay.
      app !== 'follow' &&
      VitePWA({
        injectRegister: false, // each app registers through workbox-window itself, to control updates
        registerType: 'prompt',
        manifest: {
          name: t.name,
          short_name: t.short,
          start_url: `/${app}/`,
          scope: `/${app}/`,
          display: 'fullscreen',
          orientation: t.orientation,
          background_color: t.color,
          theme_color: t.color,
          icons: [
            { src: `/${app}/icon-192.png`, sizes: '192x192', type: 'image/png' },
            { src: `/${app}/icon-512.png`, sizes: '512x512', type: 'image/png' },
            { src: `/${app}/icon.svg`, sizes: 'any', type: 'image/svg+xml' },
          ],
        },
        workbox: {
          navigateFallback: `/${app}/index.html`,
          navigateFallbackDenylist: [/^\/api\//],
          globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
          cleanupOutdatedCaches: true,
          clientsClaim: true, // the first install controls the open page, so it works offline without a reload
        },
      }),
    ],
    build: {
      outDir: resolve(here, process.env.LOBBYDESK_DIST ?? 'dist', app), // LOBBYDESK_DIST: another build folder (parallel work)
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
    },
    // zod without its eval probe, configured before any schema is built (see the module).
    resolve: { alias: [{ find: /^zod$/, replacement: resolve(here, 'shared/zod-browser.ts') }] },
    server: { proxy: { '/api': 'http://localhost:8080' } },
  };
}

const app = (process.env.LD_APP ?? 'kiosk') as AppName;
export default defineConfig(appConfig(APPS.includes(app) ? app : 'kiosk'));
