import { defineCommand, TEXT } from '../runtime/command.js';
import { completionTree, SHELLS, type Shell } from '../core/completion.js';
import { UsageError } from '../model/errors.js';
import { completionScript, INSTALL } from '../format/completion/index.js';
import { sanitize } from '../text/terminal.js';

export default defineCommand({
  name: 'completion',
  description: 'een script waarmee uw shell opdrachten, opties, waarden en methode-ids aanvult met Tab',
  arguments: [['<shell>', `de shell: ${SHELLS.join(', ')}`]],
  // The install lines (each makes its folder first), as in the scripts' own comments and docs/completion.md.
  examples: SHELLS.map((shell) => INSTALL[shell]),
  notes:
    '\nZet het script waar uw shell het zoekt, zoals in de voorbeelden (die eerst de map maken), en start een nieuwe shell.\n' +
    'Zonder het pakket bash-completion zet u deze regel in ~/.bashrc:\n' +
    'source <(methodewijzer completion bash)\n' +
    'Voor zsh moet de map in $fpath staan, vóór compinit; bijvoorbeeld in ~/.zshrc:\n' +
    'fpath=(~/.zfunc $fpath)\n' +
    '\nDe ids komen ook uit uw eigen mappen: --catalogue eerder op de regel, en METHODEWIJZER_CATALOGUE. ' +
    'Schrijf het script opnieuw na een update van methodewijzer.\n',
  async run(ctx, options, shell: string) {
    if (!(SHELLS as readonly string[]).includes(shell)) {
      throw new UsageError(`onbekende shell "${sanitize(shell)}"`, `Kies uit: ${SHELLS.join(', ')}.`);
    }
    // The program as the CLI builds it: the scripts are read from the same definitions, so they cannot drift.
    const program = await ctx.wholeProgram();
    return { data: completionScript(shell as Shell, completionTree(program)), views: TEXT };
  },
});
