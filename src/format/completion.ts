import type { CompletionCommand, CompletionOption, CompletionTree, Shell, Values } from '../core/completion.js';

// The completion scripts for bash, zsh and fish, written from the tree of commands and options
// (src/core/completion.ts). Method ids, tags and the answers of `actie` are not in the script: it
// asks the program (`methodewijzer __complete ids|tags|answers <vraag>`), passing the --catalogue
// folders typed on the line, so the user's own methods are completed too.

const CATALOGUE = '--catalogue';

export function completionScript(shell: Shell, tree: CompletionTree): string {
  switch (shell) {
    case 'bash':
      return bashScript(tree);
    case 'zsh':
      return zshScript(tree);
    case 'fish':
      return fishScript(tree);
  }
}

/** Where each shell looks for a completion script, as the help and the README give it. */
export const INSTALL: Record<Shell, string> = {
  bash: 'methodewijzer completion bash > ~/.local/share/bash-completion/completions/methodewijzer',
  zsh: 'methodewijzer completion zsh > ~/.zfunc/_methodewijzer',
  fish: 'methodewijzer completion fish > ~/.config/fish/completions/methodewijzer.fish',
};

/**
 * The options that hold after the command too: the program's own, but for --help (each command has
 * it), --version, and any the command has an option of the same name for.
 */
function afterCommand(tree: CompletionTree, cmd?: CompletionCommand): CompletionOption[] {
  const own = new Set(cmd?.options.flatMap(flagsOf));
  return tree.globalOptions.filter((o) => o.long !== '--help' && o.long !== '--version' && !flagsOf(o).some((f) => own.has(f)));
}

function flagsOf(o: CompletionOption): string[] {
  return [o.short, o.long].filter((f): f is string => Boolean(f));
}

/** A description for a completion menu: its first clause, on one line. */
function brief(description: string): string {
  return description.split(' (')[0].replace(/\s+/g, ' ').trim();
}

/** Options with values, each with the commands it belongs to ('' for the program's own, which hold everywhere). */
function valueOptions(tree: CompletionTree): { command: string; option: CompletionOption; values: Values }[] {
  const out: { command: string; option: CompletionOption; values: Values }[] = [];
  for (const cmd of tree.commands) for (const o of cmd.options) if (o.values) out.push({ command: cmd.name, option: o, values: o.values });
  for (const o of tree.globalOptions) if (o.values) out.push({ command: '', option: o, values: o.values });
  return out;
}

// ---------------------------------------------------------------- bash

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bashScript(tree: CompletionTree): string {
  const p = tree.name;
  const fn = `_${p}`;
  const catalogue = tree.globalOptions.find((o) => o.long === CATALOGUE);
  // A case pattern per option: "list --element"; the program's options hold after any command.
  const pattern = (command: string, flag: string) => (command ? sq(`${command} ${flag}`) : `*${sq(` ${flag}`)}`);
  const byValues = new Map<string, { values: Values; patterns: string[] }>();
  for (const { command, option, values } of valueOptions(tree)) {
    const key = JSON.stringify(values);
    if (!byValues.has(key)) byValues.set(key, { values, patterns: [] });
    byValues.get(key)!.patterns.push(...flagsOf(option).map((f) => pattern(command, f)));
  }
  // The program's options last: a command's own option of the same name comes first.
  const valueCases = [...byValues.values()].sort((a, b) => Number(a.patterns[0].startsWith('*')) - Number(b.patterns[0].startsWith('*')));
  const allPatterns = valueCases.flatMap((c) => c.patterns);
  const commandNames = tree.commands.map((c) => c.name).join(' ');
  const optionWords = (opts: CompletionOption[]) => opts.flatMap(flagsOf).join(' ');

  const reply = (values: Values): string => {
    switch (values.kind) {
      case 'words':
        return `${fn}_reply < <(printf '%s\\n' ${values.words.map(sq).join(' ')})`;
      case 'query':
        return `${fn}_reply < <(${fn}_values ${values.query.map(sq).join(' ')})`;
      case 'commands':
        return `${fn}_reply < <(printf '%s\\n' ${commandNames})`;
      case 'files':
        return `compopt -o filenames 2>/dev/null; local IFS=$'\\n'; COMPREPLY=($(compgen -f -- "$cur"))`;
      case 'dirs':
        return `compopt -o filenames 2>/dev/null; local IFS=$'\\n'; COMPREPLY=($(compgen -d -- "$cur"))`;
      case 'none':
        return ':';
    }
  };

  const argumentCases = tree.commands
    .filter((c) => c.maxArgs > 0 && c.args.kind !== 'none')
    .map((c) => `    ${c.name}) ${Number.isFinite(c.maxArgs) ? `(( $2 < ${c.maxArgs} )) && ` : ''}{ ${reply(c.args)}; } ;;`);

  return `# bash completion for ${p}: commands, options, their values, and method ids, also from your own folders.
# Written by \`${p} completion bash\` from the program's own commands; write it again after an update.
# Install (bash-completion loads it when it is first needed):
#   ${INSTALL.bash}
# Or, without bash-completion, in ~/.bashrc:
#   source <(${p} completion bash)

# Values the program knows (method ids, tags, answers), with the folders given on the line.
${fn}_values() {
  local program=\${COMP_WORDS[0]}
  [[ $program == "~/"* ]] && program=$HOME/\${program#"~/"}
  "$program" "\${${fn.slice(1)}_catalogues[@]}" __complete "$@" 2>/dev/null
}

# COMPREPLY: the lines on stdin that start with what is typed.
${fn}_reply() {
  local line
  while IFS= read -r line; do
    [[ -n $line && $line == "$cur"* ]] && COMPREPLY+=("$line")
  done
}

# Whether option $2 of command $1 takes a value.
${fn}_takes_value() {
  case "$1 $2" in
    ${allPatterns.join('|')}) return 0 ;;
  esac
  return 1
}

# The value of option $2 of command $1.
${fn}_value() {
  case "$1 $2" in
${valueCases.map((c) => `    ${c.patterns.join('|')})\n      ${reply(c.values)} ;;`).join('\n')}
  esac
}

# The options of command $1 (none: the program's own).
${fn}_options() {
  case $1 in
    '') echo ${sq(optionWords(tree.globalOptions))} ;;
${tree.commands.map((c) => `    ${c.name}) echo ${sq(optionWords([...c.options, ...afterCommand(tree, c)]))} ;;`).join('\n')}
  esac
}

# The argument of command $1 that follows $2 others.
${fn}_argument() {
  case $1 in
${argumentCases.join('\n')}
  esac
}

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} command= option= word i n=0
  local -a ${fn.slice(1)}_catalogues=()
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if [[ -n $option ]]; then
      # bash splits --option=value at '=' (COMP_WORDBREAKS): the '=' is a word of its own.
      [[ $word == = ]] && continue
      [[ $option == ${catalogue?.short ?? CATALOGUE} || $option == ${CATALOGUE} ]] && ${fn.slice(1)}_catalogues+=(${CATALOGUE} "$word")
      option=
      continue
    fi
    case $word in
      ${CATALOGUE}=*) ${fn.slice(1)}_catalogues+=(${CATALOGUE} "\${word#${CATALOGUE}=}") ;;${
        catalogue?.short ? `\n      ${catalogue.short}?*) ${fn.slice(1)}_catalogues+=(${CATALOGUE} "\${word#${catalogue.short}}") ;;` : ''
      }
      -*) ${fn}_takes_value "$command" "$word" && option=$word ;;
      *) if [[ -z $command ]]; then command=$word; else n=$((n + 1)); fi ;;
    esac
  done
  if [[ -n $option ]]; then
    [[ $cur == = ]] && cur=
    ${fn}_value "$command" "$option"
  elif [[ $cur == -* ]]; then
    ${fn}_reply < <(printf '%s\\n' $(${fn}_options "$command"))
  elif [[ -z $command ]]; then
    ${fn}_reply < <(printf '%s\\n' ${commandNames})
  else
    ${fn}_argument "$command" "$n"
  fi
  return 0
}

complete -F ${fn} ${p}
`;
}

// ---------------------------------------------------------------- zsh

/** Text inside a zsh _arguments explanation `[…]`: brackets and backslashes escaped. */
const zshExplain = (s: string) => s.replace(/[\\[\]]/g, '\\$&');
/** A word in a zsh `(a b c)` action or message: anything but plain characters escaped. */
const zshWord = (s: string) => s.replace(/[^\w.@%+=,/-]/g, '\\$&');

function zshAction(values: Values, fn: string): string {
  switch (values.kind) {
    case 'words':
      return `(${values.words.map(zshWord).join(' ')})`;
    case 'query':
      // In braces: _arguments calls a bare function with compadd's options (-J, -X, …) before its own
      // words, which the helper would take for the label and the query.
      return `{${fn}_values ${zshWord(values.label)} ${values.query.map(zshWord).join(' ')}}`;
    case 'commands':
      return `${fn}_commands`;
    case 'files':
      return '_files';
    case 'dirs':
      return '_directories';
    case 'none':
      return ' ';
  }
}

function zshOptionSpecs(options: CompletionOption[], fn: string): string[] {
  return options.map((o) => {
    const flags = flagsOf(o);
    const help = o.long === '--help' || o.long === '--version';
    // --help and --version end the line; another option may be given once, unless it is repeatable.
    const prefix = help ? '(- *)' : o.repeatable ? '*' : flags.length > 1 ? `(${flags.join(' ')})` : '';
    const value = o.values ? `:${zshWord(o.valueName ?? 'waarde')}:${zshAction(o.values, fn)}` : '';
    const spelled = flags.map((f) => (o.values ? f + (f.startsWith('--') ? '=' : '+') : f));
    const quoted = `[${zshExplain(brief(o.description))}]${value}`;
    return spelled.length > 1 ? `${sq(prefix)}{${spelled.join(',')}}${sq(quoted)}` : sq(prefix + spelled[0] + quoted);
  });
}

function zshArgumentSpecs(cmd: CompletionCommand, fn: string): string[] {
  if (cmd.maxArgs === 0) return [];
  const spec = (position: string) => sq(`${position}:${zshWord(cmd.argName ?? 'argument')}:${zshAction(cmd.args, fn)}`);
  if (!Number.isFinite(cmd.maxArgs)) return [spec('*')];
  return Array.from({ length: cmd.maxArgs }, (_, i) => spec(String(i + 1)));
}

function zshScript(tree: CompletionTree): string {
  const p = tree.name;
  const fn = `_${p}`;
  const catalogue = tree.globalOptions.find((o) => o.long === CATALOGUE);
  const continued = (specs: string[], indent: string) => specs.map((s) => `${indent}${s} \\`).join('\n');
  const commandCases = tree.commands.map((c) => {
    const specs = [...zshOptionSpecs([...c.options, ...afterCommand(tree, c)], fn), ...zshArgumentSpecs(c, fn)];
    return `        (${c.name})\n          _arguments -s -S : \\\n${continued(specs, '            ')}\n            && ret=0 ;;`;
  });
  return `#compdef ${p}
# zsh completion for ${p}: commands, options, their values, and method ids, also from your own folders.
# Written by \`${p} completion zsh\` from the program's own commands; write it again after an update.
# Install: save it as _${p} in a folder of $fpath, and start a new zsh. For example:
#   mkdir -p ~/.zfunc && ${INSTALL.zsh}
#   and in ~/.zshrc, before compinit:  fpath=(~/.zfunc $fpath)

# Values the program knows (method ids, tags, answers), with the folders given on the line.
# $1: what they are called; then what to ask for.
${fn}_values() {
  local what=$1 expl
  shift
  local -a values
  local program=\${${fn.slice(1)}_program}
  [[ $program == '~/'* ]] && program=$HOME/\${program#\\~/}
  values=(\${(f)"$("$program" "\${${fn.slice(1)}_catalogues[@]}" __complete "$@" 2>/dev/null)"})
  _wanted values expl "$what" compadd -a values
}

${fn}_commands() {
  local -a commands
  commands=(
${tree.commands.map((c) => `    ${sq(`${c.name}:${brief(c.description)}`)}`).join('\n')}
  )
  _describe -t commands opdracht commands
}

${fn}() {
  local curcontext=$curcontext state state_descr line ret=1
  typeset -A opt_args
  local ${fn.slice(1)}_program=\${words[1]}
  local -a ${fn.slice(1)}_catalogues
  local i
  for (( i = 2; i < CURRENT; i++ )); do
    case \${words[i]} in
      (${[catalogue?.short, CATALOGUE].filter(Boolean).join('|')}) (( i + 1 < CURRENT )) && ${fn.slice(1)}_catalogues+=(${CATALOGUE} "\${words[i+1]}") ;;
      (${CATALOGUE}=*) ${fn.slice(1)}_catalogues+=(${CATALOGUE} "\${words[i]#${CATALOGUE}=}") ;;${
        catalogue?.short ? `\n      (${catalogue.short}?*) ${fn.slice(1)}_catalogues+=(${CATALOGUE} "\${words[i]#${catalogue.short}}") ;;` : ''
      }
    esac
  done
  # (-): once the command is there, the program's options are no longer read here, but by the command's
  # _arguments below; else \`compare -c map\` would make -c the program's, and the first id the command.
  _arguments -C -s -S : \\
${continued(zshOptionSpecs(tree.globalOptions, fn), '    ')}
    '(-)1:opdracht:${fn}_commands' \\
    '(-)*:: :->command' \\
    && ret=0
  if [[ $state == command ]]; then
    curcontext=\${curcontext%:*:*}:${p}-\${words[1]}:
    case \${words[1]} in
${commandCases.join('\n')}
    esac
  fi
  return ret
}

# Loaded from $fpath, this file is the function itself: complete now. Sourced: register it.
if [[ $funcstack[1] == ${fn} ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${p}
fi
`;
}

// ---------------------------------------------------------------- fish

const fq = (s: string) => `'${s.replace(/[\\']/g, '\\$&')}'`;

function fishValues(values: Values, fn: string, commandNames: string): string {
  switch (values.kind) {
    case 'words':
      return `-x -a ${fq(values.words.join(' '))}`;
    case 'query':
      return `-x -a ${fq(`(${fn}_values ${values.query.join(' ')})`)}`;
    case 'commands':
      return `-x -a ${fq(commandNames)}`;
    case 'files':
      return '-r -F';
    case 'dirs':
      return `-x -a ${fq('(__fish_complete_directories (commandline -ct))')}`;
    case 'none':
      return '-x';
  }
}

function fishScript(tree: CompletionTree): string {
  const p = tree.name;
  const fn = `__${p}`;
  const catalogue = tree.globalOptions.find((o) => o.long === CATALOGUE);
  const commandNames = tree.commands.map((c) => c.name).join(' ');
  const optionLine = (o: CompletionOption, condition?: string) =>
    [
      `complete -c ${p}`,
      condition ? `-n ${fq(condition)}` : '',
      o.short ? `-s ${o.short.slice(1)}` : '',
      o.long ? `-l ${o.long.slice(2)}` : '',
      `-d ${fq(brief(o.description))}`,
      o.values ? fishValues(o.values, fn, commandNames) : '',
    ]
      .filter(Boolean)
      .join(' ');
  const patterns = valueOptions(tree).flatMap(({ command, option }) => flagsOf(option).map((f) => fq(command ? `${command} ${f}` : `* ${f}`)));
  const everywhere = new Set(afterCommand(tree).concat(tree.globalOptions.filter((o) => o.long === '--help')).map((o) => o.long));

  const lines: string[] = [`complete -c ${p} -f`, '', '# The commands.'];
  for (const c of tree.commands) lines.push(`complete -c ${p} -n ${fn}_needs_command -a ${fq(c.name)} -d ${fq(brief(c.description))}`);
  lines.push('', "# The program's options; all but --version hold after the command too.");
  for (const o of tree.globalOptions) lines.push(optionLine(o, everywhere.has(o.long) ? undefined : `${fn}_needs_command`));
  for (const c of tree.commands) {
    const own = c.options.filter((o) => !everywhere.has(o.long));
    const args = c.maxArgs > 0 && c.args.kind !== 'none';
    if (!own.length && !args) continue;
    lines.push('', `# ${c.name}`);
    for (const o of own) lines.push(optionLine(o, `${fn}_using ${c.name}`));
    if (args) {
      const condition = Number.isFinite(c.maxArgs) ? `${fn}_argument ${c.name} ${c.maxArgs}` : `${fn}_using ${c.name}`;
      lines.push(`complete -c ${p} -n ${fq(condition)} ${fishValues(c.args, fn, commandNames).replace(/^-x /, '')}`);
    }
  }

  return `# fish completion for ${p}: commands, options, their values, and method ids, also from your own folders.
# Written by \`${p} completion fish\` from the program's own commands; write it again after an update.
# Install:
#   ${INSTALL.fish}

# Whether option $argv[2] of command $argv[1] takes a value.
function ${fn}_takes_value
    switch "$argv[1] $argv[2]"
        case ${patterns.join(' ')}
            return 0
    end
    return 1
end

# How many arguments the command has so far, then the command (nothing before it is typed).
function ${fn}_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l command ''
    set -l n 0
    set -l skip 0
    for token in $tokens
        if test $skip = 1
            set skip 0
        else if string match -q -- '-*' $token
            if ${fn}_takes_value "$command" $token
                set skip 1
            end
        else if test -z "$command"
            set command $token
        else
            set n (math $n + 1)
        end
    end
    echo $n
    echo $command
end

function ${fn}_needs_command
    set -l state (${fn}_state)
    test -z "$state[2]"
end

function ${fn}_using
    set -l state (${fn}_state)
    test "$state[2]" = "$argv[1]"
end

# Command $argv[1], with fewer than $argv[2] arguments so far.
function ${fn}_argument
    set -l state (${fn}_state)
    test "$state[2]" = "$argv[1]"; and test $state[1] -lt $argv[2]
end

# Values the program knows (method ids, tags, answers), with the folders given on the line.
function ${fn}_values
    set -l tokens (commandline -opc)
    set -l program $tokens[1]
    set -e tokens[1]
    set -l catalogues
    set -l take 0
    for token in $tokens
        if test $take = 1
            set -a catalogues ${CATALOGUE} $token
            set take 0
            continue
        end
        switch $token
            case ${[catalogue?.short, CATALOGUE].filter(Boolean).join(' ')}
                set take 1
            case '${CATALOGUE}=*'
                set -a catalogues ${CATALOGUE} (string replace -- '${CATALOGUE}=' '' $token)${
              catalogue?.short
                ? `\n            case '${catalogue.short}*'\n                set -a catalogues ${CATALOGUE} (string sub -s 3 -- $token)`
                : ''
            }
        end
    end
    $program $catalogues __complete $argv 2>/dev/null
end

${lines.join('\n')}
`;
}
