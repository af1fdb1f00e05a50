/**
 * Security policy of the Electron shell, kept Electron-free so Node tests can check it:
 * which origin is ours, which external links may open in the user's browser.
 */
export const appScheme = 'app';
export const appHost = 'groundwork';
export const appOrigin = `${appScheme}://${appHost}`;

/** External sites the app may open in the system browser (documentation, frameworks it cites). */
export const allowedExternalHosts: readonly string[] = [
  'learn.microsoft.com',
  'www.cisco.com',
  'docs.aws.amazon.com',
  'github.com',
];

export const isAppUrl = (url: string): boolean => {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
};

export const isAllowedExternalUrl = (url: string): boolean => {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && parsed.username === '' && allowedExternalHosts.includes(parsed.hostname);
};

/** Maps an app:// request path to a file inside the renderer folder, or null if it would leave it. */
export const rendererFileFor = (url: string, rendererDir: string, join: (...p: string[]) => string, sep: string): string | null => {
  if (!isAppUrl(url)) return null;
  const pathname = decodeURIComponent(new URL(url).pathname);
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = join(rendererDir, relative);
  return file.startsWith(rendererDir + sep) ? file : null;
};
