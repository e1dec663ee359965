import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';

// Opening a link in the user's browser, for `open` and `show --web`. The rules, in this order:
//
//   BROWSER=none                      no browser; the link is printed
//   BROWSER=<command>[:<command>...]  run each command with the link (or in place of %s) until one
//                                     succeeds, attached to the terminal (a text browser needs it)
//                                     and waited for; the `open` package does not read BROWSER
//   CI set                            no browser in a build job
//   Linux without DISPLAY and         no display to show a browser on (WSL excepted: it opens the
//   WAYLAND_DISPLAY                   Windows browser)
//   otherwise                         the system's default browser, through the `open` package
//
// Where no browser is started, the caller prints the link and says why.

export type BrowserOutcome = { opened: true } | { opened: false; reason: string };

export async function openInBrowser(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Promise<BrowserOutcome> {
  const browser = env.BROWSER?.trim();
  if (browser === 'none') return { opened: false, reason: 'BROWSER=none' };
  if (browser) return runBrowserVariable(browser, url, env);
  if (env.CI && !['0', 'false'].includes(env.CI)) return { opened: false, reason: 'de omgevingsvariabele CI is gezet' };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY && !env.WSL_DISTRO_NAME) {
    return { opened: false, reason: 'er is geen beeldscherm (DISPLAY en WAYLAND_DISPLAY zijn leeg)' };
  }
  try {
    const { default: open } = await import('open');
    await open(url);
    return { opened: true };
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { path?: string };
    return { opened: false, reason: `de standaardbrowser kon niet gestart worden (${e.code === 'ENOENT' && e.path ? `${e.path} niet gevonden` : e.message})` };
  }
}

/** BROWSER as most tools read it: commands separated by ':' (';' on Windows), each with the link as argument or in place of %s. */
async function runBrowserVariable(value: string, url: string, env: NodeJS.ProcessEnv): Promise<BrowserOutcome> {
  const failures: string[] = [];
  for (const entry of value.split(delimiter).map((e) => e.trim()).filter(Boolean)) {
    const [command, ...args] = entry.split(/\s+/);
    const withUrl = args.some((a) => a.includes('%s')) ? args.map((a) => a.replaceAll('%s', url)) : [...args, url];
    const result = await run(command, withUrl, env);
    if (result === 0) return { opened: true };
    failures.push(`${command}: ${typeof result === 'number' ? `afsluitcode ${result}` : result}`);
  }
  return { opened: false, reason: `BROWSER kon niet gestart worden (${failures.join('; ') || 'leeg'})` };
}

/** The exit code, or why the command did not start. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | string> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: 'inherit' });
    child.on('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ENOENT' ? 'niet gevonden' : err.message));
    child.on('close', (code, signal) => resolve(code ?? `gestopt door ${signal}`));
  });
}
