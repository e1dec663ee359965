// `methodewijzer actie` with stdin and stdout not a terminal: the scripted path, through main() in this process.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { adviseActie, answerFlags, type ActieAnswers } from '../../src/core/advice.js';
import { adviceJson, formatAdvice, reproduceCommand } from '../../src/format/advice.js';
import { makeStyle } from '../../src/text/terminal.js';
import { CONTEXT_KEYS } from '../../src/model/keys.js';
import { expectNoStackTrace, tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';
import { squash } from '../helpers/text.js';

const catalogue = await openCatalogue();
const { model } = catalogue;
const flags = answerFlags(catalogue);
const elementFlags = flags.filter((f) => model.elements.some((e) => e.key === f.key));

/** One answer per element, each a different kind: second pole, first pole, beide, onbekend, second pole. */
const chosen: Record<string, string> = Object.fromEntries(
  model.elements.map((e, i) => [e.key, [e.poles[1].key, e.poles[0].key, 'beide', 'onbekend', e.poles[1].key][i]]),
);
const asArgs = (answers: Record<string, string>) => Object.entries(answers).flatMap(([k, v]) => [`--${k}`, v]);

describe('actie with every answer as an option', () => {
  it('asks nothing and prints the advice for all five elements with a shortlist', async () => {
    const r = await runMain(['actie', ...asArgs(chosen), '--setting', 'dorp']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const answers = { ...chosen, setting: 'dorp', doelgroep: null } as ActieAnswers;
    // Piped, so plain: exactly the formatter's output without colour or wrapping.
    expect(r.stdout).toBe(formatAdvice(adviseActie(answers, catalogue), model, makeStyle(false), Infinity));
    expect(r.stdout).not.toMatch(/\u001b\[/);
    for (const e of model.elements) expect(r.stdout).toContain(e.name.toUpperCase());
    expect(r.stdout).toMatch(/KORTLIJST[\s\S]*1\. [\s\S]*Staat onder /);
    // Short first: the profile and the shortlist come before the details per element.
    expect(r.stdout.indexOf('Uw profiel')).toBeLessThan(r.stdout.indexOf('KORTLIJST'));
    expect(r.stdout.indexOf('KORTLIJST')).toBeLessThan(r.stdout.indexOf('PER ELEMENT'));
  });

  it('--json gives the answers and the whole advice as one JSON object', async () => {
    const r = await runMain(['actie', ...asArgs(chosen), '--doelgroep', 'jongeren', '--json']);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout);
    const answers = { ...chosen, setting: null, doelgroep: 'jongeren' } as ActieAnswers;
    const command = reproduceCommand(answers, model);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(adviceJson(answers, adviseActie(answers, catalogue), command))));
    expect(parsed.command).toBe(`methodewijzer actie ${asArgs(chosen).join(' ')} --setting geen --doelgroep jongeren`);
    expect(parsed.advice.profile.map((p: { position: string }) => p.position)).toEqual(['right', 'left', 'middle', 'unknown', 'right']);
    expect(parsed.advice.elements).toHaveLength(model.elements.length);
    for (const m of parsed.advice.shortlist) {
      expect(m.url).toMatch(/^https?:\/\//);
      expect(m.parts.length).toBeGreaterThan(0);
      expect(m.why).toMatch(/^Staat onder /);
    }
  });

  it('accepts values in any case and without the hyphen', async () => {
    const loose = Object.fromEntries(Object.entries(chosen).map(([k, v]) => [k, v.toUpperCase().replace('-', '')]));
    const [a, b] = await Promise.all([runMain(['actie', ...asArgs(loose), '--json']), runMain(['actie', ...asArgs(chosen), '--json'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('actie --over and --explain', () => {
  const keet = ['--over', 'jongeren willen een eigen keet', '--setting', 'dorp', '--doelgroep', 'jongeren'];

  it('--over puts the best search match first and is part of the command that gives the advice again', async () => {
    const r = await runMain(['actie', ...asArgs(chosen), ...keet, '--json']);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.answers.over).toBe('jongeren willen een eigen keet');
    expect(parsed.advice.shortlist[0].id).toBe('keetkeur');
    expect(parsed.advice.shortlist[0].why).toMatch(/^Sluit het best aan bij waar het initiatief over gaat\./);
    expect(parsed.command).toContain("--over 'jongeren willen een eigen keet'");
  });

  it('--explain says where a method stands and why, as sentences, and as the same parts in --json', async () => {
    const [text, json] = await Promise.all([
      runMain(['actie', ...asArgs(chosen), ...keet, '--explain', 'Dorpsonderzoek']),
      runMain(['actie', ...asArgs(chosen), ...keet, '--explain', 'dorpsonderzoek', '--json']),
    ]);
    expect(text.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.explain.method.id).toBe('dorpsonderzoek');
    for (const p of parsed.explain.parts) expect(squash(text.stdout)).toContain(squash(p.text));
    expect(text.stdout).not.toContain('KORTLIJST');
  });

  it('--explain with a method the catalogue does not know: exit 1 before anything is asked, naming what is near', async () => {
    const r = await runMain(['actie', ...asArgs(chosen), '--explain', 'keetkeurr']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('keetkeur');
    expectNoStackTrace(r.stderr);
  });
});

describe('actie --report', () => {
  const run = (dir: string, extra: string[] = [], answers = chosen) => runMain(['actie', ...asArgs(answers), '--report', join(dir, 'advies.md'), ...extra]);

  it('writes a readable Markdown report and leaves no temporary file', async () => {
    const dir = tempDir('report-');
    const r = await run(dir, ['--setting', 'wijk']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`Rapport geschreven naar ${join(dir, 'advies.md')}\n`);
    expect(readdirSync(dir)).toEqual(['advies.md']);
    const text = readFileSync(join(dir, 'advies.md'), 'utf8');
    expect(text).toMatch(/^# ACTIE-advies\n\nDatum: \d{4}-\d{2}-\d{2}\n/);
    const advice = adviseActie({ ...chosen, setting: 'wijk', doelgroep: null } as ActieAnswers, catalogue);
    for (const e of advice.elements) {
      expect(text).toContain(`${e.name}: `);
      expect(text).toContain(e.answer.role.trim());
      for (const d of e.dos) expect(text).toContain(`- ${d.emphasis ? '★ ' : ''}${d.text}`);
    }
    // The shortlist in its order, each with its link.
    const links = [...text.split('## Kortlijst')[1].matchAll(/^- Plaats \d+: \*\*\[.+?\]\((.+?)\)\*\*/gm)].map((m) => m[1]);
    expect(links).toEqual(advice.shortlist.map((m) => m.url));
    // The same order as the screen, and the command that makes it again.
    expect(text.indexOf('## Profiel')).toBeLessThan(text.indexOf('## Kortlijst'));
    expect(text.indexOf('## Kortlijst')).toBeLessThan(text.indexOf('## Per element'));
    expect(text).toContain(`methodewijzer actie ${asArgs(chosen).join(' ')} --setting wijk --doelgroep geen`);
    // The human advice still goes to stdout.
    expect(r.stdout).toContain('KORTLIJST');
  });

  it('refuses to overwrite an existing file without --force, leaving it byte for byte', async () => {
    const dir = tempDir('report-');
    const file = join(dir, 'advies.md');
    const original = Buffer.from('# Mijn eigen notities\n\nNiet overschrijven.\n');
    writeFileSync(file, original);
    const before = statSync(file).mtimeMs;
    const r = await run(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bestaat al/);
    expect(r.stderr).toContain('--force');
    expect(r.stdout).toBe('');
    expectNoStackTrace(r.stderr);
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readdirSync(dir)).toEqual(['advies.md']);

    const forced = await run(dir, ['--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# ACTIE-advies/);
    expect(readdirSync(dir)).toEqual(['advies.md']);
  });

  it('fails with a hint when the folder does not exist', async () => {
    const dir = tempDir('report-');
    const r = await runMain(['actie', ...asArgs(chosen), '--report', join(dir, 'nergens', 'advies.md')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/map .* bestaat niet/);
    expectNoStackTrace(r.stderr);
    expect(existsSync(join(dir, 'nergens'))).toBe(false);
  });
});

describe('actie --help', () => {
  it('describes the context options with their questions from the model, and lists every value', async () => {
    const r = await runMain(['actie', '--help']);
    expect(r.code).toBe(0);
    const help = squash(r.stdout);
    for (const key of CONTEXT_KEYS) {
      const q = model.context[key];
      const described = help.indexOf(squash(`${q.question} (geen: ${q.none.toLowerCase()})`));
      expect(described).toBeGreaterThan(0);
      expect(help.slice(0, described)).toMatch(new RegExp(`--${key}<\\w+>$`));
    }
    for (const f of flags) expect(help).toContain(squash(`--${f.key} ${f.values.join(', ')}`));
  });
});

describe('actie usage errors (exit 2)', () => {
  const missingCases = [
    { name: 'no answers at all', given: {} as Record<string, string> },
    { name: 'the last answer missing', given: Object.fromEntries(Object.entries(chosen).slice(0, -1)) },
    { name: 'only the first answer', given: Object.fromEntries(Object.entries(chosen).slice(0, 1)) },
  ];

  it.each(missingCases)('stdin not a terminal and $name: fails at once, naming the flags to pass', async ({ given }) => {
    const dir = tempDir('report-');
    const r = await runMain(['actie', ...asArgs(given), '--report', join(dir, 'advies.md')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const missing = elementFlags.filter((f) => !(f.key in given));
    for (const f of missing) expect(r.stderr).toContain(`--${f.key} ${f.values.join('|')}`);
    for (const f of elementFlags.filter((x) => x.key in given)) expect(r.stderr).not.toContain(`--${f.key} `);
    // No prompt was drawn: none of the questions, nor the opening text.
    for (const e of model.elements) expect(r.stderr).not.toContain(e.question);
    expect(r.stderr).not.toContain(model.intro.slice(0, 30));
    expectNoStackTrace(r.stderr);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(flags.map((f) => [f.key, f.values] as const))('a wrong value for --%s lists the allowed ones', async (key, values) => {
    const r = await runMain(['actie', ...asArgs({ ...chosen, [key]: 'misschien' })]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--${key}`);
    expect(r.stderr).toContain('misschien');
    expect(r.stderr).toContain(values.join(', '));
    expectNoStackTrace(r.stderr);
  });

  it('the start of more than one value is ambiguous, and the message names the candidates', async () => {
    const r = await runMain(['actie', ...asArgs({ ...chosen, animo: 'b' })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ambigu');
    expect(r.stderr).toContain('bijsturen, beide');
    expect(r.stderr).toContain('Bedoelde u: bijsturen of beide?');
    expect(r.stderr).not.toContain('ongeldige waarde');
  });

  it('checks the values before anything else, even with answers missing', async () => {
    const r = await runMain(['actie', '--animo', 'misschien']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('misschien');
  });
});
