import { existsSync } from 'node:fs';
import { posix, resolve, win32 } from 'node:path';
import { userFolder } from './cache-root.js';
import { localDateTime } from '../core/dossier.js';
import { UsageError } from '../model/errors.js';
import { LOCAL_DATE_TIME } from '../model/keys.js';
import { sanitize } from '../text/terminal.js';

// Where the dossiers are, and what time it is: light (no yaml or zod), for __complete on every Tab too.

export const ENV_DOSSIERS = 'METHODEWIJZER_DOSSIERS';
/** The clock for tests and demonstrations: a local date and time (2026-03-02T14:05) used as "now". */
export const ENV_NOW = 'METHODEWIJZER_NOW';

/**
 * The folder: `--dossiers`, else METHODEWIJZER_DOSSIERS, else `dossiers` in the CLI's data folder (data,
 * not cache: $XDG_DATA_HOME or ~/.local/share, ~/Library/Application Support, %LOCALAPPDATA%; see
 * userFolder). Without any home, the current folder's `dossiers`.
 */
export function dossierFolder(flag: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (flag) return resolve(flag);
  if (env[ENV_DOSSIERS]) return resolve(env[ENV_DOSSIERS]!);
  const path = platform === 'win32' ? win32 : posix;
  const homedir = () => process.getBuiltinModule('node:os').homedir();
  const data = userFolder('data', env, homedir, platform);
  const folder = data ? path.join(data, 'dossiers') : resolve('dossiers');
  // Before macOS and Windows had folders of their own, the dossiers were in ~/.local/share there too:
  // where those are and the new folder is not, they stay where they are, so that none seems lost.
  if (platform === 'darwin' || platform === 'win32') {
    const home = env.HOME && path.isAbsolute(env.HOME) ? env.HOME : homedir();
    const earlier = path.join(home, '.local', 'share', 'methodewijzer', 'dossiers');
    if (earlier !== folder && !existsSync(folder) && existsSync(earlier)) return earlier;
  }
  return folder;
}

/** "Now" for a new session: METHODEWIJZER_NOW when set (checked), else the local clock. */
export function sessionDate(env: NodeJS.ProcessEnv, clock: () => Date = () => new Date()): string {
  const given = env[ENV_NOW];
  if (given !== undefined && given !== '') {
    if (!LOCAL_DATE_TIME.test(given)) throw new UsageError(`${ENV_NOW}="${sanitize(given)}" is geen datum en tijd`, 'Geef hem als JJJJ-MM-DDTUU:MM, bijvoorbeeld 2026-03-02T14:05, of laat hem leeg.');
    return given;
  }
  return localDateTime(clock());
}
