import { defineCommand } from '../command.js';
import { countByElement, parseElement, sortByName } from '../core/methods.js';
import { UsageError } from '../errors.js';
import { formatModel, type ModelElementView } from '../format/model.js';
import { ELEMENT_KEYS, type ElementKey } from '../keys.js';
import { sanitize } from '../terminal.js';

export interface ModelOptions {
  json?: boolean;
}

export default defineCommand({
  name: 'model',
  description: 'het ACTIE-model: per element de vraag, de twee polen, doen en laten',
  arguments: [['[element]', `een element (${ELEMENT_KEYS.join(', ')}, of de letter)`]],
  options: (cmd) => cmd.option('--json', 'als JSON'),
  examples: ['model', 'model inbedding', 'model --json'],
  async run(ctx, options: ModelOptions, element?: string) {
    let only: ElementKey | undefined;
    if (element !== undefined) {
      only = parseElement(element);
      if (!only) throw new UsageError(`onbekend element "${sanitize(element)}"`, `Kies uit: ${ELEMENT_KEYS.join(', ')} (of de letter A, C, T, I, E).`);
    }
    const { model, methods, nameOrder } = await ctx.catalogue();
    const counts = countByElement(methods);
    const byName = sortByName(methods, nameOrder);
    const view: ModelElementView[] = model.elements
      .filter((e) => !only || e.key === only)
      .map((e) => ({ ...e, methodCount: counts[e.key], methods: byName.filter((m) => m.elements.includes(e.key)).map(({ id, name }) => ({ id, name })) }));
    if (options.json) return { json: only ? view[0] : { intro: model.intro, elements: view } };
    return { text: formatModel(view, only ? undefined : model.intro, ctx.style, ctx.width), paged: true };
  },
});
