// Entry point used only by scripts/build.mjs: compiles the built-in catalogue and its JSON Schemas.
export { compileBuiltin } from './catalogue/load.js';
export { formatProblem } from './catalogue/problem.js';
export { SCHEMAS, jsonSchemaOf } from './schema.js';
export { buildIndex } from './core/search.js';
export { indexToJson } from './catalogue/search-snapshot.js';
