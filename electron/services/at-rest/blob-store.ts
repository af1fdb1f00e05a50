import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makePrivate, readIfPresent, writePrivateFileAtomic } from './private-files';

/**
 * Evidence and attachments, content-addressed by the sha256 of their plaintext (as the hub knows
 * them) and stored encrypted: `GWB1` ‖ 12-byte nonce ‖ 16-byte GCM tag ‖ AES-256-GCM ciphertext,
 * with the hash as associated data so a file renamed to another hash does not decrypt.
 */
export interface BlobStore {
  /** Stores bytes, returns their sha256 (hex); storing the same bytes twice writes once. */
  write(bytes: Buffer): string;
  /** The plaintext for a hash; null when this laptop does not have it. */
  read(sha256: string): Buffer | null;
  /** Whether this laptop has the file, without decrypting it. */
  has(sha256: string): boolean;
}

const magic = Buffer.from('GWB1', 'latin1');
const headerLength = magic.length + 12 + 16;

export const blobPath = (dataDir: string, sha256: string): string => path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256);

const sha256Of = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

const checkHash = (sha256: string): void => {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Not a sha256 attachment hash');
};

export const sealBlob = (key: Buffer, sha256: string, plain: Buffer): Buffer => {
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(sha256, 'latin1'));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([magic, nonce, cipher.getAuthTag(), data]);
};

const openBlob = (key: Buffer, sha256: string, sealed: Buffer): Buffer => {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(magic.length, magic.length + 12));
  decipher.setAAD(Buffer.from(sha256, 'latin1'));
  decipher.setAuthTag(sealed.subarray(magic.length + 12, headerLength));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(headerLength)), decipher.final()]);
  } catch (error) {
    throw new Error(`The attachment ${sha256.slice(0, 12)}… cannot be decrypted with this case history's key (damaged or from another data directory).`, { cause: error });
  }
};

const isSealed = (bytes: Buffer): boolean => bytes.length >= headerLength && bytes.subarray(0, magic.length).equals(magic);

export const encryptedBlobStore = (dataDir: string, key: Buffer): BlobStore => ({
  write: (bytes) => {
    const sha256 = sha256Of(bytes);
    const file = blobPath(dataDir, sha256);
    if (fs.existsSync(file)) return sha256;
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writePrivateFileAtomic(file, sealBlob(key, sha256, bytes));
    return sha256;
  },
  read: (sha256) => {
    checkHash(sha256);
    const sealed = readIfPresent(blobPath(dataDir, sha256));
    if (!sealed) return null;
    const plain = openBlob(key, sha256, sealed);
    if (sha256Of(plain) !== sha256) throw new Error(`The attachment ${sha256.slice(0, 12)}… does not match its hash.`);
    return plain;
  },
  has: (sha256) => {
    checkHash(sha256);
    return fs.existsSync(blobPath(dataDir, sha256));
  },
});

/**
 * Evidence files kept in plaintext under attachments/ (before encryption at rest covered them)
 * move into the encrypted store: each is written sealed first and only then removed, so a crash
 * leaves it plaintext (sealed again next time) or sealed, never lost. Returns how many moved.
 */
export const sealPlaintextAttachments = (dataDir: string, store: BlobStore): number => {
  const dir = path.join(dataDir, 'attachments');
  if (!fs.existsSync(dir)) return 0;
  let moved = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!/^[0-9a-f]{64}$/.test(name)) continue; // a leftover temp file of an interrupted write
    const file = path.join(dir, name);
    const bytes = fs.readFileSync(file);
    if (sha256Of(bytes) !== name) continue; // not ours to touch: leave it as found
    store.write(bytes);
    fs.rmSync(file);
    moved += 1;
  }
  if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  return moved;
};

/**
 * Blobs written before encryption (plaintext named by their own hash) are sealed in place, each
 * by write-beside and rename, so a crash leaves every file plaintext or sealed, never half.
 * Returns how many it sealed.
 */
export const sealPlaintextBlobs = (dataDir: string, key: Buffer): number => {
  const root = path.join(dataDir, 'blobs');
  if (!fs.existsSync(root)) return 0;
  fs.chmodSync(root, 0o700);
  let sealed = 0;
  for (const prefix of fs.readdirSync(root)) {
    const dir = path.join(root, prefix);
    if (!fs.statSync(dir).isDirectory()) continue;
    fs.chmodSync(dir, 0o700);
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (!/^[0-9a-f]{64}$/.test(name)) continue; // a leftover temp file of an interrupted write
      const bytes = fs.readFileSync(file);
      if (isSealed(bytes)) {
        makePrivate(file);
        continue;
      }
      if (sha256Of(bytes) !== name) continue; // not ours to touch: leave it as found
      writePrivateFileAtomic(file, sealBlob(key, name, bytes));
      sealed += 1;
    }
  }
  return sealed;
};
