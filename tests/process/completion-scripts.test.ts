// The completion scripts as the shells read them: syntax, loading, and what a Tab completes (fish by
// `complete -C`, zsh in a zpty of its own). Their content: tests/unit/completion.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { completionTree, SHELLS } from '../../src/core/completion.js';
import { completionScript, INSTALL } from '../../src/format/completion/index.js';
import { ROOT, tempDir } from '../helpers/env.js';
import { lacks } from '../helpers/tools.js';

const program = await buildProgram(async () => undefined, {});
const tree = completionTree(program);
const scripts = Object.fromEntries(SHELLS.map((shell) => [shell, completionScript(shell, tree)]));

describe.each(SHELLS)('the %s script', (shell) => {
  const script = scripts[shell];

  // bash comes with the system; zsh, fish and PowerShell (pwsh) may be missing.
  const tool = shell === 'powershell' ? 'pwsh' : shell;
  it.skipIf(tool !== 'bash' && lacks(tool, 'completion script tests'))('is valid syntax for the shell', () => {
    const file = join(tempDir('completion-'), `methodewijzer.${shell === 'powershell' ? 'ps1' : shell}`);
    writeFileSync(file, script);
    const parse = `$e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile('${file}', [ref]$null, [ref]$e); if ($e.Count) { [Console]::Error.WriteLine(($e | ForEach-Object Message) -join "\n"); exit 1 }`;
    const check = shell === 'fish' ? ['fish', ['--no-execute', file]] : shell === 'powershell' ? ['pwsh', ['-NoProfile', '-NonInteractive', '-Command', parse]] : [shell, ['-n', file]];
    const result = spawnSync(check[0] as string, check[1] as string[], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

// Each install line in the shell it is written for, on a fresh account: a home without any of the
// folders. The program found on PATH as the user's shell finds it. (PowerShell's line adds to $PROFILE,
// which only pwsh can tell; its script's syntax is checked above where pwsh is installed.)
describe.each(SHELLS.filter((s): s is Exclude<typeof s, 'powershell'> => s !== 'powershell'))('the %s install line', (shell) => {
  it.skipIf(shell !== 'bash' && lacks(shell, 'completion install tests'))('makes the folder and writes the script there, in a home that has none', () => {
    const home = tempDir('home-');
    const bin = tempDir('bin-');
    symlinkSync(join(ROOT, 'bin', 'methodewijzer.cjs'), join(bin, 'methodewijzer'));
    const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter) };
    const args = shell === 'fish' ? ['--no-config', '-c', INSTALL[shell]] : shell === 'zsh' ? ['-f', '-c', INSTALL[shell]] : ['--norc', '-c', INSTALL[shell]];
    const result = spawnSync(shell, args, { env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = INSTALL[shell].split(' > ')[1].replace(/^~/, home);
    expect(readFileSync(file, 'utf8')).toBe(scripts[shell]);
  });
});

describe('the fish script', () => {
  it.skipIf(lacks('fish', 'completion script tests'))('completes commands and fixed option values when fish asks', () => {
    const file = join(tempDir('completion-'), 'methodewijzer.fish');
    writeFileSync(file, scripts.fish);
    const ask = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${JSON.stringify(file)}; complete -C ${JSON.stringify(line)}`], { encoding: 'utf8' }).stdout.split('\n').map((l) => l.split('\t')[0]);
    expect(ask('methodewijzer sh')).toContain('show');
    expect(ask('methodewijzer export --format ')).toEqual(expect.arrayContaining(['json', 'yaml', 'csv', 'md']));
    expect(ask('methodewijzer list --element ')).toEqual(expect.arrayContaining(['animo', 'empathie']));
  });

  it.skipIf(lacks('fish', 'completion script tests'))('completes list or show after dossier, and after show alone the dossiers the program names', () => {
    const { dir, env } = standIn();
    const file = join(dir, 'methodewijzer.fish');
    writeFileSync(file, scripts.fish);
    const ask = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${JSON.stringify(file)}; complete -C ${JSON.stringify(line)}`], { env, encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]);
    expect(ask('methodewijzer dossier ')).toEqual(['list', 'show']);
    expect(ask('methodewijzer dossier show ')).toEqual(['keet-oost']);
    expect(ask('methodewijzer dossier list ')).toEqual([]);
    expect(ask('methodewijzer dossier show keet-oost ')).toEqual([]);
  });
});

// The same lines for bash and zsh, typed with Tab, and a stand-in for `methodewijzer` that notes what it
// was asked and answers a few values per kind: both scripts must ask for the right kind, with the
// folders typed on the line, and complete what it answers.
// dossier: list or show, and after show alone the dossiers there are (after list, a name is an error).
const TYPED = [
  'methodewijzer show ab', 'methodewijzer list --tag leef', 'methodewijzer -c /m compare abcd an', 'methodewijzer compare -c /m abcd an', 'methodewijzer actie --animo bij',
  'methodewijzer dossier s', 'methodewijzer dossier show k', 'methodewijzer dossier list k', 'methodewijzer dossier show keet-oost k',
];
const COMPLETED = ['abcd', 'leefbaarheid', 'anders', 'anders', 'bijsturen', 'show', 'keet-oost', '', ''];
const ASKED = ['__complete ids', '__complete tags', '--catalogue /m __complete ids', '--catalogue /m __complete ids', '__complete answers animo', '__complete dossiers'];
const STAND_IN = `#!/bin/sh
echo "$*" >> "$ASKED"
case "$*" in
  *"__complete ids") printf 'abcd\\nanders\\n' ;;
  *"__complete tags") printf 'leefbaarheid\\n' ;;
  *"__complete answers animo") printf 'bijsturen\\n' ;;
  *"__complete dossiers") printf 'keet-oost\\n' ;;
esac
`;

/** A folder with the stand-in as `methodewijzer` in bin/, and the environment that puts it on PATH. */
function standIn(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir('stand-in-');
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'methodewijzer'), STAND_IN, { mode: 0o755 });
  return { dir, env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, ASKED: join(dir, 'asked') } };
}

describe('the zsh script', () => {
  it.skipIf(lacks('zsh', 'completion script tests'))('loads in zsh and registers its completion function', () => {
    const dir = tempDir('completion-');
    writeFileSync(join(dir, '_methodewijzer'), scripts.zsh);
    const result = spawnSync('zsh', ['-f', '-c', `fpath=(${dir} $fpath); autoload -Uz compinit && compinit -u -d ${dir}/.zcompdump && print -r -- $_comps[methodewijzer]`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('_methodewijzer');
  });
});

// zsh's completion of ids, tags and answers is tested in a real terminal, as bash's is
// (tests/process/completion.test.ts, tmux): a zsh driven through zpty lost the keys typed ahead of a
// completion whenever zsh was slower than the driver.

describe('the bash script', () => {
  it('loads in bash and registers the completion', () => {
    const file = join(tempDir('completion-'), 'methodewijzer.bash');
    writeFileSync(file, scripts.bash);
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', `source ${JSON.stringify(file)} && complete -p methodewijzer`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('complete -F _methodewijzer methodewijzer');
  });

  // bash calls the function with the words of the line in COMP_WORDS, as it does on Tab.
  it('completes ids, tags and answers by asking the program for the right kind, with the folders on the line', () => {
    const { dir, env } = standIn();
    writeFileSync(join(dir, 'methodewijzer.bash'), scripts.bash);
    const drive = `source "$1"; shift
for line in "$@"; do
  read -ra COMP_WORDS <<< "$line"
  COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )) COMP_LINE=$line COMP_POINT=\${#line}
  _methodewijzer methodewijzer "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\\n' "\${COMPREPLY[*]}"
done`;
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', drive, 'drive', join(dir, 'methodewijzer.bash'), ...TYPED], { env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(COMPLETED.map((w) => w + '\n').join(''));
    expect(readFileSync(join(dir, 'asked'), 'utf8').split('\n').filter(Boolean)).toEqual(ASKED);
  });
});
