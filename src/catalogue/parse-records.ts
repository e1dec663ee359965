import { Composer, LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair, type Range } from 'yaml';
import type { z } from 'zod';
import { MAX_ALIAS_COUNT, MAX_PROBLEMS_PER_FILE } from '../model/defaults.js';
import { closestWord } from '../core/distance.js';
import { moreProblems, type Problem } from './problem.js';

export interface Located<T> {
  value: T;
  file: string;
  line: number;
}

export interface ParsedFile<T> {
  records: Located<T>[];
  problems: Problem[];
}

/**
 * Parses YAML text (one or more documents) and validates each document against `schema`.
 * Never throws: every failure, including hostile input, comes back as a Problem.
 */
export function parseRecords<T>(file: string, text: string, schema: z.ZodType<T>): ParsedFile<T> {
  // Kept in file order and capped as they come: a file of 200,000 bad entries costs no more memory
  // than one of a hundred (the rest are counted).
  const problems: Problem[] = [];
  let more = 0;
  let moreFrom: number | undefined;
  const report = (found: Problem[]) => {
    found.sort(byPosition);
    for (const p of found) {
      if (problems.length < MAX_PROBLEMS_PER_FILE) problems.push(p);
      else if (more++ === 0) moreFrom = p.line;
    }
  };
  const records: Located<T>[] = [];
  const lineCounter = new LineCounter();
  const at = (offset: number) => lineCounter.linePos(offset);

  let present = 0;
  try {
    // One document at a time, so a file of a million `---` lines never holds a million documents.
    for (const doc of documents(text, lineCounter)) {
      if (doc.contents === null && doc.errors.length === 0) continue;
      present++;
      const syntax = doc.errors.length > 0 ? syntaxProblems(file, text, doc, at) : structureProblems(file, doc, at);
      if (syntax.length > 0) {
        report(syntax);
        continue;
      }
      const start = doc.contents?.range?.[0] ?? 0;
      let data: unknown;
      try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (err) {
        report([{ file, ...lineCol(at(start)), message: unreadable(err) }]);
        continue;
      }
      if (data === null || data === undefined) {
        report([{ file, ...lineCol(at(start)), message: `leeg document: verwacht ${EXPECTED}` }]);
        continue;
      }
      // reportInput: zod 4 leaves the offending value out of its issues unless asked.
      const result = schema.safeParse(data, { reportInput: true });
      if (result.success) {
        records.push({ value: result.data, file, line: at(start).line });
        continue;
      }
      const found: Problem[] = [];
      for (const issue of result.error.issues) for (const p of issueProblems(file, doc, issue, at, schema)) found.push(p);
      report(found);
    }
  } catch (err) {
    return { records: [], problems: [{ file, message: unreadable(err) }] };
  }

  if (present === 0) {
    return { records, problems: [{ file, line: 1, message: `het bestand is leeg: verwacht ${EXPECTED}` }] };
  }
  if (more) problems.push(moreProblems(file, moreFrom, more));
  return { records, problems };
}

/** In the order a reader meets them in the file, not the order the schema checks fields. */
const byPosition = (a: Problem, b: Problem) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

function documents(text: string, lineCounter: LineCounter): Iterable<Document.Parsed> {
  // What parseAllDocuments does, without collecting every document first. uniqueKeys is off because
  // yaml checks it by comparing each key with all before it; duplicateKeys() does it in linear time.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  return composer.compose(new Parser(lineCounter.addNewLine).parse(text)) as Iterable<Document.Parsed>;
}

/**
 * What yaml's composer lets through but must not pass: an alias with no anchor before it (toJS would
 * throw), and a key given twice in one mapping, also where one of the two is an alias of the other.
 * yaml's own uniqueKeys check compares each key with all before it; this keeps a Set per mapping, and
 * finds anchors in one pass (Alias.resolve walks the whole document for each alias).
 */
function structureProblems(file: string, doc: Document.Parsed, at: (o: number) => LinePos): Problem[] {
  const problems: Problem[] = [];
  const where = (node: { range?: Range | null }) => (node.range ? lineCol(at(node.range[0])) : {});
  // Past the problems a file shows, only the count matters: no field, whose path costs a search per list.
  const field = (chain: () => readonly unknown[], key?: string) => {
    if (problems.length >= MAX_PROBLEMS_PER_FILE) return undefined;
    const parent = fieldOf(chain());
    return key === undefined ? parent : parent ? `${parent}.${key}` : key;
  };
  // As Alias.resolve finds them: the last anchor of that name before the alias, in document order.
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Node(_, node, path) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
        else problems.push({ file, ...where(node), field: field(() => [...path, node]), message: `onbekende alias *${node.source}: er staat geen anker &${node.source} vóór; schrijf de waarde uit of zet het anker eerder in het document` });
      } else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  visit(doc, {
    Map(_, map, path) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isAlias(pair.key) ? targets.get(pair.key) : pair.key;
        if (!isScalar(key)) continue;
        if (!seen.has(key.value)) {
          seen.add(key.value);
          continue;
        }
        const name = `"${String(key.value)}"${isAlias(pair.key) ? `, de tweede keer via de alias *${pair.key.source}` : ''}`;
        problems.push({
          file,
          ...where(pair.key as Node),
          field: field(() => [...path, map], String(key.value)),
          message: `geen geldige YAML: ${yamlReason('DUPLICATE_KEY', name)}`,
        });
      }
    },
  });
  return problems;
}

/** The field a node sits in, as a dotted path (`source.kind`, `aliases.1`), from its ancestors. */
function fieldOf(chain: readonly unknown[]): string | undefined {
  const parts: (string | number)[] = [];
  for (let i = 0; i < chain.length; i++) {
    const step = chain[i];
    const next = chain[i + 1];
    if (isPair(step)) {
      if (next === step.key) break; // the node is a key itself: its field is the mapping's
      parts.push(isScalar(step.key) ? String(step.key.value) : '?');
    } else if (isSeq(step) && next !== undefined) parts.push(step.items.indexOf(next as Node));
  }
  return parts.length ? parts.join('.') : undefined;
}

const EXPECTED = 'velden zoals id, name, summary, elements, source en url';

/** Syntax errors after the first are mostly echoes of it; report a few, and a stack overflow once. */
const MAX_SYNTAX_PROBLEMS = 10;

function syntaxProblems(file: string, text: string, doc: Document.Parsed, at: (o: number) => LinePos): Problem[] {
  const located = doc.errors.map((e) => ({ e, pos: e.linePos?.[0] ?? at(e.pos[0]) }));
  const overflow = located.find(({ e }) => /call stack/i.test(e.message));
  if (overflow) return [{ file, ...lineCol(overflow.pos), message: TOO_DEEP }];
  const problems: Problem[] = located.slice(0, MAX_SYNTAX_PROBLEMS).map(({ e, pos }) => {
    const unclosed = unclosedOpener(text, e.pos[0], e.message);
    if (unclosed) return { file, ...lineCol(at(unclosed.offset)), message: `geen geldige YAML: ${unclosed.message}` };
    return { file, ...lineCol(pos), message: `geen geldige YAML: ${yamlReason(e.code, e.message)}` };
  });
  if (located.length > MAX_SYNTAX_PROBLEMS) {
    problems.push({ file, ...lineCol(located[MAX_SYNTAX_PROBLEMS].pos), message: `en nog ${located.length - MAX_SYNTAX_PROBLEMS} YAML-fouten; herstel eerst de eerste` });
  }
  return problems;
}

/**
 * yaml notices an unclosed `[`, `{` or quote only where the next line starts; the fix belongs where it
 * was opened. Walks back from that point to the opener that was never closed.
 */
function unclosedOpener(text: string, offset: number, message: string): { offset: number; message: string } | undefined {
  const bracket = /end with an? ([\]}])/.exec(message)?.[1];
  if (bracket) {
    const open = bracket === ']' ? '[' : '{';
    let depth = 0;
    for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
      if (text[i] === bracket) depth++;
      else if (text[i] === open && depth-- === 0) return { offset: i, message: `deze ${open} wordt niet afgesloten met ${bracket}` };
    }
    return undefined;
  }
  if (/Missing closing "quote/.test(message) || /Missing closing 'quote/.test(message)) {
    const quote = message.includes(`'quote`) ? "'" : '"';
    const i = text.lastIndexOf(quote, offset - 1);
    if (i >= 0) return { offset: i, message: `dit aanhalingsteken (${quote}) wordt niet afgesloten` };
  }
  return undefined;
}

const TOO_DEEP = 'te diep geneste YAML; een methode heeft een vlakke structuur';

type LinePos = { line: number; col: number };

function lineCol(p: LinePos) {
  return { line: p.line, column: p.col };
}

function unreadable(err: unknown): string {
  // Unresolved aliases are found before toJS (structureProblems); only the count limit is left here.
  if (err instanceof ReferenceError && /alias count/i.test(err.message)) {
    return 'te veel YAML-aliassen (mogelijk een "alias bomb"); schrijf de waarden uit in plaats van *aliassen te gebruiken';
  }
  if (err instanceof RangeError) return TOO_DEEP;
  return `onleesbare YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
}

function yamlReason(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const dutch: Record<string, string> = {
    DUPLICATE_KEY: 'een veld staat er twee keer in',
    BAD_INDENT: 'de inspringing klopt niet',
    MISSING_CHAR: 'er ontbreekt een teken (bijvoorbeeld een afsluitend aanhalingsteken of haakje)',
    BLOCK_AS_IMPLICIT_KEY: 'een waarde over meerdere regels staat waar een veldnaam hoort',
    TAB_AS_INDENT: 'tabs als inspringing; gebruik spaties',
    UNEXPECTED_TOKEN: 'onverwacht teken',
    MULTILINE_IMPLICIT_KEY: 'een veldnaam loopt over meerdere regels',
    BAD_ALIAS: 'ongeldige alias',
  };
  return dutch[code] ? `${dutch[code]} (${first})` : first;
}

function issueProblems(
  file: string,
  doc: Document.Parsed,
  issue: z.core.$ZodIssue,
  at: (o: number) => LinePos,
  schema: z.ZodType,
): Problem[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    const parent = doc.getIn(path, true) as Node | undefined;
    // Looked up once, not per key: a record with 40,000 unknown keys must not take 40,000² steps.
    const byKey = new Map<unknown, Pair>();
    let complexKey: Pair | undefined;
    if (isMap(parent)) {
      for (const p of parent.items as Pair[]) {
        if (!isScalar(p.key)) complexKey ??= p;
        else if (!byKey.has(p.key.value)) byKey.set(p.key.value, p);
      }
    }
    return issue.keys.map((key) => {
      // A key that is itself a list or map reaches zod stringified: point at the first such key.
      const pair = byKey.get(key) ?? complexKey;
      const keyNode = pair?.key;
      const range = (keyNode as Node | undefined)?.range ?? parent?.range;
      const guess = closest(key, fieldNames(schema));
      return {
        file,
        ...(range ? lineCol(at(range[0])) : {}),
        field: [...path, key].join('.'),
        message: key === '<<' ? MERGE_KEY : `onbekend veld${guess ? `; bedoelde u: ${guess}?` : ''}`,
      };
    });
  }
  const node = nearestNode(doc, path);
  // A field that is not there reaches zod as undefined: as a wrong type, or as no value of an enum.
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined;
  return [
    {
      file,
      ...(node?.range ? lineCol(at(node.range[0])) : {}),
      field: path.length ? path.join('.') : undefined,
      message: missing ? 'verplicht veld ontbreekt' : dutchIssue(issue),
    },
  ];
}

// yaml reads YAML 1.2, without merge keys: `<<` is a key like any other, which the schema does not know.
const MERGE_KEY = 'samenvoegen met << (een merge key) kan hier niet; schrijf de velden uit';

/** The node at `path`, or the closest ancestor that exists (a missing field points at its parent). */
function nearestNode(doc: Document.Parsed, path: (string | number)[]): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return doc.contents ?? undefined;
}

function dutchIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value': {
      const options = issue.values.map(String);
      const guess = typeof issue.input === 'string' ? closest(issue.input, options) : undefined;
      return `onbekende waarde ${shown(issue.input)}; kies uit: ${options.join(', ')}${guess ? `; bedoelde u: ${guess}?` : ''}`;
    }
    case 'invalid_type':
      return `verwacht ${typeName(issue.expected)}, maar vond ${describe(issue.input)}`;
    case 'invalid_format':
      if (issue.format === 'url') return `geen geldige link ${shown(issue.input)}: gebruik een volledig adres dat begint met https://`;
      return issue.message;
    case 'too_small':
      if (issue.origin === 'array') return custom(issue) ?? `te weinig waarden (minstens ${issue.minimum})`;
      if (issue.origin === 'string') return 'mag niet leeg zijn';
      return `te klein (minstens ${issue.minimum})`;
    case 'too_big':
      return issue.origin === 'array' ? `te veel waarden (hoogstens ${issue.maximum})` : `te groot (hoogstens ${issue.maximum})`;
    default:
      return issue.message;
  }
}

function typeName(t: string): string {
  return ({ string: 'tekst', number: 'een getal', array: 'een lijst', object: 'velden (een mapping)', boolean: 'ja/nee' } as Record<string, string>)[t] ?? t;
}

/** The schema's own (Dutch) message, where it gives one instead of zod's English default. */
function custom(issue: z.core.$ZodIssue): string | undefined {
  return /^(Too small|Too big|Invalid)/.test(issue.message) ? undefined : issue.message;
}

/** A value for a message: text quoted and shortened, anything else described. */
function shown(input: unknown): string {
  return typeof input === 'string' ? JSON.stringify(input.length > 60 ? input.slice(0, 60) + '…' : input) : describe(input);
}

function describe(input: unknown): string {
  if (input === null) return 'een lege waarde';
  if (input === undefined) return 'niets';
  if (Array.isArray(input)) return 'een lijst';
  if (typeof input === 'object') return 'velden (een mapping)';
  if (typeof input === 'string') return `tekst ${JSON.stringify(input.length > 40 ? input.slice(0, 40) + '…' : input)}`;
  return `${typeof input === 'number' ? 'het getal' : 'de waarde'} ${String(input)}`;
}

const fieldNameCache = new WeakMap<object, string[]>();

/** Every field name that occurs anywhere in a schema, for "did you mean" on a typo. */
function fieldNames(schema: z.ZodType): string[] {
  const cached = fieldNameCache.get(schema);
  if (cached) return cached;
  const names = new Set<string>();
  const visit = (s: unknown): void => {
    const def = (s as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return;
    if (def.type === 'object') {
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        names.add(k);
        visit(v);
      }
    }
    for (const inner of [def.element, def.innerType, def.in, def.out]) visit(inner);
    if (Array.isArray(def.items)) def.items.forEach(visit);
  };
  visit(schema);
  const list = [...names];
  fieldNameCache.set(schema, list);
  return list;
}

/** A field or value spelled like `word`: within two edits, or a third of its length when longer. */
const closest = (word: string, candidates: string[]) => closestWord(word, candidates, Math.max(2, Math.floor(word.length / 3)));
