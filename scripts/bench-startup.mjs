// Start-up benchmark: each everyday command as a whole process, `__complete` (what every Tab of the
// shell completion runs, also with an own folder in a warm cache), and `actie` up to its first prompt
// in a pseudo-terminal, against bare Node.js measured in the same run. Median time and peak memory (RSS)
// over repeated runs, interleaved with the baseline so that drift in the machine's load hits both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time'; // GNU time, for the peak memory of a child process

export const STARTUP_TARGETS = { time: 1.3, actie: 1.6, memory: 1.5 };

const COMMANDS = [['list'], ['show', 'abcd'], ['search', 'buurt'], ['list', '--json'], ['__complete', 'ids']];
/** An own folder for `__complete ids --catalogue <map>`; its cache is warm after the warm-up runs. */
const OWN = 'id: eigen-methode\nname: Eigen methode\nsummary: Een eigen methode.\nelements: [animo]\nsource:\n  kind: verkenning\nurl: https://example.org/eigen\n';
const PROMPT = 'Animo (1/5)';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One whole process: wall time in ms and peak RSS in KiB (when GNU time is there). */
function wholeProcess(node, args, env, scratch) {
  const memFile = join(scratch, 'rss');
  const withTime = existsSync(TIME);
  const argv = withTime ? [TIME, '-f', '%M', '-o', memFile, node, ...args] : [node, ...args];
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`bench: ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  return { ms, kib: withTime ? Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) : NaN };
}

/** A process in a pseudo-terminal (util-linux `script`), timed until `marker` shows, then Ctrl-C. */
function untilShown(node, args, marker, env, scratch) {
  const memFile = join(scratch, 'rss-tty');
  const quoted = [node, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `${TIME} -f %M -o ${memFile} ${quoted}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let seen = '';
    let ms;
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      if (ms === undefined && seen.includes(marker)) {
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        child.stdin.write('\u0003');
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      if (ms === undefined) return reject(new Error(`bench: "${marker}" never appeared for ${args.join(' ')}:\n${seen.slice(-500)}`));
      resolve({ ms, kib: Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) });
    });
  });
}

/** Start-up of each command on one Node.js (`node`, this one unless given), against that same Node bare. */
export async function benchStartup({ bin, runs, node = process.execPath }) {
  const scratch = mkdtempSync(join(tmpdir(), 'methodewijzer-bench-'));
  const env = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: scratch };
  delete env.METHODEWIJZER_CATALOGUE;
  const rows = [];
  try {
    const own = join(scratch, 'eigen');
    mkdirSync(own);
    writeFileSync(join(own, 'eigen.yaml'), OWN);
    const commands = [...COMMANDS.map((args) => ({ label: args.join(' '), args })), { label: '__complete ids, eigen map (cache warm)', args: ['--catalogue', own, '__complete', 'ids'] }];
    // Warm-up: the file cache, the own folder's cache, and the code cache in the scratch cache folder (a user's second run).
    for (const { args } of commands) wholeProcess(node, [bin, ...args], env, scratch);
    for (const { label, args } of commands) {
      const base = [];
      const cmd = [];
      for (let i = 0; i < runs; i++) {
        base.push(wholeProcess(node, ['-e', '0'], env, scratch));
        cmd.push(wholeProcess(node, [bin, ...args], env, scratch));
      }
      rows.push(row(label, base, cmd, STARTUP_TARGETS.time));
    }
    const hasTty = spawnSync('script', ['--version']).status === 0 && existsSync(TIME);
    if (hasTty) {
      const base = [];
      const cmd = [];
      await untilShown(node, [bin, 'actie'], PROMPT, env, scratch);
      for (let i = 0; i < runs; i++) {
        // Baseline: bare node that prints one word, timed the same way, in the same terminal.
        base.push(await untilShown(node, ['-e', "process.stdout.write('KLAAR')"], 'KLAAR', env, scratch));
        cmd.push(await untilShown(node, [bin, 'actie'], PROMPT, env, scratch));
      }
      rows.push(row('actie (tot de eerste vraag)', base, cmd, STARTUP_TARGETS.actie));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

function row(label, base, cmd, timeTarget) {
  const baseMs = median(base.map((r) => r.ms));
  const ms = median(cmd.map((r) => r.ms));
  const baseKib = median(base.map((r) => r.kib));
  const kib = median(cmd.map((r) => r.kib));
  return { label, baseMs, ms, ratio: ms / baseMs, timeTarget, baseKib, kib, memRatio: kib / baseKib };
}

export function formatStartup(rows) {
  const header = ['command', 'median', 'node', 'ratio', 'target', 'peak RSS', 'node', 'ratio', 'target'];
  const mib = (k) => (Number.isNaN(k) ? 'n/a' : `${(k / 1024).toFixed(1)} MiB`);
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  const table = rows.map((r) => [
    r.label,
    `${Math.round(r.ms)} ms`,
    `${Math.round(r.baseMs)} ms`,
    `${r.ratio.toFixed(2)}x`,
    `<= ${r.timeTarget}x ${verdict(r.ratio <= r.timeTarget)}`,
    mib(r.kib),
    mib(r.baseKib),
    Number.isNaN(r.memRatio) ? 'n/a' : `${r.memRatio.toFixed(2)}x`,
    Number.isNaN(r.memRatio) ? 'n/a' : `<= ${STARTUP_TARGETS.memory}x ${verdict(r.memRatio <= STARTUP_TARGETS.memory)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  return [header, ...table].map((cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}
