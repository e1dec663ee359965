import { InvalidArgumentError, Option, type Command } from 'commander';
import { parseElement } from './core/methods.js';
import { ELEMENT_KEYS, SOURCE_KINDS } from './keys.js';

// Option parsers and the options several commands share, so they read and behave the same everywhere.

/** An empty value ('' from a script's unset variable, say) would silently mean "here" or "nothing". */
export const nonEmpty = (value: string) => {
  if (!value.trim()) throw new InvalidArgumentError('Een lege waarde kan niet.');
  return value;
};

/** Adds to the list commander hands back, rather than copying it: 40,000 repeated flags stay linear. */
function append<T>(value: T, previous: T[] | undefined): T[] {
  if (!previous) return [value];
  previous.push(value);
  return previous;
}

/** A repeatable option's values, in order. */
export const collect = (value: string, previous?: string[]) => append(nonEmpty(value), previous);

export function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('Geef een heel getal van 1 of meer.');
  return n;
}

/** `--element`, `--kind` and `--tag`: the filters of `list`, `search` and `export`. */
export function filterOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '-e, --element <element>',
        `alleen methoden onder dit ACTIE-element (herhaalbaar; keuze uit: ${ELEMENT_KEYS.join(', ')})`,
      ).argParser((v: string, prev: string[] | undefined) => {
        const element = parseElement(v);
        if (!element) throw new InvalidArgumentError(`Kies uit: ${ELEMENT_KEYS.join(', ')}.`);
        return append(element, prev);
      }),
    )
    .addOption(new Option('-k, --kind <kind>', 'alleen methoden uit databanken of uit verkenningen').choices(SOURCE_KINDS))
    .option('-t, --tag <tag>', 'alleen methoden met deze tag (herhaalbaar: alle genoemde)', collect);
}
