import type { Command, CommanderError } from 'commander';

/**
 * What both command lines (groundwork, groundwork-hub) share about being used by a person or a
 * script: usage mistakes exit 2 with a suggestion, every --help lists the exit codes.
 * Pure: no Node API; the caller prints and exits.
 */

export const usageExitCode = 2;

export interface ExitCode {
  readonly code: number;
  readonly meaning: string;
}

/** Damerau–Levenshtein (optimal string alignment) distance: a swap of two letters counts once. */
export const editDistance = (a: string, b: string): number => {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
};

/** The closest known word, if it is close enough to be what was meant (or a prefix of it). */
export const closestWord = (typed: string, known: readonly string[]): string | undefined => {
  const lower = typed.toLowerCase();
  const prefixed = known.filter((k) => k.startsWith(lower) && lower.length >= 2);
  if (prefixed.length === 1) return prefixed[0];
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = editDistance(lower, word);
    if (!best || distance < best.distance) best = { word, distance };
  }
  // Up to a third of the letters wrong (at least one): "colect", "cses", "raport".
  return best && best.distance <= Math.max(1, Math.floor(typed.length / 3)) ? best.word : undefined;
};

const namesOf = (command: Command): string[] => [command.name(), ...command.aliases()];

const takesValue = (command: Command, token: string): boolean => {
  if (token.includes('=')) return false;
  const option = command.options.find((o) => o.long === token || o.short === token);
  return Boolean(option && (option.required || option.optional));
};

/**
 * Finds an unknown (sub)command before commander sees it: commander shows the parent's help and
 * exits 0 for `groundwork history --help`, which hides the mistake from scripts.
 * Returns the message to print, or undefined when every command word is known.
 */
export const unknownCommandMessage = (program: Command, args: readonly string[]): string | undefined => {
  let command = program;
  let path = [program.name()];
  for (let i = 0; i < args.length; i += 1) {
    const token = args[i] as string;
    if (token === '--') return undefined;
    if (token.startsWith('-')) {
      if (takesValue(command, token)) i += 1;
      continue;
    }
    // A command that takes arguments of its own (or has no subcommands) owns the rest of the line.
    if (command.commands.length === 0 || command.registeredArguments.length > 0) return undefined;
    if (token === 'help') return undefined;
    const next = command.commands.find((c) => namesOf(c).includes(token));
    if (!next) {
      const known = command.commands.map((c) => c.name());
      const guess = closestWord(token, known);
      const where = path.join(' ');
      return (
        `${where}: unknown command '${token}'.\n` +
        (guess ? `Did you mean: ${where} ${guess}?\n` : `Known commands: ${known.join(', ')}.\n`) +
        `Run '${where} --help' for usage.\n`
      );
    }
    command = next;
    path = [...path, next.name()];
  }
  return undefined;
};

const everyCommand = (command: Command): Command[] => [command, ...command.commands.flatMap(everyCommand)];

/**
 * Commander's own usage errors (unknown option, missing or invalid value) exit with code 2, and
 * help or version output with 0. Applied to every subcommand: addCommand does not inherit it.
 */
export const exitTwoOnUsageErrors = (program: Command, exit: (code: number) => never): void => {
  for (const command of everyCommand(program)) {
    command.exitOverride((error: CommanderError) => exit(error.exitCode === 0 ? 0 : usageExitCode));
  }
};

/** Appends the exit codes to every command's --help (the command's own extra codes first). */
export const listExitCodesInHelp = (
  program: Command,
  codes: readonly ExitCode[],
  extra: (command: Command) => readonly ExitCode[] = () => [],
): void => {
  for (const command of everyCommand(program)) {
    const all = [...codes, ...extra(command)].sort((a, b) => a.code - b.code);
    command.addHelpText('after', `\nExit codes:\n${all.map((c) => `  ${String(c.code).padEnd(3)} ${c.meaning}`).join('\n')}\n`);
  }
};
