import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './env.js';
import { squash } from './text.js';

const TMUX = process.env.TMUX_BIN ?? 'tmux';

export interface StartOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  width?: number;
  height?: number;
  /** More tmux settings for this server, as lines of its configuration (`set -g set-clipboard on`). */
  settings?: string[];
}

/**
 * One program in a real pseudo-terminal, on a tmux server of its own (its own socket), so tests never
 * touch a user's tmux and can run side by side. The pane stays after the program ends so its last screen
 * can be read.
 */
export class TmuxSession {
  readonly name = `mw-${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly dir = tempDir('tmux-');
  private readonly socket = join(this.dir, 'socket');
  private readonly statusFile = join(this.dir, 'exit-status');
  /** What the shell prints once the program has ended: on the screen, everything before it is too. */
  private readonly endMark = `${this.name} ended`;
  size = { width: 100, height: 40 };

  start(command: string[], options: StartOptions): void {
    this.size = { width: options.width ?? 100, height: options.height ?? 40 };
    const config = join(this.dir, 'tmux.conf');
    // /bin/sh runs the command line (with its exit-status file) whatever the user's SHELL is.
    const settings = ['set -g default-shell /bin/sh', 'set -g history-limit 50000', 'set -g remain-on-exit on', 'set -g status off', ...(options.settings ?? [])];
    writeFileSync(config, settings.join('\n') + '\n');
    // After the program: its exit status, then a mark on the screen, and a shell that stays. When the
    // shell ended at once, tmux could close the pane before it had read the program's last output (seen
    // under load: the advice cut off mid-line), so the pane stays open until the session is killed.
    const shell = `${command.map(quote).join(' ')}; echo $? > ${quote(this.statusFile)}; printf '\\n%s\\n' ${quote(this.endMark)}; exec sleep 600`;
    execFileSync(
      TMUX,
      ['-S', this.socket, '-f', config, 'new-session', '-d', '-s', this.name, '-x', String(options.width ?? 100), '-y', String(options.height ?? 40), '-c', options.cwd, shell],
      { env: withoutTmux(options.env), stdio: 'ignore' },
    );
  }

  /** Key names as tmux knows them: Down, Enter, C-c, or plain text. */
  send(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** The whole pane, scrollback included, with lines the terminal wrapped joined again (the end mark left out). */
  capture(): string {
    return this.withoutEndMark(this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', this.name));
  }

  /** What the window shows now, without scrollback, lines as the terminal wrapped them (the end mark left out). */
  visible(): string {
    return this.withoutEndMark(this.tmux('capture-pane', '-p', '-t', this.name));
  }

  private withoutEndMark(screen: string): string {
    const at = screen.lastIndexOf(`\n${this.endMark}`);
    return at === -1 ? screen : screen.slice(0, at + 1);
  }

  /** The pane's title, as a program sets it with OSC 0 or 2. */
  title(): string {
    return this.tmux('display-message', '-p', '-t', this.name, '#{pane_title}').trim();
  }

  /** What tmux's paste buffers hold: with `set-clipboard on`, what a program put there with OSC 52. */
  buffers(): string {
    return this.tmux('list-buffers');
  }

  /** Resizes the window, as a user dragging its corner would; the program gets SIGWINCH. */
  resize(width: number, height: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(width), '-y', String(height));
  }

  /** Polls the screen until `test` holds; gives up after `timeoutMs` with the screen in the message. */
  async waitFor(test: string | ((screen: string) => boolean), timeoutMs = 10_000, read = () => this.capture()): Promise<string> {
    const ok = typeof test === 'string' ? (s: string) => squash(s).includes(squash(test)) : test;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = read();
      if (ok(screen)) return screen;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${typeof test === 'string' ? JSON.stringify(test) : 'the screen'}; screen:\n${screen}`);
      }
      await sleep(50);
    }
  }

  /**
   * Waits until the program has ended and all it wrote is on the screen, and returns its exit status. The
   * shell around the program writes the status to a file (tmux's #{pane_dead_status} can lag), then the
   * end mark, which tmux shows only after everything the program wrote before it.
   */
  async waitForExit(timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = readIfThere(this.statusFile);
      if (status !== undefined && /^\d+\n$/.test(status) && this.hasEnded()) return Number(status);
      if (Date.now() > deadline) throw new Error(`the program did not end; screen:\n${this.capture()}`);
      await sleep(50);
    }
  }

  private hasEnded(): boolean {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', this.name).includes(`\n${this.endMark}`);
  }

  /** Sends a signal to the program itself (the pane runs it under a shell that records its exit status). */
  signal(name: NodeJS.Signals): void {
    const shell = this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim();
    const children = childrenOf(Number(shell));
    if (children.length !== 1) throw new Error(`expected one program under the pane's shell, found ${children.length}`);
    process.kill(children[0], name);
  }

  kill(): void {
    spawnSync(TMUX, ['-S', this.socket, 'kill-server'], { stdio: 'ignore' });
    rmSync(this.dir, { recursive: true, force: true });
  }

  private tmux(...args: string[]): string {
    return execFileSync(TMUX, ['-S', this.socket, ...args], { encoding: 'utf8' });
  }
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Inside a tmux session (a developer's shell) TMUX is set; a fresh server must not think it is nested. */
function withoutTmux(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { TMUX: _, TMUX_PANE: __, ...rest } = env;
  return rest;
}

/** The processes whose parent is `pid`, read from /proc (Linux) so no procps is needed. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readIfThere(`/proc/${entry}/stat`);
    // "pid (command) state ppid ...": the command may hold spaces and parentheses, so read after the last ")".
    const ppid = stat && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) out.push(Number(entry));
  }
  return out;
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
