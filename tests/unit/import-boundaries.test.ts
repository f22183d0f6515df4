/**
 * The import rules of eslint.config.js (docs/ARCHITECTURE.md, "Import rules")
 * fail the lint when broken: each case lints a small probe file placed, by
 * its path, in one folder and importing a real file of another.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The rule ids of the errors ESLint reports for `code` as if it were the file at `file` (relative to the repository). */
async function errorsOf(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

const restricted = 'import-x/no-restricted-paths';

describe('import boundaries', () => {
  it.each([
    ['the kiosk importing the server', 'kiosk/src/probe.ts', "import { loadConfig } from '../../server/src/config.ts';"],
    ['the kiosk importing the tablet', 'kiosk/src/probe.ts', "import { api } from '../../admin/src/sync/api.ts';"],
    ['the tablet importing the wall', 'admin/src/probe.ts', "import { nowCalled } from '../wall/src/wall.queries.ts';"],
    ['the tablet importing the kiosk', 'admin/src/probe.ts', "import { App } from '../../kiosk/src/app/App.tsx';"],
    ['the wall importing the tablet', 'admin/wall/src/probe.ts', "import { api } from '../../src/sync/api.ts';"],
    ['the wall importing the server', 'admin/wall/src/probe.ts', "import { loadConfig } from '../../../server/src/config.ts';"],
    ['shared/ importing the server', 'shared/domain/probe.ts', "import { loadConfig } from '../../server/src/config.ts';"],
    ['the server importing the kiosk', 'server/src/probe.ts', "import { App } from '../../kiosk/src/app/App.tsx';"],
    ['a server domain importing sync/', 'server/src/luggage/probe.ts', "import { syncRoutes } from '../sync/sync.routes.ts';"],
    ['a nested domain file importing sync/', 'server/src/store/migrations/probe.ts', "import { syncRoutes } from '../../sync/sync.routes.ts';"],
  ])('rejects %s', async (_what, file, code) => {
    expect(await errorsOf(file, `${code}\nexport const probe = [${code.match(/\{ (\w+) \}/)?.[1]}];\n`)).toEqual([restricted]);
  });

  it.each([
    ['the kiosk importing shared/', 'kiosk/src/probe.ts', "import { toWallRequest } from '../../shared/domain/request.ts';"],
    ['the wall importing shared/', 'admin/wall/src/probe.ts', "import { toWallRequest } from '../../../shared/domain/request.ts';"],
    ['a server domain importing events/', 'server/src/luggage/probe.ts', "import { appendEvent } from '../events/events.repo.ts';"],
    ['the server wiring importing sync/', 'server/src/probe.ts', "import { syncRoutes } from './sync/sync.routes.ts';"],
    ['sync/ importing a domain', 'server/src/sync/probe.ts', "import { currentIssues } from '../issues/issues.repo.ts';"],
    ['a test importing the server', 'tests/unit/probe.ts', "import { loadConfig } from '../../server/src/config.ts';"],
  ])('allows %s', async (_what, file, code) => {
    expect(await errorsOf(file, `${code}\nexport const probe = [${code.match(/\{ (\w+) \}/)?.[1]}];\n`)).toEqual([]);
  });
});

describe('import cycles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lobbydesk-cycle-'));
  // The project's config, applied to files in a scratch folder (so the repository never holds a cycle, not even briefly).
  const scratch = new ESLint({ cwd: dir, overrideConfigFile: path.join(root, 'eslint.config.js') });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cycleErrors(files: Record<string, string>, lint: string): Promise<string[]> {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const [result] = await scratch.lintFiles([path.join(dir, lint)]);
    return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
  }

  it('rejects a cycle through a third module', async () => {
    const errors = await cycleErrors(
      {
        'a.ts': "import { b } from './b.ts';\nexport const a = () => b();\n",
        'b.ts': "import { c } from './c.ts';\nexport const b = () => c();\n",
        'c.ts': "import { a } from './a.ts';\nexport const c = () => a;\n",
      },
      'a.ts',
    );
    expect(errors).toEqual(['import-x/no-cycle']);
  });

  it('ignores a cycle closed only by a type import (erased at build time)', async () => {
    const errors = await cycleErrors(
      {
        'd.ts': "import { e } from './e.ts';\nexport interface D { n: number }\nexport const d = () => e();\n",
        'e.ts': "import type { D } from './d.ts';\nexport const e = (): D => ({ n: 1 });\n",
      },
      'd.ts',
    );
    expect(errors).toEqual([]);
  });
});
