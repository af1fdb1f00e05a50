import type { CommandRunner } from '../../../electron/services/probes/run-command';
import { ToolMissing } from '../../../electron/services/probes/run-command';
import { fixture } from './fixture';

/** What a recorded tool printed; `code` null is a run that was stopped (its time ran out). */
export interface RecordedAnswer {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly code?: number | null;
}

/** `missing`: the tool is not installed (the real runner's ENOENT). */
export type Recorded = RecordedAnswer | 'missing' | ((args: readonly string[]) => RecordedAnswer | 'missing');

export interface RecordedRule {
  readonly command: string;
  /** The joined argv contains this (a PowerShell cmdlet's name, a flag). */
  readonly argsInclude?: string;
  readonly answer: Recorded;
}

/** A fixture file's text as a tool's stdout (exit code 0 unless given). */
export const printed = (name: string, code: number | null = 0): RecordedAnswer => ({ stdout: fixture(name), code });
export const failedWith = (name: string, code = 1): RecordedAnswer => ({ stderr: fixture(name), code });

/**
 * A command runner answering from recorded outputs, so a Windows or macOS probe runs through
 * its real code here. A command no rule names is treated as not installed, and every call is
 * kept so a test sees which sources a probe tried, in order.
 */
export const recordedCommands = (rules: readonly RecordedRule[]) => {
  const calls: string[] = [];
  const commands: CommandRunner = async (_ctx, { command, args }) => {
    const joined = args.join(' ');
    calls.push(`${command} ${joined}`);
    const rule = rules.find((r) => r.command === command && (r.argsInclude === undefined || joined.includes(r.argsInclude)));
    const answer = rule === undefined ? 'missing' : typeof rule.answer === 'function' ? rule.answer(args) : rule.answer;
    if (answer === 'missing') throw new ToolMissing(command);
    return { stdout: answer.stdout ?? '', stderr: answer.stderr ?? '', code: answer.code === undefined ? 0 : answer.code };
  };
  return { commands, calls };
};
