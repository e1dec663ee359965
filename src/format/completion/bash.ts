import { offersArguments, sameAtEveryPosition, type CompletionCommand, type CompletionOption, type CompletionTree, type Values } from '../../core/completion.js';
import { afterCommand, argumentPositions, CATALOGUE, flagsOf, INSTALL, sq, valueOptions } from './shared.js';

// The bash script: one completion function; option values by case pattern, the rest asked of the program.

export function bashScript(tree: CompletionTree): string {
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

  // $2: how many arguments come before the one completed; $3: the first of them.
  const below = (to: number) => (Number.isFinite(to) ? `(( $2 < ${to} )) && ` : '');
  const argumentCase = (c: CompletionCommand) => {
    if (sameAtEveryPosition(c)) return `    ${c.name}) ${below(c.maxArgs)}{ ${reply(c.args[0].values)}; } ;;`;
    const positions = argumentPositions(c).map(({ from, to, argument }) => {
      const after = argument.after ? `[[ ${argument.after.map((w) => `$3 == ${sq(w)}`).join(' || ')} ]] && ` : '';
      return `        ${to === from + 1 ? from : '*'}) ${to === from + 1 ? '' : `(( $2 >= ${from} )) && ${below(to)}`}${after}{ ${reply(argument.values)}; } ;;`;
    });
    return `    ${c.name})\n      case $2 in\n${positions.join('\n')}\n      esac ;;`;
  };
  const argumentCases = tree.commands.filter(offersArguments).map(argumentCase);

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

# The argument of command $1 that follows $2 others, the first of them $3.
${fn}_argument() {
  case $1 in
${argumentCases.join('\n')}
  esac
}

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} command= first= option= word i n=0
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
      *) if [[ -z $command ]]; then command=$word; else [[ $n == 0 ]] && first=$word; n=$((n + 1)); fi ;;
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
    ${fn}_argument "$command" "$n" "$first"
  fi
  return 0
}

complete -F ${fn} ${p}
`;
}
