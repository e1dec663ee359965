// Entry point for scripts: scripts/build.mjs compiles the built-in catalogue and its JSON Schemas with it,
// and scripts/gen-catalogue.mjs makes ids with the CLI's own slugify.
export { compileBuiltin } from './catalogue/load.js';
export { formatProblem } from './catalogue/problem.js';
export { SCHEMAS, jsonSchemaOf } from './model/schema.js';
export { buildIndex } from './core/search.js';
export { indexToJson } from './store/search-snapshot.js';
export { slugify } from './core/fold.js';
// scripts/bench.mjs times the search picker per key with the CLI's own code.
export { createContext } from './runtime/context.js';
export { openSearcher } from './catalogue/searcher.js';
export { pickerConfig, pickPrompt } from './prompts/pick.js';
export { makeStyle } from './text/terminal.js';
export { sortByName } from './core/methods.js';
