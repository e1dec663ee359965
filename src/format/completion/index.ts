import type { CompletionTree, Shell } from '../../core/completion.js';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { powershellScript } from './powershell.js';
import { zshScript } from './zsh.js';

// The completion scripts for bash, zsh, fish and PowerShell, written from the tree of commands and options
// (src/core/completion.ts). Method ids, tags and the answers of `actie` are not in the script: it
// asks the program (`methodewijzer __complete ids|tags|answers <vraag>`), passing the --catalogue
// folders typed on the line, so the user's own methods are completed too.
// One file per shell; shared.ts holds what they share.

export function completionScript(shell: Shell, tree: CompletionTree): string {
  switch (shell) {
    case 'bash':
      return bashScript(tree);
    case 'zsh':
      return zshScript(tree);
    case 'fish':
      return fishScript(tree);
    case 'powershell':
      return powershellScript(tree);
  }
}

export { INSTALL } from './shared.js';
