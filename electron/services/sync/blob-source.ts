import fs from 'node:fs';
import path from 'node:path';

/** Where a content-addressed attachment lives in the data directory: blobs/ab/abcdef…. */
export const blobPath = (dataDir: string, sha256: string): string => path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256);

/** Reads a local blob by hash; null when the laptop does not have it. */
export type BlobSource = (sha256: string) => Buffer | null;

export const dataDirBlobSource =
  (dataDir: string): BlobSource =>
  (sha256) => {
    try {
      return fs.readFileSync(blobPath(dataDir, sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
