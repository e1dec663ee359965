import { defineCommand } from '../command.js';
import { completionTree, SHELLS, type Shell } from '../core/completion.js';
import { UsageError } from '../errors.js';
import { completionScript, INSTALL } from '../format/completion.js';
import { sanitize } from '../terminal.js';

export default defineCommand({
  name: 'completion',
  description: 'een script waarmee uw shell opdrachten, opties, waarden en methode-ids aanvult met Tab',
  arguments: [['<shell>', `de shell: ${SHELLS.join(', ')}`]],
  examples: [`completion bash > ~/.local/share/bash-completion/completions/methodewijzer`, 'completion zsh > ~/.zfunc/_methodewijzer', 'completion fish > ~/.config/fish/completions/methodewijzer.fish'],
  notes:
    '\nInstalleren, dan een nieuwe shell starten:\n' +
    `  bash  ${INSTALL.bash}\n` +
    '        (zonder bash-completion: zet  source <(methodewijzer completion bash)  in ~/.bashrc)\n' +
    `  zsh   ${INSTALL.zsh}\n` +
    '        (een map in $fpath; ~/.zfunc zet u in ~/.zshrc vóór compinit:  fpath=(~/.zfunc $fpath))\n' +
    `  fish  ${INSTALL.fish}\n` +
    '\nDe ids van methoden komen uit de ingebouwde catalogus en uw eigen mappen (--catalogue op de regel,\n' +
    'en METHODEWIJZER_CATALOGUE). Schrijf het script opnieuw na een update van methodewijzer.\n',
  async run(ctx, options, shell: string) {
    if (!(SHELLS as readonly string[]).includes(shell)) {
      throw new UsageError(`onbekende shell "${sanitize(shell)}"; kies uit: ${SHELLS.join(', ')}`, 'Bijvoorbeeld: methodewijzer completion bash');
    }
    // The program as the CLI builds it: the scripts are read from the same definitions, so they cannot drift.
    const { buildProgram } = await import('../cli.js');
    const program = buildProgram(async () => undefined, {});
    return { text: completionScript(shell as Shell, completionTree(program)) };
  },
});
