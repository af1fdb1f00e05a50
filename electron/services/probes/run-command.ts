import { spawn } from 'node:child_process';
import type { ProbeContext } from './probe-definition';
import { ProbeUnsupported } from './probe-definition';

export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  /** null when the child was stopped: its time ran out, or `doneWhen` matched. */
  readonly code: number | null;
}

/** What a probe asks the runner for: one platform tool, no shell. */
export interface CommandRequest {
  readonly command: string;
  readonly args: readonly string[];
  readonly timeoutMs: number;
  /** Output that already holds the answer: the child is stopped there instead of waiting out its own timer. */
  readonly doneWhen?: RegExp;
}

/**
 * Runs platform tools for a probe. The engine passes the real one (spawnCommand); tests pass one
 * that answers with recorded outputs, so Windows and macOS probes run through their real code
 * on any machine. A tool that is not there rejects with ToolMissing, as spawnCommand does.
 */
export type CommandRunner = (ctx: ProbeContext, request: CommandRequest) => Promise<CommandOutput>;

/** The tool is not installed (ENOENT): a fallback may try another; alone, the probe is unsupported. */
export class ToolMissing extends ProbeUnsupported {
  constructor(readonly command: string) {
    super(`the ${command} tool is not installed on this machine`);
    this.name = 'ToolMissing';
  }
}

/** The real runner: no shell, a time limit and the probe's abort; the child is killed on cancel. */
export const spawnCommand: CommandRunner = (ctx, { command, args, timeoutMs, doneWhen }) =>
  new Promise((resolve, reject) => {
    const child = ctx.track(spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } }));
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const check = () => {
      if (doneWhen && (doneWhen.test(stdout) || doneWhen.test(stderr))) child.kill('SIGKILL');
    };
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < 1_000_000) stdout += d;
      check();
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 100_000) stderr += d;
      check();
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT') reject(new ToolMissing(command));
      else reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });

/** Runs a platform tool through the probe's runner (see CommandRunner). */
export const runCommand = (ctx: ProbeContext, command: string, args: readonly string[], timeoutMs: number, doneWhen?: RegExp): Promise<CommandOutput> =>
  ctx.commands(ctx, { command, args, timeoutMs, ...(doneWhen ? { doneWhen } : {}) });

/** One source tried for a fact, and what came of it: kept in a result's details so an engineer sees the chain. */
export interface SourceAttempt {
  readonly source: string;
  readonly outcome: 'used' | 'failed' | 'missing';
  readonly why?: string;
}

/** Why a tool's run gave no answer, in plain words: it was not there, its time ran out, it exited with an error. */
export const whyNoAnswer = (command: string, out: CommandOutput | null, error?: unknown, timeoutMs?: number): string => {
  if (error instanceof ToolMissing) return error.message;
  if (error instanceof SyntaxError) return `${command} printed something other than the expected JSON`;
  if (error) return `${command} could not be run: ${error instanceof Error ? error.message : String(error)}`;
  if (!out) return `${command} gave no output`;
  if (out.code === null) return `${command} did not finish${timeoutMs ? ` within ${Math.round(timeoutMs / 100) / 10} s` : ''}`;
  const said = (out.stderr.trim() || out.stdout.trim()).split(/\r?\n/)[0]?.trim().slice(0, 160);
  return `${command} exited with code ${out.code}${said ? `: ${said}` : ''}`;
};
