import fs from 'node:fs';
import path from 'node:path';

/** The data directory: readable by its owner only (0700), also when it already existed as 0755. */
export const ensurePrivateDir = (dir: string): void => {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
};

/** An existing file made owner-only (0600); a missing one is fine. */
export const makePrivate = (file: string): void => {
  try {
    fs.chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
};

const fsyncPath = (target: string, flags: string): void => {
  const fd = fs.openSync(target, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
};

export const fsyncFile = (file: string): void => fsyncPath(file, 'r+');

/** After a rename: the directory entry itself reaches the disk (a no-op where directories cannot be opened). */
export const fsyncDir = (dir: string): void => {
  if (process.platform === 'win32') return;
  fsyncPath(dir, 'r');
};

/** Writes beside, fsyncs, renames over: a crash leaves the old file or the new one, 0600 from the first byte. */
export const writePrivateFileAtomic = (file: string, data: string | Buffer): void => {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, data, { mode: 0o600 });
  fs.chmodSync(temp, 0o600);
  fsyncFile(temp);
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(file));
};

export const readIfPresent = (file: string): Buffer | null => {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

/** A folder from an earlier version (logs/, blobs/) made owner-only with everything in it. */
export const makeTreePrivate = (dir: string): void => {
  if (!fs.existsSync(dir)) return;
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeTreePrivate(full);
    else if (entry.isFile()) fs.chmodSync(full, 0o600);
  }
};
