import { resolve } from 'node:path';
import type { FolderCache } from '../store/folder-cache.js';
import { assembleCatalogue, BuiltinCatalogueBroken, readCompiled, type Catalogue, type CompiledCatalogue, type FolderContents } from './catalogue.js';

type Loaded = Catalogue & Pick<CompiledCatalogue, 'searchIndex'>;
type YamlModule = typeof import('./load.js');

export interface OpenOptions {
  /** User folders, in order; a later record with a known id replaces the earlier one. */
  folders?: string[];
  /** Reads user folders through this cache; without it every file is parsed. */
  cache?: FolderCache;
}

/**
 * Loads the catalogue: the built-in one from the build's JSON, user folders through the cache. yaml
 * and zod (load.ts) are loaded only when some file must really be parsed, so that a run served from
 * the cache starts fast. Never throws for a user's file (problems are in the result); throws
 * BuiltinCatalogueBroken when the built-in catalogue itself is invalid.
 */
export async function openCatalogue({ folders = [], cache }: OpenOptions = {}): Promise<Loaded> {
  let loading: Promise<YamlModule> | undefined;
  const yaml = () => (loading ??= import('./load.js'));
  const builtin = readCompiled() ?? (await compileFromYaml(yaml));
  const contents: FolderContents[] = [];
  // A folder named twice (--catalogue and the environment) is read once, not reported as all duplicates.
  for (const dir of new Set(folders.map((d) => resolve(d)))) {
    contents.push(cache ? await cache.read(dir, yaml) : (await yaml()).readFolder(dir));
  }
  return assembleCatalogue(builtin, contents);
}

let fromYaml: CompiledCatalogue | undefined;

/** Running from source without a build: the built-in catalogue straight from its YAML, once per process. */
async function compileFromYaml(yaml: () => Promise<YamlModule>): Promise<CompiledCatalogue> {
  if (fromYaml) return fromYaml;
  const { problems, ...compiled } = (await yaml()).compileBuiltin();
  if (problems.length > 0) throw new BuiltinCatalogueBroken(problems);
  return (fromYaml = compiled);
}
