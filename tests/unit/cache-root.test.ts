import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/env.js';
import { cacheRoot, userFolder } from '../../src/store/cache-root.js';
import { dossierFolder } from '../../src/store/dossier-folder.js';

// Where the cache lives. A relative path would name a folder wherever the CLI is started, so it is
// ignored: XDG_CACHE_HOME falls back to HOME, HOME to the system's home folder (os.homedir), and a
// relative answer there too means no cache.
describe('cacheRoot', () => {
  const homedir = (home: string) => () => home;
  const noHome = () => {
    throw new Error('no home');
  };

  it.each([
    ['XDG_CACHE_HOME', { XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }, homedir('/elders'), '/x/cache/methodewijzer'],
    ['HOME without XDG_CACHE_HOME', { HOME: '/home/u' }, homedir('/elders'), '/home/u/.cache/methodewijzer'],
    ['a relative XDG_CACHE_HOME: HOME', { XDG_CACHE_HOME: 'cache', HOME: '/home/u' }, homedir('/elders'), '/home/u/.cache/methodewijzer'],
    ['a relative HOME: the system home', { HOME: 'thuis' }, homedir('/home/u'), '/home/u/.cache/methodewijzer'],
    ['a relative HOME, and os.homedir says the same', { HOME: 'thuis' }, homedir('thuis'), undefined],
    ['both relative', { XDG_CACHE_HOME: 'cache', HOME: 'thuis' }, homedir('thuis'), undefined],
    ['no HOME: the system home', {}, homedir('/home/u'), '/home/u/.cache/methodewijzer'],
    ['no home at all', {}, noHome, undefined],
    ['an empty system home', {}, homedir(''), undefined],
  ])('%s', (_, env, home, expected) => {
    expect(cacheRoot(env, home, 'linux')).toBe(expected);
  });
});

// The same rules as the env-paths package, per system; the Windows and macOS rules are tested here
// with the system given, on whatever system the tests run (the CLI itself is run only on Linux in CI).
describe('userFolder on each system', () => {
  const home = (h: string) => () => h;
  it.each([
    ['linux', 'cache', { HOME: '/home/u' }, '/home/u/.cache/methodewijzer'],
    ['linux', 'data', { HOME: '/home/u' }, '/home/u/.local/share/methodewijzer'],
    ['linux', 'data', { HOME: '/home/u', XDG_DATA_HOME: '/x/data' }, '/x/data/methodewijzer'],
    ['darwin', 'cache', { HOME: '/Users/u' }, '/Users/u/Library/Caches/methodewijzer'],
    ['darwin', 'data', { HOME: '/Users/u' }, '/Users/u/Library/Application Support/methodewijzer'],
    ['darwin', 'cache', { HOME: '/Users/u', XDG_CACHE_HOME: '/x/cache' }, '/x/cache/methodewijzer'],
    ['win32', 'cache', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', HOME: '/ignored' }, 'C:\\Users\\u\\AppData\\Local\\methodewijzer\\Cache'],
    ['win32', 'data', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'C:\\Users\\u\\AppData\\Local\\methodewijzer\\Data'],
    ['win32', 'cache', { USERPROFILE: 'C:\\Users\\u' }, 'C:\\Users\\u\\AppData\\Local\\methodewijzer\\Cache'],
    ['win32', 'cache', { LOCALAPPDATA: 'relatief', USERPROFILE: 'D:\\thuis' }, 'D:\\thuis\\AppData\\Local\\methodewijzer\\Cache'],
  ] as const)('%s, %s, %j', (platform, kind, env, expected) => {
    expect(userFolder(kind, env, home('/elders'), platform)).toBe(expected);
  });

  it('asks the system for the home only when the environment has none (Windows: USERPROFILE)', () => {
    expect(userFolder('cache', { HOME: 'C:\\Users\\u' }, home('C:\\Users\\sys'), 'win32')).toBe('C:\\Users\\sys\\AppData\\Local\\methodewijzer\\Cache');
    expect(cacheRoot({}, home('/Users/sys'), 'darwin')).toBe('/Users/sys/Library/Caches/methodewijzer');
  });

  it('puts the dossiers in the data folder of each system', () => {
    expect(dossierFolder(undefined, { HOME: '/home/u' }, 'linux')).toBe('/home/u/.local/share/methodewijzer/dossiers');
    expect(dossierFolder(undefined, { HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Application Support/methodewijzer/dossiers');
    expect(dossierFolder(undefined, { LOCALAPPDATA: 'C:\\L' }, 'win32')).toBe('C:\\L\\methodewijzer\\Data\\dossiers');
  });

  it('keeps the dossiers where an earlier version put them on macOS (~/.local/share), until the new folder exists', () => {
    const home = tempDir('dossiers-home-');
    const earlier = join(home, '.local', 'share', 'methodewijzer', 'dossiers');
    const now = join(home, 'Library', 'Application Support', 'methodewijzer', 'dossiers');
    expect(dossierFolder(undefined, { HOME: home }, 'darwin')).toBe(now);
    mkdirSync(earlier, { recursive: true });
    expect(dossierFolder(undefined, { HOME: home }, 'darwin')).toBe(earlier);
    // Linux never moved.
    expect(dossierFolder(undefined, { HOME: home }, 'linux')).toBe(earlier);
    mkdirSync(now, { recursive: true });
    expect(dossierFolder(undefined, { HOME: home }, 'darwin')).toBe(now);
  });
});
