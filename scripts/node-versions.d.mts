// Types for scripts/node-versions.mjs, so tests can find (or fetch) another Node.js.
/** The folder of the fetched versions: ${XDG_CACHE_HOME:-~/.cache}/methodewijzer-ci. */
export function nodeCacheDir(env?: NodeJS.ProcessEnv): string;
/** The folder whose bin/node is Node.js `major`: from the cache, or fetched into it first. */
export function nodeHome(major: number | string, env?: NodeJS.ProcessEnv): string;
/** That folder's bin/node. */
export function nodeBinary(major: number | string, env?: NodeJS.ProcessEnv): string;
