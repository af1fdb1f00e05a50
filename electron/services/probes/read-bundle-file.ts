import fs from 'node:fs';
import { ApiFailure } from '../../../shared/contract/result';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { bundleEncodingOf } from '../../../shared/probes/bundle-encoding';
import { maxBundleBytes } from './bundle';

/** A bundle's bytes as text, whichever of UTF-8 (with or without BOM) or UTF-16LE/BE wrote them. */
export const decodeBundleBytes = (bytes: Uint8Array): string => {
  const { encoding, bomBytes } = bundleEncodingOf(bytes);
  // fatal: a byte sequence that is not valid in the detected encoding is refused, not replaced by U+FFFD.
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bomBytes));
  } catch (error) {
    throw serviceFailure('validation', 'error.bundle.notText', {
      encoding: encoding.toUpperCase(),
      detail: error instanceof Error ? error.message : String(error),
    });
  }
};

/** Reads a bundle file for `import`: a missing or unreadable file says so, a too-large one is refused unread. */
export const readBundleFile = (file: string): string => {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBundleBytes * 2) throw serviceFailure('validation', 'error.bundle.fileTooLarge', { file, max: (maxBundleBytes * 2) / 1024 / 1024 });
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? serviceFailure('not_found', 'error.bundle.fileMissing', { file })
      : serviceFailure('not_found', 'error.bundle.fileUnreadable', { file, code: code ?? '', hasCode: code ? 'yes' : 'no' });
  }
  return decodeBundleBytes(bytes);
};
