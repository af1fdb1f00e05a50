/**
 * Which encoding a bundle file's bytes are in. Windows PowerShell 5's `>` writes UTF-16LE with a
 * BOM, Notepad may add a UTF-8 BOM, and some tools write UTF-16 without one: a JSON bundle starts
 * with `{` (after optional whitespace), so a zero byte beside the first ASCII one tells which half.
 * Decoding itself is left to the caller (Node's or the browser's TextDecoder): shared/ has neither.
 */
export type BundleEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export const bundleEncodingOf = (bytes: Uint8Array): { readonly encoding: BundleEncoding; readonly bomBytes: number } => {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return { encoding: 'utf-16le', bomBytes: 0 };
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return { encoding: 'utf-16be', bomBytes: 0 };
  return { encoding: 'utf-8', bomBytes: 0 };
};
