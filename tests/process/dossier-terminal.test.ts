// Coming back to an initiative in a real terminal (tmux): each question starts at the last session's
// answer, so Enter through keeps them all; the last question takes a note for the dossier.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { BIN } from '../helpers/cli.js';
import { cleanEnv, tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

const { model } = await openCatalogue();
let sessions: TmuxSession[] = [];

afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
});

describe.skipIf(lacks('tmux', 'terminal tests'))('actie --dossier in a terminal', () => {
  it('starts each question at the last answer, says when the last session was, and saves the note', async () => {
    const dir = tempDir('dossier-tty-');
    const folder = join(dir, 'dossiers');
    const first = ['--animo', 'bijsturen', '--contact', 'versterken', '--toerusting', 'eigen-kracht', '--inbedding', 'beide', '--empathie', 'onbekend', '--setting', 'dorp', '--over', 'een eigen keet'];
    const made = await runMain(['actie', '--dossier', 'Keet Oost', ...first], { env: { METHODEWIJZER_DOSSIERS: folder, METHODEWIJZER_NOW: '2026-02-03T16:45' } });
    expect(made.code, made.stderr).toBe(0);

    const session = new TmuxSession();
    sessions.push(session);
    const env = { ...cleanEnv(), METHODEWIJZER_PAGER: 'cat', METHODEWIJZER_DOSSIERS: folder, METHODEWIJZER_NOW: '2026-05-11T10:15' };
    session.start([process.execPath, BIN, 'actie', '--dossier', 'keet oost'], { cwd: dir, env, width: 100, height: 40 });
    await session.waitFor('de vorige sessie was op 3 februari 2026, 16:45');
    // Enter at every question: the answer of last time stays.
    for (const e of model.elements) {
      await session.waitFor(e.question);
      session.send('Enter');
    }
    for (const key of ['setting', 'doelgroep'] as const) {
      await session.waitFor(model.context[key].question);
      session.send('Enter');
    }
    await session.waitFor('Waar gaat het initiatief over?');
    session.send('Enter');
    await session.waitFor('Een notitie of afspraak voor het dossier?');
    session.send('-l', 'Begroting besproken');
    session.send('Enter');
    await session.waitFor('Toon het advies');
    session.send('Enter');
    expect(await session.waitForExit()).toBe(0);
    const screen = await session.waitFor('opgeslagen in het dossier');
    expect(screen).toContain('Sinds de vorige sessie (3 februari 2026, 16:45)');
    expect(screen).toContain('Niets veranderd: dezelfde antwoorden en dezelfde methoden.');

    const yaml = readFileSync(join(folder, 'keet-oost.yaml'), 'utf8');
    const [, one, two] = yaml.split(/^ {2}- date: /m);
    expect(two.startsWith('2026-05-11T10:15')).toBe(true);
    // The same answers and subject as last time, and the note typed.
    expect(two.replace(/^\S+/, '').replace(/\n {4}note: .*\n?$/, '\n')).toBe(one.replace(/^\S+/, ''));
    expect(two).toContain('note: Begroting besproken');
  });
});
