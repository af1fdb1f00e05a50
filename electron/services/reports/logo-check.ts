import { serviceFailure } from '../../../shared/i18n/service-failure';
import { maxLogoBytes, type LogoMime } from '../../../shared/reports/branding';
import { sanitizeSvg } from '../../../shared/reports/svg-sanitize';

export interface CheckedLogo {
  readonly mime: LogoMime;
  readonly base64: string;
  /** What the SVG sanitiser took out, for the person uploading. */
  readonly removed: string[];
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A real PNG: the signature, then an IHDR chunk with sane dimensions. */
const checkPng = (bytes: Buffer): void => {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(pngSignature) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw serviceFailure('validation', 'error.logo.notPng');
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width > 8000 || height > 8000) {
    throw serviceFailure('validation', 'error.logo.badDimensions', { width, height });
  }
};

/**
 * Checks an uploaded logo and returns what may be stored: PNGs as they are, SVGs only as the
 * sanitiser rewrote them. Anything over 1 MB, malformed or unsafe is refused with a reason.
 */
export const checkLogo = (mime: LogoMime, base64: string): CheckedLogo => {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw serviceFailure('validation', 'error.logo.empty');
  if (bytes.length > maxLogoBytes) {
    throw serviceFailure('payload_too_large', 'error.logo.tooLarge', { size: bytes.length / 1024 / 1024 });
  }
  if (mime === 'image/png') {
    checkPng(bytes);
    return { mime, base64: bytes.toString('base64'), removed: [] };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const result = sanitizeSvg(text);
  if (!result.ok) throw serviceFailure('validation', 'error.logo.svgRefused', { reason: result.reason });
  return { mime, base64: Buffer.from(result.svg, 'utf8').toString('base64'), removed: result.removed };
};
