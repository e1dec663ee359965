import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { completionTree, sameAtEveryPosition, SHELLS, shellWord, unexplained, type Values } from '../../src/core/completion.js';
import { EXPORT_FORMATS } from '../../src/model/defaults.js';
import { completionScript } from '../../src/format/completion/index.js';
import { ELEMENT_KEYS, SOURCE_KINDS } from '../../src/model/keys.js';

const program = await buildProgram(async () => undefined, {});
const tree = completionTree(program);
const help = program.createHelp();
const visible = help.visibleCommands(program);
const scripts = Object.fromEntries(SHELLS.map((shell) => [shell, completionScript(shell, tree)]));

/** A flag as the script spells it: fish writes `-l json` and `-s e`. */
const spelled = (shell: string, flag: string) => (shell !== 'fish' ? flag : flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`);

/** The part of a script that completes command `name` (the program itself for ''), with what holds everywhere. */
function section(shell: string, script: string, name: string): string {
  const lines = script.split('\n');
  if (shell === 'bash') return lines.find((l) => l.startsWith(`    ${name ? `${name})` : "'')"} echo `)) ?? '';
  if (shell === 'zsh') {
    if (!name) return script.slice(script.indexOf('_arguments -C'), script.indexOf("'(-)*:: :->command'"));
    const start = script.indexOf(`        (${name})\n`);
    return start < 0 ? '' : script.slice(start, script.indexOf('&& ret=0 ;;', start));
  }
  if (shell === 'powershell') return lines.find((l) => l.startsWith(`    '${name}' = @(`)) ?? '';
  const everywhere = lines.filter((l) => l.startsWith('complete ') && !l.includes(' -n '));
  const own = lines.filter((l) => (name ? l.includes(`__methodewijzer_using ${name}'`) : l.includes('-n __methodewijzer_needs_command') || l.includes("-n '__methodewijzer_needs_command'")));
  return [...everywhere, ...own].join('\n');
}

/** `word` in `text` as a word of its own: not part of a longer flag or name. */
const standsIn = (text: string, word: string) => new RegExp(`(?<![\\w-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text);

describe('the completion tree, read from the program', () => {
  it('every option that takes a value, and every command that takes arguments, has its values said somewhere', () => {
    expect(unexplained(program)).toEqual([]);
  });

  it('an option or argument nobody explained is caught', () => {
    const p = new Command('x');
    p.command('open').argument('<iets>').option('--limit <n>', 'n');
    p.command('raar').argument('<iets>').option('--kleur <kleur>', 'k');
    expect(unexplained(p)).toEqual(['raar --kleur <kleur>', 'raar <arguments>']);
  });

  it('declares each command on its own under the name its spec has, as a run that names it does', async () => {
    for (const cmd of program.commands.filter((c) => c.name() !== 'help')) {
      const alone = await buildProgram(async () => undefined, {}, cmd.name());
      expect(alone.commands.map((c) => c.name())).toEqual([cmd.name()]);
    }
  });

  it('has every visible command, and no hidden one', () => {
    expect(tree.commands.map((c) => c.name)).toEqual(visible.map((c) => c.name()));
    expect(tree.commands.map((c) => c.name)).toContain('help');
    expect(tree.commands.map((c) => c.name)).not.toContain('__complete');
  });

  it('takes fixed values from commander\'s choices, and the rest from the tables', () => {
    const option = (command: string, long: string) => tree.commands.find((c) => c.name === command)!.options.find((o) => o.long === long)!;
    expect(option('list', '--kind').values).toEqual({ kind: 'words', words: SOURCE_KINDS });
    expect(option('export', '--format').values).toEqual({ kind: 'words', words: EXPORT_FORMATS });
    expect(option('search', '--element').values).toEqual({ kind: 'words', words: ELEMENT_KEYS });
    expect(option('export', '--tag').values).toMatchObject({ kind: 'query', query: ['tags'] });
    expect(option('export', '--output').values).toEqual({ kind: 'files' });
    expect(option('actie', '--report').values).toEqual({ kind: 'files' });
    for (const key of [...ELEMENT_KEYS, 'setting', 'doelgroep']) expect(option('actie', `--${key}`).values).toMatchObject({ kind: 'query', query: ['answers', key] });
    expect(option('list', '--json').values).toBeUndefined();
    expect(option('list', '--tag').repeatable).toBe(true);
    expect(option('export', '--format').repeatable).toBe(false);
    expect(tree.globalOptions.find((o) => o.long === '--catalogue')).toMatchObject({ short: '-c', values: { kind: 'dirs' }, repeatable: true });
  });

  it('show, compare and open complete method ids, at every position their arguments take', () => {
    const command = (name: string) => tree.commands.find((c) => c.name === name)!;
    // show takes several words as one name; compare two to four methods.
    expect(command('show')).toMatchObject({ args: [{ values: { kind: 'query', query: ['ids'] } }], maxArgs: Infinity });
    expect(command('compare')).toMatchObject({ args: [{ values: { kind: 'query', query: ['ids'] } }], maxArgs: Infinity });
    expect(command('model')).toMatchObject({ args: [{ values: { kind: 'words', words: ELEMENT_KEYS } }], maxArgs: 1 });
    // Every command whose argument is a method (as its help names it) completes ids; the rest do not.
    const takesMethods = program.commands.filter((c) => c.registeredArguments.some((a) => a.name().startsWith('methode'))).map((c) => c.name());
    expect(takesMethods).toEqual(['show', 'open', 'compare']);
    const ids = (v: Values) => v.kind === 'query' && v.query[0] === 'ids';
    expect(tree.commands.filter((c) => c.args.some((a) => ids(a.values))).map((c) => c.name)).toEqual(takesMethods);
  });

  it('dossier completes list or show, then after show alone the dossiers there are', () => {
    const dossier = tree.commands.find((c) => c.name === 'dossier')!;
    expect(dossier.maxArgs).toBe(2);
    expect(dossier.args[0]).toEqual({ name: 'wat', values: { kind: 'words', words: ['list', 'show'] } });
    expect(dossier.args[1]).toMatchObject({ name: 'naam', values: { kind: 'query', query: ['dossiers'] }, after: ['show'] });
    expect(sameAtEveryPosition(dossier)).toBe(false);
    expect(sameAtEveryPosition(tree.commands.find((c) => c.name === 'compare')!)).toBe(true);
  });

  it('open completes method ids, and a command added later is completed without touching the scripts', async () => {
    const p = await buildProgram(async () => undefined, {});
    expect(completionTree(p).commands.find((c) => c.name === 'open')).toMatchObject({ args: [{ values: { kind: 'query', query: ['ids'] } }] });
    p.command('later').description('een opdracht van later').addOption(new Option('--via <hoe>', 'hoe').choices(['browser', 'print']));
    const t = completionTree(p);
    for (const shell of SHELLS) {
      const script = completionScript(shell, t);
      expect(standsIn(script, 'later')).toBe(true);
      expect(standsIn(script, '--via')).toBe(true);
      expect(script).toContain('print');
    }
  });
});

describe.each(SHELLS)('the %s script', (shell) => {
  const script = scripts[shell];

  it('names every command, and every option of every command where that command is completed', () => {
    for (const cmd of visible) {
      expect(standsIn(script, cmd.name()), cmd.name()).toBe(true);
      const part = section(shell, script, cmd.name());
      for (const o of help.visibleOptions(cmd)) for (const flag of [o.short, o.long].filter(Boolean) as string[]) expect(standsIn(part, spelled(shell, flag)), `${cmd.name()} ${flag}`).toBe(true);
      // The program's own options hold after the command too.
      for (const flag of ['-c', '--catalogue', '--no-color']) expect(standsIn(part, spelled(shell, flag)), `${cmd.name()} ${flag}`).toBe(true);
    }
    for (const o of help.visibleOptions(program)) for (const flag of [o.short, o.long].filter(Boolean) as string[]) expect(standsIn(section(shell, script, ''), spelled(shell, flag)), flag).toBe(true);
    expect(script).not.toContain('__complete ids');
  });

  it('lists every fixed value: elements, kinds, formats, shells', () => {
    for (const word of [...ELEMENT_KEYS, ...SOURCE_KINDS, ...EXPORT_FORMATS, ...SHELLS]) expect(standsIn(script, word), word).toBe(true);
  });

  it('asks the program for ids, tags and answers, with the folders on the line', () => {
    expect(script).toMatch(/__complete/);
    for (const query of ['ids', 'tags', 'answers']) expect(standsIn(script, query), query).toBe(true);
    expect(script).toMatch(/--catalogue/);
  });

});

describe('the powershell script', () => {
  const script = scripts.powershell;
  /** The keys of a hash literal `$__methodewijzer<name> = @{ … }`, one per line. */
  const keys = (name: string) => {
    const start = script.indexOf(`$__methodewijzer${name} = `);
    const body = script.slice(start, script.indexOf('\n}\n', start));
    return [...body.matchAll(/^    '((?:[^']|'')*)' = /gm)].map((m) => m[1]);
  };

  it('registers one native completer for the program', () => {
    expect(script.match(/Register-ArgumentCompleter -Native -CommandName 'methodewijzer'/g)).toHaveLength(1);
  });

  it('has no key twice in a hash literal, as PowerShell (whose keys ignore case) would refuse', () => {
    for (const name of ['Commands', 'Options', 'Values', 'Arguments']) {
      const found = keys(name);
      expect(found.length, name).toBeGreaterThan(0);
      expect(new Set(found.map((k) => k.toLowerCase())).size, name).toBe(found.length);
    }
  });

  it('gives each value option its values, under the command or for the program everywhere', () => {
    expect(script).toContain("'list --element' = @{ kind = 'words'; words = @('animo', 'contact', 'toerusting', 'inbedding', 'empathie') }");
    expect(script).toContain("'* --catalogue' = @{ kind = 'dirs' }");
    expect(script).toContain("'show' = @{ max = [int]::MaxValue; positions = @(@{ values = @{ kind = 'query'; query = @('ids') }; after = @() }) }");
    expect(script).toContain("'model' = @{ max = 1; positions = @(@{ values = @{ kind = 'words'");
    expect(script).toContain(
      "'dossier' = @{ max = 2; positions = @(@{ values = @{ kind = 'words'; words = @('list', 'show') }; after = @() }, @{ values = @{ kind = 'query'; query = @('dossiers') }; after = @('show') }) }",
    );
  });

  it('quotes as PowerShell does: a single quote, straight or curly, doubled', () => {
    const p = new Command('x');
    p.command("it's").description('‘citaat’');
    const out = completionScript('powershell', completionTree(p));
    expect(out).toContain("'it''s' = '‘‘citaat’’'");
  });

  it('balances its braces and parentheses', () => {
    const text = script.replace(/^\s*#.*$/gm, '').replace(/'(?:[^'\u2018-\u201b]|'')*'/g, "''").replace(/"[^"]*"/g, '""');
    for (const [open, close] of [['{', '}'], ['(', ')'], ['[', ']']]) expect(text.split(open).length, open).toBe(text.split(close).length);
  });
});

describe('shellWord: a --catalogue word as the shell will pass it', () => {
  it.each([
    ['plain', 'mijn-map', 'mijn-map'],
    ['single quotes', "'mijn map'", 'mijn map'],
    ['double quotes', '"mijn map"', 'mijn map'],
    ['a backslash before a space', 'mijn\\ map', 'mijn map'],
    ['an unclosed quote, still being typed', '"mijn ma', 'mijn ma'],
    ['a quote inside double quotes', '"it\'s"', "it's"],
    ['escapes inside double quotes', '"a\\"b\\\\c\\x"', 'a"b\\c\\x'],
    ['a leading ~/', '~/methoden', '/home/u/methoden'],
    ['~ alone', '~', '/home/u'],
    ['~ elsewhere stays', 'a/~/b', 'a/~/b'],
    ['~user stays', '~anna/x', '~anna/x'],
  ])('%s: %s -> %s', (_, word, expected) => expect(shellWord(word, '/home/u')).toBe(expected));
});
