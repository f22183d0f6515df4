import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries (docs/ARCHITECTURE.md, "Import rules"). Each zone: files
 * under `target` may not import anything under `from`. Paths are relative to
 * this file's folder, so the rules hold whatever directory eslint runs from.
 */
const importZones = [
  { target: 'kiosk', from: ['admin', 'server'], message: 'The kiosk is its own app: it imports only shared/.' },
  {
    target: 'admin/src',
    from: ['kiosk', 'server', 'admin/wall'],
    message: 'The tablet imports only shared/ (the wall in admin/wall is its own app).',
  },
  {
    target: 'admin/wall',
    from: ['kiosk', 'server', 'admin/src'],
    message: 'The wall is its own app: it imports only shared/.',
  },
  { target: 'shared', from: ['kiosk', 'admin', 'server'], message: 'shared/ imports nothing of the apps or the server.' },
  { target: 'server', from: ['kiosk', 'admin'], message: 'The server never imports an app.' },
  {
    // Every folder of server/src except sync/ is a domain (or infrastructure such as store/, http/, events/);
    // the wiring files directly in server/src (app.ts, server.ts, main.ts) may import sync/.
    target: 'server/src/!(sync)/**',
    from: 'server/src/sync',
    message: 'Server domains depend on events/ (appendEvent, Applied, handlers), never on sync/.',
  },
];

export default defineConfig(
  globalIgnores([
    '**/dist/',
    'dist-*/', // LOBBYDESK_DIST build folders
    '**/node_modules/',
    'test-results/',
    'data/',
    'playwright-report/',
    'public/',
    '**/dev-dist/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: {
        ...globals.browser,
        ...globals.node,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // Every relative import names its file with its extension (`./x.ts`), so plain Node resolution finds it.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: importZones }],
      // Type-only imports (`import type`) are erased at build time and never count as a cycle (the rule skips them).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
);
