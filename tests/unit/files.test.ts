import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FailedError, InterruptedError } from '../../src/model/errors.js';
import { writeFileAtomic } from '../../src/io/files.js';
import { tempDir, unwritableDir } from '../helpers/env.js';

const OLD = Buffer.from('oude inhoud, byte voor byte\n\u00e9\n');

function setup() {
  const dir = tempDir('files-');
  const target = join(dir, 'doel.txt');
  writeFileSync(target, OLD);
  return { dir, target };
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('writes a new file and leaves nothing else behind', async () => {
    const dir = tempDir('files-');
    await writeFileAtomic(join(dir, 'nieuw.txt'), 'hallo wereld');
    expect(readFileSync(join(dir, 'nieuw.txt'), 'utf8')).toBe('hallo wereld');
    expect(readdirSync(dir)).toEqual(['nieuw.txt']);
  });

  it('refuses an existing file without overwrite and leaves it byte for byte', async () => {
    const { dir, target } = setup();
    const err = await writeFileAtomic(target, 'nieuw').catch((e) => e);
    expect(err).toBeInstanceOf(FailedError);
    expect(err.message).toContain('bestaat al');
    expect(err.hint).toContain('--force');
    expect(readFileSync(target)).toEqual(OLD);
    expect(leftovers(dir)).toEqual([]);
  });

  it('replaces an existing file with overwrite, keeping its permissions', async () => {
    const { target } = setup();
    const mode = statSync(target).mode;
    await writeFileAtomic(target, 'nieuw', { overwrite: true });
    expect(readFileSync(target, 'utf8')).toBe('nieuw');
    expect(statSync(target).mode).toBe(mode);
  });

  it('leaves the target intact and no temporary file when the content fails midway', async () => {
    const { dir, target } = setup();
    function* failing() {
      yield 'x'.repeat(200_000);
      throw new Error('schijf weg');
    }
    await expect(writeFileAtomic(target, failing(), { overwrite: true })).rejects.toThrow('schijf weg');
    expect(readFileSync(target)).toEqual(OLD);
    expect(leftovers(dir)).toEqual([]);
  });

  it('stops on abort, leaving the target intact and no temporary file', async () => {
    const { dir, target } = setup();
    const controller = new AbortController();
    function* slow() {
      for (let i = 0; i < 100; i++) {
        if (i === 3) controller.abort();
        yield 'y'.repeat(100_000);
      }
    }
    await expect(writeFileAtomic(target, slow(), { overwrite: true, signal: controller.signal })).rejects.toBeInstanceOf(InterruptedError);
    expect(readFileSync(target)).toEqual(OLD);
    expect(leftovers(dir)).toEqual([]);
  });

  it('fails with a hint when the folder does not exist or the target is a folder', async () => {
    const dir = tempDir('files-');
    await expect(writeFileAtomic(join(dir, 'nee', 'x.txt'), 'x')).rejects.toThrow(/map .* bestaat niet/);
    mkdirSync(join(dir, 'map'));
    await expect(writeFileAtomic(join(dir, 'map'), 'x', { overwrite: true })).rejects.toThrow('is een map');
    expect(readdirSync(dir).sort()).toEqual(['map']);
  });

  it.each([
    { name: 'no hints: a general one that names no option', hints: undefined, hint: /^Controleer of u in deze map mag schrijven, of kies een andere plek\.$/ },
    { name: "the caller's hint", hints: { write: 'Kies met --report een andere plek.' }, hint: /^Kies met --report een andere plek\.$/ },
  ])('a folder that may not be written fails with $name', async ({ hints, hint }) => {
    const err = await writeFileAtomic(join(unwritableDir(), 'x.txt'), 'x', { hints }).catch((e) => e);
    expect(err).toBeInstanceOf(FailedError);
    expect(err.message).toMatch(/niet schrijven \(E[A-Z]+\); er is niets veranderd/);
    expect(err.hint).toMatch(hint);
  });

  it('writes multi-byte text whole across chunk borders', async () => {
    const dir = tempDir('files-');
    const content = 'é🙂'.repeat(50_000);
    await writeFileAtomic(join(dir, 'utf8.txt'), content);
    expect(readFileSync(join(dir, 'utf8.txt'), 'utf8')).toBe(content);
  });
});
