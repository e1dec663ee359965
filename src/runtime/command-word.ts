// Which word of the command line names the command, read before commander is even loaded: by the CLI
// (src/cli/program.ts), to declare only that command, and by src/boot/boot.ts, to pick the code cache of that
// command. Little else here: boot.ts is bundled on its own.
import { delimiter, isAbsolute, join } from 'node:path';
import { ENV_CATALOGUE } from '../model/defaults.js';

/** Global options that take a value: the word after them is not the command. */
const GLOBAL_WITH_VALUE = new Set(['-c', '--catalogue']);

/**
 * The first word that could name a command, when nothing before it could change the run's meaning;
 * else undefined (a help flag, say, or no word at all). Whether it is a command is the caller's to say.
 */
export function commandWord(argv: string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i];
    if (GLOBAL_WITH_VALUE.has(arg)) i++;
    else if (arg === '--no-color' || arg === '--no-pager' || arg.startsWith('--catalogue=')) continue;
    else return arg.startsWith('-') ? undefined : arg;
  }
  return undefined;
}

/**
 * The user's folders named in the environment (METHODEWIJZER_CATALOGUE), `~` expanded, separated as
 * PATH is: by ':', on Windows by ';' (where `C:\methoden` holds a colon). `separator` is for the tests.
 */
export function envFolders(env: NodeJS.ProcessEnv, separator: string = delimiter): string[] {
  return (env[ENV_CATALOGUE] ?? '').split(separator).filter(Boolean).map((dir) => expandHome(dir, env));
}

/**
 * A folder starting with `~` or `~/` with the home folder in its place, as a shell would have done: the
 * environment (`METHODEWIJZER_CATALOGUE='~/methoden'`), a quoted `--catalogue "~/x"` and `--catalogue=~/x`
 * reach us unexpanded, and a folder literally named `~` is never what was meant (`./~` still is one).
 * `~user` is left as it is. The home folder is HOME when absolute, else the one the system knows.
 */
export function expandHome(dir: string, env: NodeJS.ProcessEnv): string {
  if (dir !== '~' && !dir.startsWith('~/')) return dir;
  let home = env.HOME && isAbsolute(env.HOME) ? env.HOME : undefined;
  try {
    home ??= process.getBuiltinModule('node:os').userInfo().homedir;
  } catch {
    // No user entry for this uid (a container): nothing to expand to.
  }
  return home ? join(home, dir.slice(1)) : dir;
}

/**
 * Whether the run reads folders of the user's own (--catalogue, or the environment): a run that does
 * runs the folder cache's code, one that does not never compiles it.
 */
export function readsOwnFolders(argv: string[], env: NodeJS.ProcessEnv): boolean {
  if (envFolders(env).length > 0) return true;
  for (let i = 2; i < argv.length && argv[i] !== '--'; i++) {
    if (GLOBAL_WITH_VALUE.has(argv[i]) || argv[i].startsWith('--catalogue=')) return true;
  }
  return false;
}

/** Whether the run asks for help or the version (anywhere before `--`) rather than to do something. */
export function asksForHelp(argv: string[]): boolean {
  for (let i = 2; i < argv.length && argv[i] !== '--'; i++) {
    if (['-h', '--help', '-V', '--version'].includes(argv[i])) return true;
  }
  return false;
}
