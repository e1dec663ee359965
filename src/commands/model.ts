import { defineCommand, type Views } from '../runtime/command.js';
import { countByElement, parseElement, sortByName } from '../core/methods.js';
import { UsageError } from '../model/errors.js';
import { formatModel, type ModelElementView } from '../format/model.js';
import { ELEMENT_KEYS, type ElementKey } from '../model/keys.js';
import { sanitize } from '../text/terminal.js';
import { jsonOption } from '../runtime/options.js';

/** The elements shown; `intro` only when all five are. */
interface ModelView {
  elements: ModelElementView[];
  intro?: string;
}

const views: Views<ModelView> = {
  // One element asked for is one object; the whole model has its introduction.
  json: ({ elements, intro }) => (intro === undefined ? elements[0] : { intro, elements }),
  terminal: ({ elements, intro }, ctx) => formatModel(elements, intro, ctx.style, ctx.width),
  paged: true,
};

export default defineCommand({
  name: 'model',
  description: 'het ACTIE-model: per element de vraag, de twee polen, doen en laten',
  arguments: [['[element]', `een element (${ELEMENT_KEYS.join(', ')}, of de letter)`]],
  options: (cmd) => cmd.addOption(jsonOption('als JSON')),
  examples: ['model', 'model inbedding', 'model --json'],
  async run(ctx, options, element?: string) {
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
    return { data: { elements: view, intro: only ? undefined : model.intro }, views };
  },
});
