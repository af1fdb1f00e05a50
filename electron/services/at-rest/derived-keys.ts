import crypto from 'node:crypto';

/** The keys Groundwork uses, each derived from the data directory's master key (HKDF-SHA256). */
export interface DerivedKeys {
  /** SQLCipher raw key for the case database. */
  readonly database: Buffer;
  /** AES-256-GCM key for the evidence blobs. */
  readonly blobs: Buffer;
}

const derive = (master: Buffer, info: string): Buffer =>
  Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), `groundwork ${info} v1`, 32));

export const deriveKeys = (master: Buffer): DerivedKeys => {
  if (master.length !== 32) throw new Error('A master key is 32 bytes');
  return { database: derive(master, 'case database'), blobs: derive(master, 'evidence blobs') };
};
