import type { CompletionCommand, CompletionOption, CompletionTree, Values } from '../../core/completion.js';
import { afterCommand, argumentPositions, brief, CATALOGUE, flagsOf, INSTALL, sq } from './shared.js';

// The zsh script: _arguments specs per command, values asked of the program through one helper.

/** Text inside a zsh _arguments explanation `[…]`: brackets and backslashes escaped. */
const zshExplain = (s: string) => s.replace(/[\\[\]]/g, '\\$&');
/** A word in a zsh `(a b c)` action or message: anything but plain characters escaped. */
const zshWord = (s: string) => s.replace(/[^\w.@%+=,/-]/g, '\\$&');

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

/** What a value completes with, as a command (for an action that runs only under a condition). */
function zshCall(values: Values, fn: string): string {
  switch (values.kind) {
    case 'words':
      return `compadd -- ${values.words.map(zshWord).join(' ')}`;
    case 'query':
      return `${fn}_values ${zshWord(values.label)} ${values.query.map(zshWord).join(' ')}`;
    case 'commands':
      return `${fn}_commands`;
    case 'files':
      return '_files';
    case 'dirs':
      return '_directories';
    case 'none':
      return ':';
  }
}

/** The same as an _arguments action. */
function zshAction(values: Values, fn: string): string {
  switch (values.kind) {
    case 'words':
      return `(${values.words.map(zshWord).join(' ')})`;
    case 'query':
      // In braces: _arguments calls a bare function with compadd's options (-J, -X, …) before its own
      // words, which the helper would take for the label and the query.
      return `{${zshCall(values, fn)}}`;
    case 'none':
      return ' ';
    default:
      return zshCall(values, fn);
  }
}

function zshArgumentSpecs(cmd: CompletionCommand, fn: string): string[] {
  return argumentPositions(cmd).flatMap(({ from, to, argument }) => {
    // $line: the command's arguments typed so far; the first decides for an argument that comes after it.
    const action = argument.after
      ? `{[[ $line[1] == (${argument.after.map(zshWord).join('|')}) ]] && ${zshCall(argument.values, fn)}}`
      : zshAction(argument.values, fn);
    const spec = (position: string) => sq(`${position}:${zshWord(argument.name)}:${action}`);
    if (!Number.isFinite(to)) return [spec('*')];
    return Array.from({ length: to - from }, (_, i) => spec(String(from + i + 1)));
  });
}

export function zshScript(tree: CompletionTree): string {
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
#   ${INSTALL.zsh}
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
