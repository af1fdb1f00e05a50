/**
 * The renderer's Content-Security-Policy, for the Electron window and the HTTP bridge alike:
 * only our own scripts and styles, images from ourselves or inline data, no framing, no plugins.
 */
export const rendererCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
