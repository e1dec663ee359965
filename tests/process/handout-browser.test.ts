// The handout in a real browser (Debian's chromium, headless): the page as the initiative-takers see it,
// a screenshot, and a PDF as it prints on A4. Skipped, with its reason, where chromium is missing.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';
import { lacks } from '../helpers/tools.js';

function chromium(dir: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, ...args],
    { encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: dir } },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(lacks('chromium', 'handout browser test'))('the handout in a browser', () => {
  it('shows the initiative, its profile, the promises, the notes and the methods, and prints as a PDF', async () => {
    const dir = tempDir('handout-browser-');
    const env = { METHODEWIJZER_DOSSIERS: join(dir, 'dossiers') };
    const answers = ['--contact', 'benutten', '--inbedding', 'organisaties', '--empathie', 'betrokkenheid', '--setting', 'dorp', '--over', 'jongeren willen een eigen keet'];
    await runMain(['actie', '--dossier', 'Keet Oost', '--animo', 'bijsturen', '--toerusting', 'aanreiken', ...answers, '--note', 'Offerte opvragen'], { env: { ...env, METHODEWIJZER_NOW: '2026-01-12T10:00' } });
    const page = join(dir, 'keet-oost.html');
    const made = await runMain(['actie', '--dossier', 'Keet Oost', '--animo', 'aansluiten', '--toerusting', 'eigen-kracht', ...answers, '--note', 'De gemeente zoekt een plek', '--handout', page], {
      env: { ...env, METHODEWIJZER_NOW: '2026-04-20T19:30' },
    });
    expect(made.code, made.stderr).toBe(0);
    const url = pathToFileURL(page).href;

    const dom = chromium(dir, ['--dump-dom', url]);
    expect(dom.status, dom.stderr).toBe(0);
    const text = dom.stdout.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(dom.stdout).toContain('<h1>Keet Oost</h1>');
    expect(text).toContain('Gesprek van 20 april 2026');
    expect(dom.stdout.match(/<g class="row"/g)).toHaveLength(5);
    expect(dom.stdout).toMatch(/data-line="toerusting" data-answer="eigen-kracht" data-position="left"/);
    expect(text).toContain('Wat ik wel doe');
    expect(text).toContain('Wat ik niet doe');
    expect(text).toContain('De gemeente zoekt een plek');
    expect(text).toContain('Offerte opvragen');
    expect(text).toContain('Hoe het veranderde');
    expect(text).toContain('KeetKeur');
    expect(text).not.toMatch(/kortlijst|focus|aandacht|element/i);

    const shot = join(dir, 'handout.png');
    const screenshot = chromium(dir, [`--screenshot=${shot}`, '--window-size=900,2400', '--hide-scrollbars', url]);
    expect(screenshot.status, screenshot.stderr).toBe(0);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(shot).size).toBeGreaterThan(10_000);

    const pdf = join(dir, 'handout.pdf');
    const printed = chromium(dir, [`--print-to-pdf=${pdf}`, '--no-pdf-header-footer', url]);
    expect(printed.status, printed.stderr).toBe(0);
    const bytes = readFileSync(pdf).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    const pages = bytes.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(0);
    // A4 (the page's @page rule): 595 x 842 points, as chromium rounds them.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(bytes);
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
  }, 120_000);
});
