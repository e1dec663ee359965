import { offersArguments, type CompletionArgument, type CompletionOption, type CompletionTree, type Values } from '../../core/completion.js';
import { afterCommand, brief, CATALOGUE, flagsOf, INSTALL, valueOptions } from './shared.js';

// The PowerShell script (Windows PowerShell 5.1 and PowerShell 7): one native argument completer, with
// the tree as hashtables; files and folders are left to PowerShell's own completion (a completer that
// returns nothing gets those).

/** A word in single quotes for PowerShell: a quote inside is doubled. */
const pq = (s: string) => `'${s.replace(/['\u2018-\u201b]/g, '$&$&')}'`;
const list = (words: readonly string[]) => `@(${words.map(pq).join(', ')})`;

function psValues(values: Values): string {
  switch (values.kind) {
    case 'words':
      return `@{ kind = 'words'; words = ${list(values.words)} }`;
    case 'query':
      return `@{ kind = 'query'; query = ${list(values.query)} }`;
    default:
      return `@{ kind = '${values.kind}' }`;
  }
}

export function powershellScript(tree: CompletionTree): string {
  const p = tree.name;
  const v = `$__${p.replace(/\W/g, '_')}`;
  const catalogue = tree.globalOptions.find((o) => o.long === CATALOGUE);
  const catalogueFlags = catalogue ? flagsOf(catalogue) : [CATALOGUE];
  const optionWords = (opts: CompletionOption[]) => list(opts.flatMap(flagsOf));
  // "list --element" for a command's own option, "* --catalogue" for the program's, which hold everywhere.
  const values = valueOptions(tree).flatMap(({ command, option, values }) => flagsOf(option).map((f) => `    ${pq(`${command || '*'} ${f}`)} = ${psValues(values)}`));
  // Per position (the last holds for the rest): its values, and the first arguments it is offered after.
  const position = (a: CompletionArgument) => `@{ values = ${psValues(a.values)}; after = ${list(a.after ?? [])} }`;
  const args = tree.commands
    .filter(offersArguments)
    .map((c) => `    ${pq(c.name)} = @{ max = ${Number.isFinite(c.maxArgs) ? c.maxArgs : '[int]::MaxValue'}; positions = @(${c.args.map(position).join(', ')}) }`);

  return `# PowerShell completion for ${p}: commands, options, their values, and method ids, also from your own folders.
# Written by \`${p} completion powershell\` from the program's own commands; write it again after an update.
# Install (then start a new PowerShell):
#   ${INSTALL.powershell}

${v}Commands = [ordered]@{
${tree.commands.map((c) => `    ${pq(c.name)} = ${pq(brief(c.description))}`).join('\n')}
}

# The options of each command ('' for the program's own), the program's own that hold after it among them.
${v}Options = @{
    '' = ${optionWords(tree.globalOptions)}
${tree.commands.map((c) => `    ${pq(c.name)} = ${optionWords([...c.options, ...afterCommand(tree, c)])}`).join('\n')}
}

# The values of the options that take one.
${v}Values = @{
${values.join('\n')}
}

# The arguments of each command: how many, and what each position offers.
${v}Arguments = @{
${args.join('\n')}
}

Register-ArgumentCompleter -Native -CommandName ${pq(p)} -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    # The words before the one being completed, unquoted ('mijn map' is the folder mijn map).
    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -le $cursorPosition } | ForEach-Object {
        if ($_ -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $_.Value } else { $_.ToString() }
    })
    # @(): a range of one element would otherwise be that element, a string.
    if ($wordToComplete -ne '' -and $words.Count -gt 1) { $words = @($words[0..($words.Count - 2)]) }
    $program = $words[0]
    $command = ''
    $option = ''
    $catalogues = @()
    $n = 0
    $first = ''
    for ($i = 1; $i -lt $words.Count; $i++) {
        $word = $words[$i]
        if ($option) {
            if (${list(catalogueFlags)} -contains $option) { $catalogues += @('${CATALOGUE}', $word) }
            $option = ''
        } elseif ($word.StartsWith('${CATALOGUE}=')) {
            $catalogues += @('${CATALOGUE}', $word.Substring(${CATALOGUE.length + 1}))
        } elseif ($word.StartsWith('-')) {
            if (${v}Values.ContainsKey("$command $word") -or ${v}Values.ContainsKey("* $word")) { $option = $word }
        } elseif (-not $command) {
            $command = $word
        } else {
            if ($n -eq 0) { $first = $word }
            $n++
        }
    }

    $spec = $null
    if ($option) {
        $spec = ${v}Values["$command $option"]
        if (-not $spec) { $spec = ${v}Values["* $option"] }
    } elseif ($wordToComplete.StartsWith('-')) {
        $spec = @{ kind = 'words'; words = ${v}Options[$command] }
    } elseif (-not $command) {
        $spec = @{ kind = 'commands' }
    } elseif (${v}Arguments.ContainsKey($command) -and $n -lt ${v}Arguments[$command].max) {
        $positions = ${v}Arguments[$command].positions
        $at = $positions[([Math]::Min($n, $positions.Count - 1))]
        if ($at.after.Count -eq 0 -or $at.after -contains $first) { $spec = $at.values }
    }
    if (-not $spec) { return }

    $candidates = switch ($spec.kind) {
        'words' { $spec.words }
        'commands' { ${v}Commands.Keys }
        'query' { & $program @catalogues __complete @($spec.query) 2>$null }
        default { return }
    }
    foreach ($candidate in $candidates) {
        if ($candidate -and $candidate.StartsWith($wordToComplete, [StringComparison]::OrdinalIgnoreCase)) {
            $tip = if ($spec.kind -eq 'commands') { ${v}Commands[$candidate] } else { $candidate }
            [System.Management.Automation.CompletionResult]::new($candidate, $candidate, 'ParameterValue', $tip)
        }
    }
}
`;
}
