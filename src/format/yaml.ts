import { Document } from 'yaml';
import type { Method } from '../model/schema.js';

export interface YamlExportOptions {
  /** The `# yaml-language-server: $schema=...` line, so editors check the file. */
  modeline?: string;
  /** A comment (without `#`; may span lines) put under the modeline. */
  comment?: string;
}

/**
 * The methods as multi-document YAML, one method per document: a file that a catalogue folder can hold
 * as it is (the loader reads every document of a file), and that loads back to the same records.
 */
export function formatMethodsYaml(methods: Method[], options: YamlExportOptions = {}): string {
  const comment = options.comment?.split('\n').map((l) => `# ${l}`) ?? [];
  const head = [options.modeline, ...comment].filter(Boolean).map((l) => `${l}\n`).join('');
  const docs = methods.map((m) => new Document(m).toString({ lineWidth: 100, minContentWidth: 40 }));
  return head + docs.join('---\n');
}
