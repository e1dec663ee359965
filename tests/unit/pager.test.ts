import { describe, expect, it } from 'vitest';
import { pagerCommand } from '../../src/io/pager.js';

// Which pager is started; how the text reaches it is tested in tests/process (a real terminal).
describe('pagerCommand', () => {
  it.each([
    ['less where nothing is set', {}, 'linux', 'less'],
    ['more on Windows, which has no less', {}, 'win32', 'more'],
    ['PAGER before the default', { PAGER: 'most' }, 'win32', 'most'],
    ['METHODEWIJZER_PAGER before PAGER', { PAGER: 'most', METHODEWIJZER_PAGER: 'lv' }, 'darwin', 'lv'],
    ['an empty value: none', { PAGER: ' ' }, 'linux', undefined],
    ['an empty METHODEWIJZER_PAGER: none, whatever PAGER says', { PAGER: 'less', METHODEWIJZER_PAGER: '' }, 'win32', undefined],
  ] as const)('%s', (_, env, platform, expected) => {
    expect(pagerCommand(env, platform)).toBe(expected);
  });
});
