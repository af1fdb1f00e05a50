import path from 'node:path';

/** Content types of the files the renderer build contains, for app:// and the loopback bridge. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

export const contentTypeOf = (file: string): string => contentTypes[path.extname(file)] ?? 'application/octet-stream';
