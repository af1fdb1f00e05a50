import fs from 'node:fs';
import path from 'node:path';

export interface RotatingFileOptions {
  readonly dir: string;
  /** Base name, e.g. "groundwork" → groundwork.log, groundwork.1.log, … */
  readonly name: string;
  readonly maxBytes: number;
  /** How many rotated files to keep besides the live one. */
  readonly keep: number;
}

export interface RotatingFile {
  write(line: string): boolean;
  readonly file: string;
  close(): void;
}

/**
 * A size-based rotating log file, written synchronously. Why not a pino transport (pino-roll):
 * transports run in a worker thread loaded by file path, which the bundled Electron main
 * (esbuild, one file) cannot resolve, and pino-roll is one more dependency for ~40 lines. The
 * device logs a few lines per user action, so a synchronous append is cheap and a crash loses
 * nothing that was logged before it.
 */
export const openRotatingFile = (options: RotatingFileOptions): RotatingFile => {
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dir, `${options.name}.log`);
  const rotated = (n: number): string => path.join(options.dir, `${options.name}.${n}.log`);
  let fd = fs.openSync(file, 'a', 0o600);
  let size = fs.fstatSync(fd).size;

  const rotate = (): void => {
    fs.closeSync(fd);
    fs.rmSync(rotated(options.keep), { force: true });
    for (let n = options.keep - 1; n >= 1; n -= 1) {
      if (fs.existsSync(rotated(n))) fs.renameSync(rotated(n), rotated(n + 1));
    }
    fs.renameSync(file, rotated(1));
    fd = fs.openSync(file, 'a', 0o600);
    size = 0;
  };

  return {
    file,
    write: (line) => {
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > options.maxBytes) rotate();
      fs.writeSync(fd, line);
      size += bytes;
      return true;
    },
    close: () => fs.closeSync(fd),
  };
};
