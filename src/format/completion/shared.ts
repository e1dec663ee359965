import type { CompletionArgument, CompletionCommand, CompletionOption, CompletionTree, Shell, Values } from '../../core/completion.js';

// What the three scripts share: which options hold where, and how an option reads in a menu.

export const CATALOGUE = '--catalogue';

/** Where each shell that reads a file looks for a completion script: a folder, and the file's name in it. */
const INSTALL_PLACE: Record<Exclude<Shell, 'powershell'>, [string, string]> = {
  bash: ['~/.local/share/bash-completion/completions', 'methodewijzer'],
  zsh: ['~/.zfunc', '_methodewijzer'],
  fish: ['~/.config/fish/completions', 'methodewijzer.fish'],
};

/**
 * The install line of each shell, as the help, the scripts and docs/completion.md give it: it makes the
 * folder first, which a fresh account does not have (the redirection alone would fail there).
 * PowerShell's profile runs at every start: the script is added to it, not regenerated each time.
 */
export const INSTALL = {
  ...Object.fromEntries(
    Object.entries(INSTALL_PLACE).map(([shell, [folder, file]]) => [shell, `mkdir -p ${folder} && methodewijzer completion ${shell} > ${folder}/${file}`]),
  ),
  powershell: 'methodewijzer completion powershell >> $PROFILE',
} as Record<Shell, string>;

/**
 * The options that hold after the command too: the program's own, but for --help (each command has
 * it), --version, and any the command has an option of the same name for.
 */
export function afterCommand(tree: CompletionTree, cmd?: CompletionCommand): CompletionOption[] {
  const own = new Set(cmd?.options.flatMap(flagsOf));
  return tree.globalOptions.filter((o) => o.long !== '--help' && o.long !== '--version' && !flagsOf(o).some((f) => own.has(f)));
}

export function flagsOf(o: CompletionOption): string[] {
  return [o.short, o.long].filter((f): f is string => Boolean(f));
}

/** A description for a completion menu: its first clause, on one line. */
export function brief(description: string): string {
  return description.split(' (')[0].replace(/\s+/g, ' ').trim();
}

/** Options with values, each with the commands it belongs to ('' for the program's own, which hold everywhere). */
export function valueOptions(tree: CompletionTree): { command: string; option: CompletionOption; values: Values }[] {
  const out: { command: string; option: CompletionOption; values: Values }[] = [];
  for (const cmd of tree.commands) for (const o of cmd.options) if (o.values) out.push({ command: cmd.name, option: o, values: o.values });
  for (const o of tree.globalOptions) if (o.values) out.push({ command: '', option: o, values: o.values });
  return out;
}

/** A word in single quotes for a POSIX shell (bash, and zsh's specs). */
export const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A command's arguments by position: each from its place up to (not including) `to`, the last up to
 * the command's maximum (Infinity for one that takes several).
 */
export function argumentPositions(cmd: CompletionCommand): { from: number; to: number; argument: CompletionArgument }[] {
  return cmd.args.map((argument, i) => ({ from: i, to: i === cmd.args.length - 1 ? cmd.maxArgs : i + 1, argument }));
}
