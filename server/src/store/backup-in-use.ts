/**
 * Is an embedded database folder open in some process? PGlite has no lock of
 * its own: a second process opens a folder the server is using without
 * complaint, and two writers corrupt it. PGlite writes `postmaster.pid` when
 * it opens a folder and removes it when it closes, and keeps the relation
 * files open while it runs, so:
 * - Linux: a process with a file of the folder open (in /proc/<pid>/fd) has it open;
 * - no `postmaster.pid` and no such process: free;
 * - `postmaster.pid` left behind with no process holding the folder (every
 *   process could be checked): stale, from a server that stopped abruptly;
 * - `postmaster.pid` and no way to check every process (not Linux, or
 *   processes of other users): unknown, so the caller refuses.
 */
import { existsSync } from 'node:fs';
import { readdir, readlink, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

export type FolderUse = { state: 'free' } | { state: 'stale' } | { state: 'open'; pid: number } | { state: 'unknown' };

async function holders(folder: string): Promise<{ pid: number | null; complete: boolean } | null> {
  if (process.platform !== 'linux' || !existsSync('/proc/self/fd')) return null;
  const prefix = (await realpath(folder)) + sep;
  let complete = true;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = await readdir(`/proc/${entry}/fd`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') complete = false; // EACCES: another user's process
      continue;
    }
    for (const fd of fds) {
      const target = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => '');
      if (target.startsWith(prefix)) return { pid: Number(entry), complete };
    }
  }
  return { pid: null, complete };
}

export async function pgliteFolderUse(folder: string): Promise<FolderUse> {
  if (!existsSync(folder)) return { state: 'free' };
  const pidFile = existsSync(join(folder, 'postmaster.pid'));
  const seen = await holders(folder);
  if (seen?.pid) return { state: 'open', pid: seen.pid };
  if (!pidFile) return { state: 'free' };
  return seen?.complete ? { state: 'stale' } : { state: 'unknown' };
}
