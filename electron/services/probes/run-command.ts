import { spawn } from 'node:child_process';
import type { ProbeContext } from './probe-definition';
import { ProbeUnsupported } from './probe-definition';

export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
}

/**
 * Runs a platform tool with no shell, a time limit and the probe's abort; the child is killed
 * on cancel. A missing tool becomes ProbeUnsupported with the tool's name. `doneWhen`: output
 * that already holds the answer, so the child is stopped there instead of waiting out its own timer.
 */
export const runCommand = (ctx: ProbeContext, command: string, args: readonly string[], timeoutMs: number, doneWhen?: RegExp): Promise<CommandOutput> =>
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
      if (error.code === 'ENOENT') reject(new ProbeUnsupported(`the ${command} tool is not installed on this machine`));
      else reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
