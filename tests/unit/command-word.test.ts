import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { delimiter } from 'node:path';
import { envFolders, expandHome } from '../../src/runtime/command-word.js';

describe('expandHome', () => {
  it.each([
    ['~', '/thuis/ik'],
    ['~/methoden', '/thuis/ik/methoden'],
    ['~/a/../b/', '/thuis/ik/b/'],
    ['~ander/methoden', '~ander/methoden'],
    ['./~', './~'],
    ['a/~/b', 'a/~/b'],
    ['/abs/~', '/abs/~'],
    ['methoden', 'methoden'],
  ])('%s -> %s', (dir, expected) => {
    expect(expandHome(dir, { HOME: '/thuis/ik' })).toBe(expected);
  });

  it('takes the home folder the system knows when HOME is missing or relative', () => {
    const home = userInfo().homedir;
    expect(expandHome('~/x', {})).toBe(`${home}/x`);
    expect(expandHome('~/x', { HOME: 'relatief' })).toBe(`${home}/x`);
  });
});

describe('envFolders', () => {
  it('splits METHODEWIJZER_CATALOGUE on : and expands each ~', () => {
    expect(envFolders({ HOME: '/h', METHODEWIJZER_CATALOGUE: '~/a::/b:~:c' }, ':')).toEqual(['/h/a', '/b', '/h', 'c']);
  });

  it('splits on ; where that is the separator (Windows), so a drive letter stays whole', () => {
    expect(envFolders({ METHODEWIJZER_CATALOGUE: 'C:\\methoden;;D:\\eigen' }, ';')).toEqual(['C:\\methoden', 'D:\\eigen']);
  });

  it("splits on this system's separator by default", () => {
    expect(envFolders({ METHODEWIJZER_CATALOGUE: ['/a', '/b'].join(delimiter) })).toEqual(['/a', '/b']);
  });
});
