import { originOf, type Catalogue } from '../catalogue/catalogue.js';
import { canNameMethod, findMethods } from '../runtime/find-methods.js';
import { defineCommand, type Views } from '../runtime/command.js';
import { UsageError } from '../model/errors.js';
import { formatCompareLines, formatCompareTable } from '../format/compare.js';
import { methodJson } from '../format/json.js';
import type { Method } from '../model/schema.js';
import { jsonOption } from '../runtime/options.js';
import { sanitize } from '../text/terminal.js';

/** The methods in the order asked, and the catalogue that says where each came from. */
interface Compared {
  methods: Method[];
  catalogue: Catalogue;
}

const views: Views<Compared> = {
  json: ({ methods, catalogue }) => methods.map((m) => methodJson(m, originOf(catalogue, m.id))),
  plain: ({ methods }) => formatCompareLines(methods),
  terminal: ({ methods }, ctx) => formatCompareTable(methods, { style: ctx.style, width: ctx.width }),
  paged: true,
};

const MIN = 2;
const MAX = 4;
const EXAMPLE = 'Bijvoorbeeld: methodewijzer compare abcd "kan wel"';

export default defineCommand({
  name: 'compare',
  description: 'zet twee tot vier methoden naast elkaar',
  // Optional for commander, so that too few is our usage error, which says how many it takes; the
  // usage line still shows that two are needed.
  arguments: [['[methode...]', 'twee tot vier methoden, elk met id of naam (hoofdletters en accenten maken niet uit)']],
  options: (cmd) => cmd.usage('[options] <methode> <methode> [methode...]').addOption(jsonOption('de records als JSON, in de gevraagde volgorde')),
  examples: ['compare abcd "kan wel"', 'compare dorpsspiegel dorpsonderzoek "kern met pit" --json', 'compare present woonatelier | grep ^url'],
  notes:
    '\nOp een terminal staan de methoden in kolommen naast elkaar. In een pijplijn: per veld één ' +
    'regel, met de naam van het veld (id, name, elements, kind, collection, tags, summary, url) ' +
    'en dan per methode de waarde, gescheiden door tabs.\n',
  async run(ctx, options, queries: string[]) {
    if (queries.length < MIN || queries.length > MAX) {
      const given = queries.length === 0 ? 'geen' : String(queries.length);
      throw new UsageError(`compare zet twee tot vier methoden naast elkaar; u gaf er ${given}`, EXAMPLE);
    }
    if (!queries.every(canNameMethod)) throw new UsageError('geef bij elke methode het id of de naam', EXAMPLE);
    const catalogue = await ctx.catalogue();
    const methods = await findMethods(catalogue, queries, ctx);
    methods.forEach((m, i) => {
      const first = methods.findIndex((other) => other.id === m.id);
      if (first < i) {
        throw new UsageError(
          `"${sanitize(queries[first])}" en "${sanitize(queries[i])}" zijn dezelfde methode (${m.id})`,
          'Vergelijk verschillende methoden; een methode naast zichzelf zegt niets.',
        );
      }
    });
    return { data: { methods, catalogue }, views };
  },
});
