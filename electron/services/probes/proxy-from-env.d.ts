// proxy-from-env 2.x ships no types: its one export, as its README documents it.
declare module 'proxy-from-env' {
  /** The proxy URL the environment (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY) names for a URL, or '' for direct. */
  export function getProxyForUrl(url: string | URL): string;
}
