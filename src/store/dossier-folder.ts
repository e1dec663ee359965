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
  const data = userFolder('data', env, () => process.getBuiltinModule('node:os').homedir(), platform);
  return data ? (platform === 'win32' ? win32 : posix).join(data, 'dossiers') : resolve('dossiers');
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
