import { isAbsolute, join } from 'node:path';

/**
 * The CLI's cache folder: $XDG_CACHE_HOME/methodewijzer, else ~/.cache/methodewijzer; undefined when
 * there is no home. Shared by the CLI and boot.ts (which may load nothing of the CLI to start it), so
 * it needs node:path only; `homedir` is asked only without HOME, since node:os costs start-up time.
 */
export function cacheRoot(env: NodeJS.ProcessEnv, homedir: () => string): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'methodewijzer');
  let home = env.HOME;
  try {
    home ||= homedir();
  } catch {
    return undefined;
  }
  return home ? join(home, '.cache', 'methodewijzer') : undefined;
}
