import { offersArguments, type CompletionOption, type CompletionTree, type Values } from '../../core/completion.js';
import { afterCommand, argumentPositions, brief, CATALOGUE, flagsOf, INSTALL, valueOptions } from './shared.js';

// The fish script: one `complete` line per option and command, with helpers that read the line.

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

export function fishScript(tree: CompletionTree): string {
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
    const args = offersArguments(c);
    if (!own.length && !args) continue;
    lines.push('', `# ${c.name}`);
    for (const o of own) lines.push(optionLine(o, `${fn}_using ${c.name}`));
    for (const { from, to, argument } of argumentPositions(c)) {
      if (argument.values.kind === 'none') continue;
      // Every argument alike (show, compare): the command is enough.
      const condition =
        from === 0 && !Number.isFinite(to) && !argument.after
          ? `${fn}_using ${c.name}`
          : [`${fn}_argument ${c.name} ${from} ${Number.isFinite(to) ? to : 2147483647}`, ...(argument.after ?? [])].join(' ');
      lines.push(`complete -c ${p} -n ${fq(condition)} ${fishValues(argument.values, fn, commandNames).replace(/^-x /, '')}`);
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

# How many arguments the command has so far, the command (nothing before it is typed), and its first argument.
function ${fn}_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l command ''
    set -l first ''
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
            test $n = 0; and set first $token
            set n (math $n + 1)
        end
    end
    echo $n
    echo $command
    echo $first
end

function ${fn}_needs_command
    set -l state (${fn}_state)
    test -z "$state[2]"
end

function ${fn}_using
    set -l state (${fn}_state)
    test "$state[2]" = "$argv[1]"
end

# Command $argv[1], with at least $argv[2] and fewer than $argv[3] arguments so far; with more words,
# its first argument is one of them.
function ${fn}_argument
    set -l state (${fn}_state)
    test "$state[2]" = "$argv[1]"; and test $state[1] -ge $argv[2]; and test $state[1] -lt $argv[3]; or return 1
    test (count $argv) -le 3; or contains -- "$state[3]" $argv[4..-1]
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
