import { describe, expect, it } from 'vitest';
import { cacheRoot } from '../../src/store/cache-root.js';

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
    expect(cacheRoot(env, home)).toBe(expected);
  });
});
