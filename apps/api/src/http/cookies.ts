/** The value of one cookie of a `Cookie` request header, or undefined when absent or empty. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim() || undefined;
    }
  }
  return undefined;
}

/**
 * Whether the browser says a request comes from another origin. SameSite=Strict keeps other
 * sites' requests from carrying a cookie, but a sibling subdomain is the same site: the
 * browser's Sec-Fetch-Site tells it apart. Clients that send no such header are not browsers.
 */
export function isCrossOrigin(headers: { 'sec-fetch-site'?: string | string[] }): boolean {
  const site = headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin';
}
