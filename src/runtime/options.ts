import { InvalidArgumentError, Option, type Command } from 'commander';
import { checkTags } from '../catalogue/catalogue.js';
import { matchChoice } from '../core/choice.js';
import { filterFromFlags, filterMethods, type FilterFlags } from '../core/methods.js';
import type { Method } from '../model/schema.js';
import { ELEMENT_KEYS, ELEMENT_LETTERS, SOURCE_KINDS } from '../model/keys.js';

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

/**
 * An option with a fixed set of values that forgives: any case, aliases, and the start of one value
 * (matchChoice). The values stand in its help as "keuze uit: …", and shell completion reads them there.
 */
export function choiceOption(flags: string, description: string, values: readonly string[], { aliases = {}, repeatable = false } = {}): Option {
  const option = new Option(flags, description);
  option.argChoices = [...values];
  return option.argParser<string | string[]>((input: string, previous) => {
    const value = matchChoice(input, values, aliases);
    if (!value) throw new InvalidArgumentError(`Kies uit: ${values.join(', ')}.`);
    return repeatable ? append(value, previous as string[] | undefined) : value;
  });
}

/**
 * `--json`, with what the JSON holds for this command as its help. The command gives no view of its own
 * for it: src/cli/output.ts writes the data (or the command's `json` view) when the flag is set.
 */
export function jsonOption(description: string): Option {
  return new Option('--json', description);
}

/** Whether a run asked for JSON: the one place that reads the flag for the output (src/cli/program.ts). */
export const wantsJson = (options: object) => (options as { json?: unknown }).json === true;

/** `--element`, `--kind` and `--tag`: the filters of `list`, `search` and `export`. */
export function filterOptions(cmd: Command): Command {
  return cmd
    .addOption(
      choiceOption('-e, --element <element>', 'alleen methoden onder dit ACTIE-element (herhaalbaar; ook de letter)', ELEMENT_KEYS, {
        aliases: ELEMENT_LETTERS,
        repeatable: true,
      }),
    )
    .addOption(choiceOption('-k, --kind <soort>', 'alleen methoden uit databanken of uit verkenningen', SOURCE_KINDS))
    .option('-t, --tag <tag>', "alleen methoden met deze tag (herhaalbaar: alle genoemde; alle tags: methodewijzer tags)", collect);
}

/** The methods that match the filter options; an unknown tag is a usage error, since it can only be a typo. */
export function selectMethods(methods: Method[], flags: FilterFlags): Method[] {
  const filter = filterFromFlags(flags);
  checkTags(methods, filter.tags);
  return filterMethods(methods, filter);
}
