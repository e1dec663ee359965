import { isAbsolute, join, resolve } from 'node:path';
import { localDateTime } from '../core/dossier.js';
import { UsageError } from '../model/errors.js';
import { LOCAL_DATE_TIME } from '../model/keys.js';
import { sanitize } from '../text/terminal.js';

// Where the dossiers are, and what time it is: light (no yaml or zod), for __complete on every Tab too.

export const ENV_DOSSIERS = 'METHODEWIJZER_DOSSIERS';
/** The clock for tests and demonstrations: a local date and time (2026-03-02T14:05) used as "now". */
export const ENV_NOW = 'METHODEWIJZER_NOW';

/** The folder: `--dossiers`, else METHODEWIJZER_DOSSIERS, else $XDG_DATA_HOME/methodewijzer/dossiers (data, not cache). */
export function dossierFolder(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag) return resolve(flag);
  if (env[ENV_DOSSIERS]) return resolve(env[ENV_DOSSIERS]!);
  const xdg = env.XDG_DATA_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'methodewijzer', 'dossiers');
  const home = env.HOME && isAbsolute(env.HOME) ? env.HOME : process.getBuiltinModule('node:os').homedir();
  return join(home, '.local', 'share', 'methodewijzer', 'dossiers');
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
