// Keystroke benchmark: how long the search picker (`search` without words) takes from a key to the
// screen that answers it, on a large catalogue. The built CLI's own code (the build's tools bundle,
// node_modules/.cache/methodewijzer/build-tools.cjs, written by scripts/build.mjs) runs
// the prompt in this process, driven by @inquirer/testing: the same search, snapshot and formatting as
// a user's terminal, only the screen is a buffer. A key counts as answered once the results for the new
// text are found and drawn.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Types each query into a fresh picker, one key at a time. Returns the time to the first screen (every
 * method by name) and the time of every key, in ms.
 */
export async function benchKeys({ root, folder, cacheRoot, queries, columns = 100, rows = 30 }) {
  const tools = require(join(root, 'node_modules', '.cache', 'methodewijzer', 'build-tools.cjs'));
  const { render } = await import('@inquirer/testing');
  const sink = { write: () => true, isTTY: false };
  const env = { ...process.env, XDG_CACHE_HOME: cacheRoot };
  delete env.NO_COLOR;
  const ctx = tools.createContext({ color: true, catalogue: [folder] }, { stdout: sink, stderr: sink, env });
  const opened = performance.now();
  const searcher = await tools.openSearcher(ctx, {});
  const openMs = performance.now() - opened;
  const style = tools.makeStyle(true);
  const keys = [];
  const firstScreens = [];
  for (const query of queries) {
    const config = tools.pickerConfig(searcher, { style, limit: 10, terminal: { columns, rows } });
    // Told when the results for the text typed so far are in; the prompt draws them in the same turn.
    let wanted = '';
    let answered = () => {};
    const source = config.source;
    config.source = async (term) => {
      const choices = await source(term);
      if ((term ?? '') === wanted) setImmediate(answered);
      return choices;
    };
    const next = () => new Promise((resolve) => (answered = resolve));
    let shown = next();
    const start = performance.now();
    const prompt = await render(tools.pickPrompt, config);
    prompt.answer.catch(() => {});
    await shown;
    firstScreens.push(performance.now() - start);
    for (const ch of query) {
      wanted += ch;
      shown = next();
      const cpu = process.cpuUsage();
      const t = performance.now();
      prompt.events.type(ch);
      await shown;
      const used = process.cpuUsage(cpu);
      keys.push({ ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 });
    }
    if (!prompt.getScreen().includes(`Zoek een methode: ${query}`)) throw new Error(`bench: the picker does not show "${query}":\n${prompt.getScreen()}`);
    prompt.events.keypress('escape');
    await prompt.answer.catch(() => {});
  }
  return { openMs, firstScreens, keys };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

/** A key answered within this feels instant (a few frames of a 60 Hz screen); the 95th percentile must stay under it. */
export const KEY_TARGET_MS = 50;

export function formatKeys({ openMs, firstScreens, keys }, size) {
  const ms = (x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
  const wall = keys.map((k) => k.ms);
  const cpu = keys.map((k) => k.cpuMs);
  const p95 = percentile(wall, 95);
  return [
    `per key (${keys.length} keys): median ${ms(median(wall))}, 95th percentile ${ms(p95)}, slowest ${ms(Math.max(...wall))}; ` +
      `target 95th percentile < ${KEY_TARGET_MS} ms: ${p95 < KEY_TARGET_MS ? 'met' : 'NOT met'}`,
    `CPU time per key (what the machine's load does not inflate): median ${ms(median(cpu))}, 95th percentile ${ms(percentile(cpu, 95))}`,
    `first screen (the methods by name, of ${size.toLocaleString('en')}): ${ms(firstScreens[0])} the first time, then ${ms(median(firstScreens.slice(1)))}; ` +
      `opening the cached snapshot: ${ms(openMs)}`,
  ].join('\n');
}
