// The dossier's pure parts: names and file names, what changed between sessions, the text and the handout.
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { adviseActie, completeAnswers, type ActieAnswers } from '../../src/core/advice.js';
import { dossierSlug, sameName, sessionChanges, sessionOf, sessionsInOrder, withSession } from '../../src/core/dossier.js';
import { CHANGE_LABELS, formatChanges, formatDossier, methodNames } from '../../src/format/dossier.js';
import { formatHandout, promises } from '../../src/format/handout.js';
import { dossierSchema } from '../../src/model/dossier.js';
import { makeStyle } from '../../src/text/terminal.js';

const catalogue = await openCatalogue();
const { model } = catalogue;
const plain = makeStyle(false);
const names = methodNames(catalogue.methods);

function session(date: string, answers: Partial<ActieAnswers>, note?: string) {
  const full = completeAnswers({ animo: 'bijsturen', contact: 'benutten', toerusting: 'aanreiken', inbedding: 'organisaties', empathie: 'onbekend', ...answers });
  return sessionOf(date, full, adviseActie(full, catalogue).shortlist.map((m) => m.id), note);
}

describe('dossier names', () => {
  it.each([
    ['Keet Oost', 'keet-oost'],
    ['KEET óóst', 'keet-oost'],
    ['  Keet   Oost!  ', 'keet-oost'],
    ['../../etc/passwd', 'etc-passwd'],
    ['/root/.ssh', 'root-ssh'],
    ['a\\b', 'a-b'],
    ['.hidden', 'hidden'],
    ['Ærø-café 2026', 'aero-cafe-2026'],
  ])('%j is kept in %s.yaml, inside the folder', (name, slug) => {
    expect(dossierSlug(name)).toBe(slug);
  });

  it.each(['', '   ', '../..', '///', '日本語'])('%j has no file name', (name) => {
    expect(dossierSlug(name)).toBeUndefined();
  });

  it('cuts a very long name, never in a hyphen', () => {
    const slug = dossierSlug('woord '.repeat(40))!;
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('matches names regardless of case, accents and punctuation', () => {
    expect(sameName('Keet Oost', 'keet óóst')).toBe(true);
    expect(sameName('Keet Oost', 'Keet West')).toBe(false);
  });
});

describe('what changed between sessions', () => {
  const first = session('2026-01-12T10:00', { setting: 'dorp', over: 'jongeren willen een eigen keet' });
  const second = session('2026-03-02T14:05', { toerusting: 'eigen-kracht', animo: 'aansluiten', setting: 'dorp', over: 'jongeren willen een eigen keet' });

  it('names each changed answer as was and now, in the model words, and leaves the rest out', () => {
    const changes = sessionChanges(first, second, model, CHANGE_LABELS);
    expect(changes.since).toBe('2026-01-12T10:00');
    expect(changes.answers.map((c) => [c.key, c.was, c.now])).toEqual([
      ['animo', 'bijsturen', 'aansluiten'],
      ['toerusting', 'aanreiken', 'eigen-kracht'],
    ]);
    expect(changes.answers[1]).toMatchObject({ name: 'Toerusting', wasText: 'ondersteuning aanreiken', nowText: 'eigen kracht' });
  });

  it('lists methods new on the shortlist and gone from it', () => {
    const changes = sessionChanges(first, second, model, CHANGE_LABELS);
    expect(changes.added).toEqual(second.shortlist.filter((id) => !first.shortlist.includes(id)));
    expect(changes.gone).toEqual(first.shortlist.filter((id) => !second.shortlist.includes(id)));
    expect(changes.added.length + changes.gone.length).toBeGreaterThan(0);
    const text = formatChanges(changes, names, plain, 100).join('\n');
    expect(text).toContain('Sinds de vorige sessie (12 januari 2026, 10:00)');
    expect(text).toContain('Toerusting: ondersteuning aanreiken → eigen kracht');
    for (const id of changes.added) expect(text).toContain(names(id).name);
  });

  it('says when nothing changed', () => {
    const again = { ...first, date: '2026-02-01T09:00' };
    expect(formatChanges(sessionChanges(first, again, model, CHANGE_LABELS), names, plain, 100).join('\n')).toContain('Niets veranderd');
  });

  it('sees a context answer and the subject change too', () => {
    const third = { ...second, answers: { ...second.answers, setting: null }, over: 'een moestuin' };
    const keys = sessionChanges(second, third, model, CHANGE_LABELS).answers.map((c) => [c.key, c.wasText, c.nowText]);
    expect(keys).toEqual([
      ['setting', model.context.setting.options.find((o) => o.tag === 'dorp')!.label, null],
      ['over', 'jongeren willen een eigen keet', 'een moestuin'],
    ]);
  });

  it('keeps sessions in time order, whatever order two runs at once saved them in', () => {
    const d = withSession(withSession(undefined, 'Keet', second), 'Keet', first);
    expect(sessionsInOrder(d).map((s) => s.date)).toEqual([first.date, second.date]);
    expect(dossierSchema.safeParse(d).success).toBe(true);
    expect(formatDossier(d, model, names, plain, 100)).toMatch(/Sessie 1: 12 januari 2026[\s\S]*Sessie 2: 2 maart 2026[\s\S]*Veranderd sinds de sessie ervoor/);
  });
});

describe('the handout', () => {
  const first = session('2026-01-12T10:00', { setting: 'dorp' }, 'Afspraak: offerte <opvragen> & bellen');
  const second = session('2026-03-02T14:05', { toerusting: 'eigen-kracht', contact: 'versterken', setting: 'dorp', over: 'een eigen keet' });
  const dossier = withSession(withSession(undefined, 'Keet <Oost>', first), 'x', second);
  const html = formatHandout(dossier, model, (id) => ({ ...names(id), summary: catalogue.methods.find((m) => m.id === id)?.summary }));
  const visible = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');

  it('is one self-contained page: no scripts, no files or fonts from elsewhere', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\(|\ssrc=/i);
    // The only addresses are the methods' own links, for the reader to follow.
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(second.shortlist.map((id) => names(id).url));
  });

  it('says the brochure uses the ACTIE model and points to Platform31 for it, not that the model is the brochure\'s', () => {
    expect(visible).toContain('met het ACTIE-model zoals de brochure');
    expect(visible).toContain('verwijst de brochure naar Platform31');
    expect(visible).not.toContain('ACTIE-model uit de brochure');
  });

  it('speaks to the initiative-takers, without the professional terms', () => {
    expect(visible).not.toMatch(/kortlijst|focus|aandacht|element/i);
    expect(visible).toMatch(/\bIk\b/);
    expect(visible).toContain('jullie');
  });

  it('holds the name, the date, the profile, the promises, the notes, the methods and how the profile moved', () => {
    expect(html).toContain('<h1>Keet &#60;Oost&#62;</h1>');
    expect(visible).toContain('Gesprek van 2 maart 2026');
    expect(html.match(/<g class="row"/g)).toHaveLength(5);
    expect(html).toContain('data-line="toerusting" data-answer="eigen-kracht" data-position="left"');
    // Last time's place, where it differs: an open circle.
    expect(html.match(/class="was"/g)).toHaveLength(2);
    for (const line of promises(model, second).will) expect(visible).toContain(line);
    expect(visible).toContain('Afspraak: offerte &#60;opvragen&#62; &#38; bellen');
    for (const id of second.shortlist) expect(visible).toContain(names(id).name.replace(/&/g, '&#38;'));
    expect(visible).toContain('Wat jullie nodig hebben: van &#34;hulp van buiten&#34; naar &#34;zelf doen&#34;');
    expect(html).toContain('@page{size:A4');
  });
});
